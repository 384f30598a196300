#pragma once
// The last few seconds of frames, kept so that a clip can start before the event that asked for
// it (the pre-roll). Frames are kept JPEG-compressed. Measured on real 640x480 webcam footage
// (2 cores): a raw BGR frame is 0.92 MB, so 5 s at 30 fps would hold 139 MB; as JPEG at quality
// 85 a frame is ~19 kB and the same 5 s take 2.9 MB. Compressing costs 0.8-1.3 ms per frame on
// the caller's thread where a plain copy costs ~0.07 ms: ~3% of a 30 fps frame interval, for a
// ring and an encoder queue ~50x smaller (see the "[.bench]" test in test_clip_recorder.cpp).
#include <opencv2/core.hpp>

#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace hemitrack {

using JpegBytes = std::vector<unsigned char>;

// One compressed frame; the ring and the encoder's queue share the bytes without copying them.
struct RingFrame {
  double time_s = 0.0;
  std::shared_ptr<const JpegBytes> jpeg;
  std::size_t bytes() const { return jpeg ? jpeg->size() : 0; }
};

// Nothing when the picture is empty or not 8-bit with 1 or 3 channels.
std::shared_ptr<const JpegBytes> compress_frame(const cv::Mat& bgr, int quality);
// An empty Mat when the bytes are not a JPEG picture.
cv::Mat decompress_frame(const JpegBytes& jpeg);

// Requires span_s > 0 and max_frames > 0. Not thread-safe: ClipRecorder guards it.
class FrameRing {
 public:
  FrameRing(double span_s, std::size_t max_frames);

  // Keeps frames no older than span_s before the newest, and at most max_frames of them (which
  // bounds memory even when a source's timestamps stand still). A frame older than the newest
  // means a new source with its own clock: what the ring held is dropped first.
  void push(RingFrame frame);
  void clear();

  // Frames with from_s <= time_s <= to_s, oldest first.
  std::vector<RingFrame> between(double from_s, double to_s) const;
  std::optional<double> newest_time() const;
  // Frames per second over what the ring holds; `fallback` with fewer than two frames.
  double estimated_fps(double fallback) const;

  double span_s() const { return span_s_; }
  std::size_t size() const { return frames_.size(); }
  std::size_t bytes() const { return bytes_; }

 private:
  double span_s_;
  std::size_t max_frames_;
  std::deque<RingFrame> frames_;
  std::size_t bytes_ = 0;
};

}  // namespace hemitrack
