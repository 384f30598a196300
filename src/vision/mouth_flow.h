#pragma once
// Mouth-corner rise measured by optical flow in the upright face crop.
//
// The 68-point predictor places a mouth corner with ~0.013 inter-ocular distances of jitter and
// often follows a real corner pull only part of the way. Tracking the pixels around each corner
// from one frame to the next (relative to the nose and eye corners, which a pull does not move)
// is several times steadier. The frame-to-frame motion is summed with a slow leak, so the result
// reads as "how far the corner has risen in the last seconds" and settles back to zero.
#include "core/landmarks.h"

#include <opencv2/core.hpp>

#include <array>
#include <optional>

namespace hemitrack {

class MouthCornerFlow {
 public:
  // Requires: `upright_grey` is the upright face crop (SideFitter geometry) and `crop_landmarks`
  // are this frame's landmarks in its coordinates. Returns the rise of the right and left corners
  // in inter-ocular distances (up positive), or nothing when the flow could not be followed.
  std::optional<std::array<double, 2>> update(double time_s, const cv::Mat& upright_grey, const Shape68& crop_landmarks);
  void reset();

 private:
  cv::Mat previous_;
  std::vector<cv::Point2f> previous_points_;
  double previous_time_s_ = 0.0;
  std::array<double, 2> rise_{};
};

}  // namespace hemitrack
