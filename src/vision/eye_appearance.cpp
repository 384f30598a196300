#include "vision/eye_appearance.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hemitrack {
namespace {

// In the upright crop the inter-ocular distance is 64 px and an eye about 30 px from corner to
// corner: the patch takes the eye and a little skin around it, but not the brow.
const cv::Size kPatch(36, 16);
// The open rows follow slow change (light, posture) with this time constant, and take in only
// frames whose change stays near the usual level, so a closure is never learned as "open".
constexpr double kFollow_s = 2.0;
constexpr double kTypical_s = 5.0;
constexpr double kAcceptFactor = 2.5;
constexpr double kAcceptMargin = 0.03;
// Frames that make new open rows: an eye is open most of the time, so most of them are open.
constexpr int kLearningFrames = 10;
// Longer than the longest episode the detector follows: when nothing has looked open for this
// long, the eye has changed for good (a new posture, a light switched on) and is taken as it is.
constexpr double kRestart_s = 8.0;

// The patch's rows as one vector: each row's mean, then each row's spread along the row, each
// half centred and scaled to unit length, since the light's brightness and contrast are not the eye's.
cv::Mat eye_rows(const cv::Mat& grey, Point2 outer, Point2 inner) {
  const cv::Point2f centre(static_cast<float>((outer.x + inner.x) / 2), static_cast<float>((outer.y + inner.y) / 2));
  cv::Mat patch;
  cv::getRectSubPix(grey, kPatch, centre, patch, CV_32F);
  cv::Mat rows(1, 2 * kPatch.height, CV_32F);
  for (int y = 0; y < kPatch.height; ++y) {
    cv::Scalar mean, spread;
    cv::meanStdDev(patch.row(y), mean, spread);
    rows.at<float>(0, y) = static_cast<float>(mean[0]);
    rows.at<float>(0, kPatch.height + y) = static_cast<float>(spread[0]);
  }
  for (cv::Mat half : {rows.colRange(0, kPatch.height), rows.colRange(kPatch.height, 2 * kPatch.height)}) {
    half -= cv::mean(half)[0];
    const double n = cv::norm(half);
    if (n > 1e-6) half *= 1.0 / n;
  }
  return rows;
}

double change_from(const cv::Mat& rows, const cv::Mat& open) {
  const double norms = cv::norm(rows) * cv::norm(open);
  if (norms <= 1e-6) return 0.0;  // a flat patch (a dark frame) holds no eye to compare
  return 1.0 - rows.dot(open) / norms;
}

}  // namespace

void EyeAppearance::reset() { open_ = {}; }

std::array<double, 2> EyeAppearance::update(double time_s, const cv::Mat& upright_grey, const Shape68& crop_landmarks) {
  const double dt = std::max(0.0, time_s - previous_time_s_);
  previous_time_s_ = time_s;
  std::array<double, 2> change{};
  for (Side side : kBothSides) {
    const auto k = static_cast<std::size_t>(index_of(side));
    const SideLandmarks& l = landmarks_of(side);
    const cv::Mat rows = eye_rows(upright_grey, crop_landmarks[static_cast<std::size_t>(l.eye_outer_corner)],
                                  crop_landmarks[static_cast<std::size_t>(l.eye_inner_corner)]);
    OpenEye& open = open_[k];
    if (open.rows.empty() || time_s - open.accepted_s > kRestart_s) {
      open = OpenEye{rows, 0.0, time_s, 0};
      continue;
    }
    const double c = change_from(rows, open.rows);
    const bool learning = open.frames < kLearningFrames;
    if (!learning) change[k] = c;
    if (learning || c <= kAcceptFactor * open.typical + kAcceptMargin) {
      const double a = std::min(1.0, dt / kFollow_s);
      open.rows = open.rows * (1.0 - a) + rows * a;
      open.typical += (learning ? 1.0 / (open.frames + 1) : std::min(1.0, dt / kTypical_s)) * (c - open.typical);
      open.accepted_s = time_s;
      ++open.frames;
    }
  }
  return change;
}

}  // namespace hemitrack
