#pragma once
// The live analysis behind the dashboard: a capture thread reads frames and hands the newest one
// over, an analysis thread owns every dlib object and runs the same AnalysisPipeline as
// `hemitrack analyze`, and the UI thread drains what changed since it last looked. Nothing here
// blocks the caller: the model loads and cameras open on the worker threads.
#include "core/calibration.h"
#include "runtime/analysis_pipeline.h"
#include "runtime/live_storage.h"
#include "runtime/peak_frames.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hemitrack {

using LiveClock = std::chrono::steady_clock;

struct LiveSource {
  enum class Kind { camera, file };
  Kind kind = Kind::camera;
  int camera_index = 0;
  int width = 640;
  int height = 480;
  std::filesystem::path file;
  // Played through the live pipeline when the camera cannot be opened (the bundled demo).
  std::optional<std::filesystem::path> fallback_file;
  // Files only: 1 plays at the file's own rate, 2 twice as fast, 0 as fast as analysis goes.
  double speed = 1.0;
  // Files only: hand frames over as a camera does, dropping those analysis cannot keep up with
  // instead of waiting (benchmarks of the live path; counts then differ from `analyze`).
  bool drop_late = false;
  // How a camera is opened; tests stand in a camera that can be unplugged.
  std::function<SourceOrError(int index, int width, int height)> open_camera = hemitrack::open_camera;
};

struct LiveOptions {
  AnalysisConfig analysis;
  std::optional<std::filesystem::path> model;  // else the usual model search
  LiveSource source;
  CalibrationConfig calibration;
  // Where sessions are kept (the database, clips); none: nothing is stored. The demo clip is never
  // stored. The source fields of `info` are filled in per session.
  std::optional<LiveStorageOptions> storage;
};

enum class LiveState {
  loading_model,   // the window is up; the face model is still being read
  model_error,     // the model is missing or unreadable: nothing can be analysed
  opening_source,
  source_error,    // a file cannot be read (a camera is retried instead: camera_lost)
  running,
  camera_lost,     // the camera stopped delivering frames; it is reopened when it returns
  finished,        // a file was played to its end; the counts are final
};

// The newest analysed frame, for the video panel.
struct LiveFrame {
  cv::Mat bgr;  // as analysed: un-mirrored, the person's right side on the image's left
  FrameAnalysis analysis;
  LiveClock::time_point captured_at;
};

struct LiveStats {
  double capture_fps = 0.0;
  double analysis_fps = 0.0;
  double analysis_latency_ms = 0.0;  // median, capture to analysed, over the last few seconds
  std::int64_t captured = 0;
  std::int64_t analysed = 0;
  std::int64_t dropped = 0;  // replaced by a newer frame before analysis could take them
  // Of those, the ones after the first kWarmupFrames analysed frames: the first frames search the
  // whole picture for the face and start the history, which drops a few frames whatever else runs,
  // so this is the figure that shows what steady work (clip encoding, say) costs.
  std::int64_t dropped_after_warmup = 0;
  static constexpr std::int64_t kWarmupFrames = 100;
};

// What changed since the previous drain(), plus the current totals.
struct LiveUpdate {
  LiveState state = LiveState::loading_model;
  std::string message;  // one line for the person when the state needs explaining
  SourceInfo source;
  bool demo = false;             // playing the bundled demo because no camera was found
  bool session_restarted = false;  // a new session began: forget everything drained before
  std::optional<LiveFrame> newest;
  std::vector<FrameSignals> signals;
  std::vector<TwitchEvent> events;
  std::vector<Blink> blinks;
  std::vector<PeakFrame> peaks;
  SessionSummary summary;
  CalibrationStatus calibration;
  LiveStats stats;
  LiveStorageStatus storage;  // session 0: not stored (storing off, the demo, or a problem)
};

class LiveSession {
 public:
  // Requires: options.analysis.validate() is empty. Starts the threads.
  explicit LiveSession(LiveOptions options);
  ~LiveSession();
  LiveSession(const LiveSession&) = delete;
  LiveSession& operator=(const LiveSession&) = delete;

  // UI thread: everything new since the previous call.
  LiveUpdate drain();
  // Called from the analysis thread after each frame, e.g. to wake an idle UI loop.
  void set_wakeup(std::function<void()> wakeup);
  // Switches camera, resolution or file; a camera switch keeps the running session's counts.
  void switch_source(LiveSource source);
  void recalibrate();
  // A manual clip of `seconds` from now (e.g. to show the neurologist), when clips are kept.
  void record(double seconds);

 private:
  struct Shared;
  std::unique_ptr<Shared> shared_;
};

std::string_view to_string(LiveState state);

}  // namespace hemitrack
