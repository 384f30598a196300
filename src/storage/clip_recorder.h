#pragma once
// Short video clips of events, for the neurologist who rarely sees a spasm in clinic.
//
// The capture or analysis side hands every frame to push() (with the overlay already drawn when
// the clip should show it) and asks for a clip when the detector reports an event, or when the
// user presses Record. push() compresses the frame, keeps the last few seconds in a ring (the
// pre-roll), and passes frames that belong to an open clip on to a background encoder; it never
// waits for the encoder (a frame it cannot take is dropped and counted) and costs about 1 ms per
// 640x480 frame (measured: median 0.8-1.3 ms on 2 cores).
//
// An event clip runs from pre_roll_s before the event to post_roll_s after it: the pre-roll comes
// from the ring, the post-roll as frames keep arriving. Requests of the same kind whose windows
// overlap an open clip extend that clip instead of starting another, so a burst of twitches
// becomes one clip listing every event rather than several clips repeating the same seconds.
// Manual recordings and event clips never merge: a recording keeps the length the user asked
// for, and an event inside it still gets its own (deletable) clip.
//
// Memory: the ring holds (pre_roll_s + request_delay_s) of JPEG frames (13 s of 640x480 webcam
// video at 30 fps: ~8 MB; at most max_ring_frames frames), plus at most
// ClipEncoderOptions::max_queued_bytes waiting for the encoder. Nothing grows with a clip's length.
#include "storage/clip_encoder.h"
#include "storage/clip_files.h"
#include "storage/frame_ring.h"

#include <opencv2/core.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hemitrack {

struct ClipRecorderConfig {
  double pre_roll_s = 3.0;
  double post_roll_s = 3.0;
  // How late a request may arrive and still get its whole pre-roll: the detector reports an event
  // only after it ended and settled, and later still while movement overlapping it goes on (a
  // corner held raised through a twitch). Over all evaluation clips, 99 % of reports came within
  // 3.6 s of the onset, the latest after 9.8 s. The ring keeps pre_roll_s + request_delay_s.
  double request_delay_s = 10.0;
  int jpeg_quality = 85;  // of the frames in memory; the clip is re-encoded as H.264 anyway
  // Caps the ring when timestamps stand still or a camera runs at 120 fps: 600 frames of 640x480
  // JPEG are ~12 MB.
  std::size_t max_ring_frames = 600;
  ClipEncoderOptions encoder;

  // "" when usable, otherwise the first problem, naming the field.
  std::string validate() const;
};

struct ClipRequest {
  double start_s = 0.0;  // the event, in the timestamps of the frames pushed
  double end_s = 0.0;
  ClipKind kind = ClipKind::automatic;
  // Folder and name without extension; ".auto.mp4" or ".manual.mp4" is appended. The folder is
  // created when missing.
  std::filesystem::path path_stem;
  std::optional<int> event_id;
};

struct ClipRecorderStats {
  std::int64_t frames_pushed = 0;
  std::int64_t frames_unusable = 0;  // empty, not 8-bit, or without a finite timestamp: not kept
  std::int64_t frames_dropped = 0;   // meant for a clip, refused because the encoder was behind
  std::size_t ring_frames = 0;
  std::size_t ring_bytes = 0;
  std::size_t queued_bytes = 0;  // compressed frames waiting for the encoder
  int open_clips = 0;            // still waiting for frames
};

// Every member may be called from any thread.
class ClipRecorder {
 public:
  // Requires config.validate() to be empty.
  explicit ClipRecorder(ClipRecorderConfig config = {});
  // Ends open clips with the frames they have (their post-roll cut short) and waits for the
  // encoder to write them.
  ~ClipRecorder();
  ClipRecorder(const ClipRecorder&) = delete;
  ClipRecorder& operator=(const ClipRecorder&) = delete;

  // `bgr` is copied (compressed); the caller may reuse it at once. A timestamp older than the
  // last one means a new source: open clips end and the ring starts over.
  void push(const cv::Mat& bgr, double time_s);

  // Returns the clip's id, which its ClipResult carries; a request merged into an open clip
  // returns that clip's id. Requires a non-empty path_stem and end_s >= start_s.
  int request_clip(const ClipRequest& request);

  // A manual clip of `duration_s` from the newest frame on (from the next frame when none came
  // yet), without pre- or post-roll.
  int record(double duration_s, const std::filesystem::path& path_stem);

  // Ends every open clip now, e.g. when the source stops; they keep the frames they have.
  void finish_open_clips();

  // Clips written (or failed) since the last call; never blocks.
  std::vector<ClipResult> take_finished();

  // Waits until the encoder has written everything handed to it so far (open clips keep waiting
  // for their frames); false on timeout.
  bool wait_idle(std::chrono::milliseconds timeout) const;

  ClipRecorderStats stats() const;

 private:
  struct OpenClip {
    int id = 0;
    ClipKind kind = ClipKind::automatic;
    double from_s = 0.0;
    double to_s = 0.0;
    std::filesystem::path final_path;
    std::optional<double> starts_at_next_frame;  // a recording asked for before any frame: its length
    // Handed to the encoder; until then its frames wait in the ring (only at a source's start,
    // while the ring has too few frames to measure the rate at).
    bool announced = false;
    std::vector<int> event_ids;
    std::int64_t dropped = 0;
    std::optional<double> last_offered_s;
  };

  int open_clip(OpenClip clip);
  void announce(OpenClip& clip);
  void send(OpenClip& clip, const RingFrame& frame);
  void end(OpenClip& clip);

  const ClipRecorderConfig config_;
  mutable std::mutex mutex_;
  FrameRing ring_;
  std::vector<OpenClip> open_;
  int next_id_ = 1;
  ClipRecorderStats stats_;
  ClipEncoder encoder_;
};

}  // namespace hemitrack
