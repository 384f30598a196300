#pragma once
// Smooths the upright face crop when the footage is noisy, before anything measures it.
//
// dlib's shape predictor compares single pixels, so sensor noise (a webcam in a dim room) makes
// its fits tremble, and the trembling hides small twitches; the mouth's optical flow and the
// eye's picture suffer the same way. A blur removes the noise but also softens clean footage,
// where it costs twitches instead, so the blur follows the noise measured in the footage itself:
// none on clean footage, more as the noise grows relative to the face's contrast.
#include <opencv2/core.hpp>

namespace hemitrack {

class CropDenoiser {
 public:
  // Measures this crop's noise, updates the footage's running estimate and returns the crop to
  // measure: `crop` itself on clean footage, else a smoothed copy.
  cv::Mat prepare(const cv::Mat& crop);

  // The blur in use, in crop pixels (0 when none); for tests and diagnostics.
  double sigma() const { return sigma_; }

  // Noise relative to contrast of one upright crop: Immerkær's noise estimate over the face,
  // divided by the face's grey-level standard deviation.
  static double noise_to_contrast(const cv::Mat& crop);

 private:
  long calls_ = 0;
  double running_ratio_ = -1.0;  // < 0 until the first crop
  double sigma_ = 0.0;
};

}  // namespace hemitrack
