#pragma once
// Mouth-corner rise measured by optical flow in the upright face crop.
//
// The 68-point predictor places a mouth corner with ~0.013 inter-ocular distances of jitter and
// often follows a real corner pull only part of the way. Tracking the pixels around each corner
// from one frame to the next (relative to the nose and eye corners, which a pull does not move)
// is several times steadier. The frame-to-frame motion is summed, and the sum drawn slowly towards
// the corner's height as the landmarks place it: drift cannot accumulate, and a pull held for
// seconds keeps reading as far as the landmarks follow it (a leak towards zero read a held pull as
// fading away and its release as a drop below where the corner rests).
#include "core/landmarks.h"

#include <opencv2/core.hpp>

#include <array>
#include <optional>

namespace hemitrack {

class MouthCornerFlow {
 public:
  // Requires: `upright_grey` is the upright face crop (SideFitter geometry) and `crop_landmarks`
  // are this frame's landmarks in its coordinates. Returns the rise of the right and left corners
  // since they were first followed, in inter-ocular distances (up positive), or nothing when the
  // flow could not be followed.
  std::optional<std::array<double, 2>> update(double time_s, const cv::Mat& upright_grey, const Shape68& crop_landmarks);
  // The face was lost: the next frame follows the corners again from where the landmarks put
  // them, measured from the same zero as before.
  void reset();

 private:
  cv::Mat previous_;
  std::vector<cv::Point2f> previous_points_;
  double previous_time_s_ = 0.0;
  std::array<double, 2> height_{};    // corner heights above the steady points, inter-ocular units
  // ...when first followed: the zero of the rise, kept when the face is lost and found again so
  // the rise goes on from the same zero.
  std::optional<std::array<double, 2>> start_height_;
};

}  // namespace hemitrack
