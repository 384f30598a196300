#include "storage/frame_ring.h"

#include <opencv2/imgcodecs.hpp>

#include <cassert>

namespace hemitrack {

std::shared_ptr<const JpegBytes> compress_frame(const cv::Mat& bgr, int quality) {
  if (bgr.empty() || bgr.depth() != CV_8U || (bgr.channels() != 3 && bgr.channels() != 1)) return nullptr;
  auto out = std::make_shared<JpegBytes>();
  if (!cv::imencode(".jpg", bgr, *out, {cv::IMWRITE_JPEG_QUALITY, quality})) return nullptr;
  return out;
}

cv::Mat decompress_frame(const JpegBytes& jpeg) {
  if (jpeg.empty()) return {};
  return cv::imdecode(jpeg, cv::IMREAD_COLOR);
}

FrameRing::FrameRing(double span_s, std::size_t max_frames) : span_s_(span_s), max_frames_(max_frames) {
  assert(span_s > 0.0 && max_frames > 0);
}

void FrameRing::push(RingFrame frame) {
  if (!frames_.empty() && frame.time_s < frames_.back().time_s) clear();
  bytes_ += frame.bytes();
  frames_.push_back(std::move(frame));
  const double oldest_kept = frames_.back().time_s - span_s_;
  while (frames_.size() > max_frames_ || frames_.front().time_s < oldest_kept) {
    bytes_ -= frames_.front().bytes();
    frames_.pop_front();
  }
}

void FrameRing::clear() {
  frames_.clear();
  bytes_ = 0;
}

std::vector<RingFrame> FrameRing::between(double from_s, double to_s) const {
  std::vector<RingFrame> out;
  for (const auto& f : frames_)
    if (f.time_s >= from_s && f.time_s <= to_s) out.push_back(f);
  return out;
}

std::optional<double> FrameRing::newest_time() const {
  if (frames_.empty()) return std::nullopt;
  return frames_.back().time_s;
}

double FrameRing::estimated_fps(double fallback) const {
  if (frames_.size() < 2) return fallback;
  const double span = frames_.back().time_s - frames_.front().time_s;
  if (!(span > 0.0)) return fallback;
  return static_cast<double>(frames_.size() - 1) / span;
}

}  // namespace hemitrack
