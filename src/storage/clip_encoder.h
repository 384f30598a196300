#pragma once
// Encodes clips on its own thread, so neither capture nor analysis ever waits for a video encoder.
// Frames stream in as they arrive (a clip is never held whole in memory, so a long manual
// recording costs no more memory than a short one) through a queue bounded in bytes: when the
// encoder falls behind, add() refuses the frame at once instead of waiting, and the caller counts
// it as dropped. A dropped frame leaves a gap in time; the encoder fills it by repeating the
// frame before, so a clip plays in real time even when frames were lost.
//
// Each clip is written as H.264 (fourcc avc1 through OpenCV's FFmpeg backend) to a hidden
// ".NAME.partial.mp4" beside its final name, checked by reading it back, and renamed when
// complete: the final name only ever holds a whole, playable clip. MPEG-4 Part 2 (mp4v) is the
// fallback where no H.264 encoder is installed; each result says which was used.
#include "storage/clip_files.h"
#include "storage/frame_ring.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace hemitrack {

struct ClipResult {
  int clip_id = 0;
  std::filesystem::path path;  // the finished file; nothing is there when `error` is set
  ClipKind kind = ClipKind::automatic;
  std::vector<int> event_ids;  // the events the clip shows (several when requests were merged)
  double first_frame_s = 0.0;  // source time of the first and last frame written
  double last_frame_s = 0.0;
  std::int64_t frames = 0;           // in the file, repeats included
  std::int64_t frames_repeated = 0;  // written twice to fill gaps (dropped or missing frames)
  std::int64_t frames_dropped = 0;   // meant for the clip but refused because the encoder was behind
  std::uintmax_t bytes = 0;
  std::string codec;  // "avc1" (H.264) or "mp4v" (MPEG-4 Part 2)
  std::string error;  // "" on success, else one line naming the file and the problem
  bool ok() const { return error.empty(); }
};

struct ClipEncoderOptions {
  // Frames waiting for the encoder, in compressed bytes. 32 MB is ~1700 640x480 JPEG frames
  // (about a minute at 30 fps); the encoder writes 640x480 H.264 at 70-140 frames/s on 2 cores
  // (busy or idle), 2-4x real time, so it is only reached when the machine is overloaded.
  std::size_t max_queued_bytes = std::size_t{32} << 20;
  // A clip is refused when less than this is free on its disk: the rest of the disk is the user's.
  std::uintmax_t min_free_bytes = std::uintmax_t{64} << 20;
  // The rate of a clip whose spec has none.
  double fallback_fps = 30.0;
  // Encode at idle priority (concurrency/helper_thread.h), for sources that deliver in real time: the
  // encoder then waits whenever drawing or analysis could run, and on a machine kept busy by
  // something else its clips fall behind and drop frames (counted, gaps filled). Off, it runs at
  // nice 10, which still gets it a share while a file is analysed as fast as it can be.
  bool idle_priority = false;
  // Runs where frames are encoded, before each; tests slow the encoder down with it.
  std::function<void()> before_each_frame;
};

// What begin() announces. The final name is fixed here; if a file of that name appears meanwhile,
// the clip takes the next free one ("x-2.auto.mp4") instead of replacing it.
struct ClipSpec {
  int id = 0;
  std::filesystem::path final_path;  // as clip_path() names it
  ClipKind kind = ClipKind::automatic;
  // The rate the clip plays at; frames are placed by their timestamps, a gap filled by repeating
  // the frame before. 0: ClipEncoderOptions::fallback_fps.
  double fps = 0.0;
};

struct ClipEnding {
  std::vector<int> event_ids;
  double from_s = 0.0;  // the window that was asked for (for the message when no frame came)
  double to_s = 0.0;
  std::int64_t frames_dropped = 0;
  std::optional<double> last_offered_s;  // the last frame meant for the clip, taken or dropped
};

// begin/add/end may be called from any one thread at a time; results from any thread.
class ClipEncoder {
 public:
  explicit ClipEncoder(ClipEncoderOptions options = {});
  ~ClipEncoder();  // encodes everything queued (clips never ended are ended), then stops
  ClipEncoder(const ClipEncoder&) = delete;
  ClipEncoder& operator=(const ClipEncoder&) = delete;

  // Never block. add() returns false when the queue is full: the frame is not kept.
  void begin(ClipSpec spec);
  bool add(int clip_id, RingFrame frame);
  void end(int clip_id, ClipEnding ending);

  // Clips finished since the last call, in the order they finished.
  std::vector<ClipResult> take_finished();
  // Waits until nothing is queued or being encoded; false on timeout.
  bool wait_idle(std::chrono::milliseconds timeout) const;
  std::size_t queued_bytes() const;

 private:
  struct FrameMessage {
    int clip_id;
    RingFrame frame;
  };
  struct EndMessage {
    int clip_id;
    ClipEnding ending;
  };
  using Message = std::variant<ClipSpec, FrameMessage, EndMessage>;

  void enqueue(Message m, std::size_t bytes);
  void run();

  ClipEncoderOptions options_;
  mutable std::mutex mutex_;
  mutable std::condition_variable wake_;
  mutable std::condition_variable idle_;
  std::deque<Message> queue_;
  std::size_t queued_bytes_ = 0;
  bool busy_ = false;
  bool stopping_ = false;
  std::mutex results_mutex_;
  std::vector<ClipResult> finished_;
  std::thread worker_;  // last: starts once everything above exists
};

}  // namespace hemitrack
