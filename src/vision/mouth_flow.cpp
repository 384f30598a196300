#include "vision/mouth_flow.h"

#include "vision/side_fitter.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <cmath>

namespace hemitrack {
namespace {

// Tracked points: the two mouth corners, then points a mouth-corner pull does not move (nostrils,
// nose base, nose bridge, inner eye corners) whose mean motion is the crop's own shake.
constexpr std::array<int, 2> kCorners = {48, 54};
constexpr std::array<int, 6> kSteady = {31, 33, 35, 27, 39, 42};
// How slowly the summed motion is drawn towards the landmarks' placing: slow enough that their
// frame-to-frame jitter (about 0.013 inter-ocular distances) averages out, fast enough that drift
// of the summed flow never builds up.
constexpr double kAnchor_s = 2.0;

// Each corner's height above the mean of the steady points, in inter-ocular distances.
std::array<double, 2> corner_heights(const std::vector<cv::Point2f>& points) {
  float steady_y = 0.f;
  for (std::size_t k = kCorners.size(); k < points.size(); ++k) steady_y += points[k].y;
  steady_y /= static_cast<float>(kSteady.size());
  return {(steady_y - points[0].y) / SideFitter::kCropIod, (steady_y - points[1].y) / SideFitter::kCropIod};
}

// The previous crop with its brightness and contrast matched to the current one over the region
// the points are tracked in. Optical flow takes a change of brightness for motion: when the light
// changes (a camera's auto-exposure, a cloud, a screen) every pixel brightens, and a corner, whose
// surroundings are darker on one side (the lips), reads as moving towards them.
cv::Mat matched_brightness(const cv::Mat& previous, const cv::Mat& current, const std::vector<cv::Point2f>& points) {
  constexpr int kMargin = 8;  // about the flow's half window
  const cv::Rect around_points =
      cv::boundingRect(points) + cv::Size(2 * kMargin, 2 * kMargin) - cv::Point(kMargin, kMargin);
  const cv::Rect region = around_points & cv::Rect(0, 0, current.cols, current.rows);
  if (region.area() == 0) return previous;
  cv::Scalar mean_before, sd_before, mean_now, sd_now;
  cv::meanStdDev(previous(region), mean_before, sd_before);
  cv::meanStdDev(current(region), mean_now, sd_now);
  if (sd_before[0] < 1.0) return previous;
  const double gain = sd_now[0] / sd_before[0];
  cv::Mat matched;
  previous.convertTo(matched, CV_8U, gain, mean_now[0] - gain * mean_before[0]);
  return matched;
}

}  // namespace

void MouthCornerFlow::reset() {
  previous_.release();
  previous_points_.clear();
}

std::optional<std::array<double, 2>> MouthCornerFlow::update(double time_s, const cv::Mat& upright_grey,
                                                             const Shape68& crop_landmarks) {
  std::vector<cv::Point2f> points;
  for (int i : kCorners) points.emplace_back(static_cast<float>(crop_landmarks[i].x), static_cast<float>(crop_landmarks[i].y));
  for (int i : kSteady) points.emplace_back(static_cast<float>(crop_landmarks[i].x), static_cast<float>(crop_landmarks[i].y));

  const std::array<double, 2> placed = corner_heights(points);
  if (!start_height_) start_height_ = placed;
  if (previous_.empty()) height_ = placed;

  std::optional<std::array<double, 2>> result;
  if (!previous_.empty() && time_s > previous_time_s_) {
    std::vector<cv::Point2f> tracked;
    std::vector<uchar> found;
    std::vector<float> error;
    cv::calcOpticalFlowPyrLK(matched_brightness(previous_, upright_grey, previous_points_), upright_grey,
                             previous_points_, tracked, found, error, cv::Size(13, 13), 1);
    bool all_found = true;
    for (uchar f : found) all_found = all_found && f;
    if (all_found) {
      cv::Point2f shake(0.f, 0.f);
      for (std::size_t k = kCorners.size(); k < tracked.size(); ++k) shake += tracked[k] - previous_points_[k];
      shake *= 1.0f / static_cast<float>(kSteady.size());
      const double keep = std::exp(-(time_s - previous_time_s_) / kAnchor_s);
      std::array<double, 2> rise{};
      for (std::size_t s = 0; s < 2; ++s) {
        const cv::Point2f moved = tracked[s] - previous_points_[s] - shake;
        const double followed = height_[s] - moved.y / SideFitter::kCropIod;  // image y grows downwards
        height_[s] = keep * followed + (1.0 - keep) * placed[s];
        rise[s] = height_[s] - (*start_height_)[s];
      }
      result = rise;
    } else {
      height_ = placed;  // lost the corners: start again from where the landmarks put them
    }
  }
  upright_grey.copyTo(previous_);
  previous_points_ = std::move(points);
  previous_time_s_ = time_s;
  return result;
}

}  // namespace hemitrack
