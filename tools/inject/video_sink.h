#pragma once
// Writes the output clip: H.264 ('avc1') in MP4 so it plays anywhere, falling back to MPEG-4 Part 2
// ('mp4v') when this OpenCV build cannot encode H.264. Frames go to a temporary name beside the
// target; only a complete clip is renamed into place.
#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>
#include <string>

namespace hemitrack::inject {

class VideoSink {
 public:
  // Returns false when no codec could open the file (folder missing or not writable).
  bool open(const std::filesystem::path& target, double fps, cv::Size size);
  bool write(const cv::Mat& bgr);  // Requires: open() succeeded and bgr has the opened size.
  // Closes and renames into place. Returns false (and removes the partial file) on failure.
  bool finish();
  void abandon();  // removes the partial file
  const std::string& codec() const { return codec_; }
  ~VideoSink() { abandon(); }

 private:
  std::filesystem::path target_, partial_;
  cv::VideoWriter writer_;
  cv::Size size_;
  std::string codec_;
};

}  // namespace hemitrack::inject
