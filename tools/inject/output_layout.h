#pragma once
// Final frame geometry: optional resize to --size (letterboxed: the face is never stretched, the
// padding is black) and optional horizontal mirroring (a selfie camera's view).
#include <opencv2/core.hpp>
#include <optional>

namespace hemitrack::inject {

struct OutputLayout {
  cv::Size size;  // of the written frames
  bool mirror = false;

  static OutputLayout make(cv::Size source, std::optional<int> width, std::optional<int> height, bool mirror);
  cv::Mat apply(const cv::Mat& source_frame) const;
};

}  // namespace hemitrack::inject
