#pragma once
// Keeps a live session in the history as it happens: a storage thread owns the database
// connection and writes signals, events and blinks as the analysis thread hands them over, and
// records each finished clip. The analysis thread never waits for the disk: when the storage
// thread falls behind, signal frames are dropped (and counted), never events.
#include "runtime/analysis_pipeline.h"
#include "storage/clip_recorder.h"
#include "storage/session_store.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <variant>

namespace hemitrack {

struct LiveStorageOptions {
  std::filesystem::path database;   // default_database_path() for the person's own history
  std::filesystem::path clips_dir;  // default_data_dir() / "clips"
  ClipPolicy clips = ClipPolicy::all;
  // Keeps signals and events but no video at all (no clips, manual ones included).
  bool landmarks_only = false;
  bool burn_in_overlay = false;  // draw the landmarks into clips
  // Frames come at the source's own pace (a camera, a file played in real time): clips are then
  // encoded at idle priority, giving way to the live picture (ClipEncoderOptions::idle_priority).
  bool paced_source = false;
  std::int64_t clip_budget_bytes = 2LL << 30;  // automatic clips beyond it go, oldest first
  SessionInfo info;  // source, kind, settings, tags; started_at is filled in
};

struct LiveStorageStatus {
  SessionId session = 0;        // 0 until the session is stored
  std::string problem;          // one line when the history cannot be written; the analysis goes on
  int clips_written = 0;
  std::int64_t signal_frames_dropped = 0;
  std::int64_t clip_frames_dropped = 0;  // the clip ring's feeder fell more than half a second behind
  bool recording = false;       // a manual clip is being recorded
};

class LiveStorage {
 public:
  explicit LiveStorage(LiveStorageOptions options);
  // Ends the session (duration and monitored time as last reported) and waits for the writes.
  ~LiveStorage();
  LiveStorage(const LiveStorage&) = delete;
  LiveStorage& operator=(const LiveStorage&) = delete;

  // Analysis thread, each frame: feeds the clip ring and queues the frame's signals.
  void frame(const cv::Mat& bgr, const FrameAnalysis& analysis);
  // Analysis thread: new events (which may ask for clips) and blinks.
  void found(const std::vector<TwitchEvent>& events, const std::vector<Blink>& blinks);
  // Analysis thread: the running totals written when the session ends.
  void totals(double duration_s, double monitored_s);
  // Any thread: a manual clip of `seconds` from now.
  void record(double seconds);

  LiveStorageStatus status() const;

 private:
  struct Signals {
    FrameSignals signals;
  };
  struct Found {
    std::vector<TwitchEvent> events;
    std::vector<Blink> blinks;
  };
  using Message = std::variant<Signals, Found>;

  void run();
  void feed_clips();
  void write(SessionStore& store, SessionId id, Message& m);
  void collect_clips(SessionStore& store, SessionId id);
  void set_problem(const std::string& problem);
  std::filesystem::path clip_stem(const std::string& what) const;

  LiveStorageOptions options_;
  std::string stem_prefix_;  // the session's start time, so clip names sort and never collide
  std::unique_ptr<ClipRecorder> clips_;

  // Frames on their way into the clip ring. Compressing them (about 1 ms each) happens on a
  // thread of its own at a lower priority, so that it takes the processor only when analysis
  // and drawing leave it idle, and never delays a result on screen.
  struct ToRing {
    cv::Mat bgr;  // shared with the analysed frame, which nobody writes to after analysis
    double time_s = 0.0;
    Shape68 landmarks{};
    bool face_found = false;
  };
  std::mutex feed_mutex_;
  std::condition_variable feed_wake_;
  std::condition_variable feed_space_;
  std::deque<ToRing> feed_;
  bool feed_stopping_ = false;
  std::thread feeder_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Message> queue_;
  bool stopping_ = false;
  double duration_s_ = 0.0, monitored_s_ = 0.0;
  LiveStorageStatus status_;
  std::atomic<double> newest_time_s_{0.0};
  std::atomic<double> recording_until_s_{0.0};  // a manual recording runs until this frame time
  std::atomic<int> recordings_{0};
  std::thread thread_;
};

}  // namespace hemitrack
