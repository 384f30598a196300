#include "vision/crop_denoiser.h"

#include "vision/side_fitter.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hemitrack {
namespace {

// Noise-to-contrast of clean footage: 0.012-0.029 on the evaluation clips measured (webcams, a
// 1080p camera, enlarged stills); added sensor noise gives 0.04-0.13 (docs/accuracy.md).
constexpr double kCleanRatio = 0.035;
constexpr double kSigmaPerRatio = 25.0;
constexpr double kMaxSigma = 1.5;
// The noise is a property of the camera and the light: measuring one crop in four and following
// the measure over about two seconds (at 30 fps) is enough, and costs 10 us a frame, not 40.
constexpr int kMeasureEvery = 4;
constexpr double kRunningWeight = 0.08;

}  // namespace

double CropDenoiser::noise_to_contrast(const cv::Mat& crop) {
  // The face between the brows and the chin, clear of the background at the crop's sides.
  const double iod = SideFitter::kCropIod;
  const cv::Rect face(cv::Point(static_cast<int>(crop.cols / 2 - 1.1 * iod), static_cast<int>(SideFitter::kCropEyeLineY - 0.8 * iod)),
                      cv::Point(static_cast<int>(crop.cols / 2 + 1.1 * iod), static_cast<int>(SideFitter::kCropEyeLineY + 1.5 * iod)));
  const cv::Mat region = crop(face & cv::Rect(0, 0, crop.cols, crop.rows));
  // Immerkær (1996): the second-difference mask cancels smooth image structure, leaving noise.
  static const cv::Matx33f kMask(1, -2, 1, -2, 4, -2, 1, -2, 1);
  cv::Mat response;
  cv::filter2D(region, response, CV_32F, kMask, cv::Point(-1, -1), 0.0, cv::BORDER_REFLECT);
  const double noise = cv::mean(cv::abs(response))[0] * std::sqrt(CV_PI / 2.0) / 6.0;
  cv::Scalar mean, sd;
  cv::meanStdDev(region, mean, sd);
  return noise / std::max(sd[0], 1.0);
}

cv::Mat CropDenoiser::prepare(const cv::Mat& crop) {
  if (calls_++ % kMeasureEvery == 0) {
    const double ratio = noise_to_contrast(crop);
    running_ratio_ = running_ratio_ < 0.0 ? ratio : running_ratio_ + (ratio - running_ratio_) * kRunningWeight;
    sigma_ = std::clamp((running_ratio_ - kCleanRatio) * kSigmaPerRatio, 0.0, kMaxSigma);
    if (sigma_ < 0.2) sigma_ = 0.0;  // a kernel this narrow leaves the image as it is
  }
  if (sigma_ == 0.0) return crop;
  cv::Mat smoothed;
  cv::GaussianBlur(crop, smoothed, cv::Size(0, 0), sigma_);
  return smoothed;
}

}  // namespace hemitrack
