#include "output_layout.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace hemitrack::inject {

OutputLayout OutputLayout::make(cv::Size source, std::optional<int> width, std::optional<int> height, bool mirror) {
  OutputLayout layout;
  layout.size = (width && height) ? cv::Size(*width, *height) : source;
  layout.mirror = mirror;
  return layout;
}

cv::Mat OutputLayout::apply(const cv::Mat& frame) const {
  cv::Mat out;
  if (frame.size() == size) {
    out = frame;
  } else {
    const double scale = std::min(static_cast<double>(size.width) / frame.cols,
                                  static_cast<double>(size.height) / frame.rows);
    const cv::Size inner(std::max(1, static_cast<int>(std::lround(frame.cols * scale))),
                         std::max(1, static_cast<int>(std::lround(frame.rows * scale))));
    cv::Mat resized;
    cv::resize(frame, resized, inner, 0, 0, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    out = cv::Mat(size, frame.type(), cv::Scalar::all(0));
    resized.copyTo(out(cv::Rect((size.width - inner.width) / 2, (size.height - inner.height) / 2,
                                inner.width, inner.height)));
  }
  if (mirror) {
    cv::Mat flipped;
    cv::flip(out, flipped, 1);
    return flipped;
  }
  return out;
}

}  // namespace hemitrack::inject
