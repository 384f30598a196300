#include "vision/face_box_choice.h"

#include "core/face_geometry.h"

#include <algorithm>

namespace hemitrack {
namespace {

constexpr int kFirstNonJawPoint = 17;
// Comparisons before the mean may decide (about 2 s at 30 fps), and how many the mean spans once
// it runs (a new person in front of the camera is followed within about a minute).
constexpr int kMinComparisons = 8;
constexpr int kComparisonsAveraged = 64;
constexpr int kSettledComparisons = 16;
constexpr int kSettledCheckInterval = 4;
// Mismatch gained by the mean-shape box before it is used, and lost before the detector's box is
// used again, in inter-ocular distances. A well-followed face's fits are about 0.015 from
// symmetric, and on every such face measured the mean-shape box gains 0.002 at most; the faces
// whose fitted eyes slid towards the brows gain 0.013-0.025 (docs/accuracy.md).
constexpr double kSwitchTo = 0.005;
constexpr double kSwitchBack = 0.0025;

}  // namespace

FaceBoxModel mean_shape_box(const ShapeModel& model, const Shape68& upright_shape) {
  const int n = static_cast<int>(kLandmarkCount) - kFirstNonJawPoint;
  Point2 mean_model{0.0, 0.0};
  Point2 mean_fit{0.0, 0.0};
  for (int i = kFirstNonJawPoint; i < static_cast<int>(kLandmarkCount); ++i) {
    mean_model = mean_model + model.mean_part(static_cast<unsigned long>(i)) * (1.0 / n);
    mean_fit = mean_fit + upright_shape[static_cast<std::size_t>(i)] * (1.0 / n);
  }
  double covariance = 0.0;
  double variance = 0.0;
  for (int i = kFirstNonJawPoint; i < static_cast<int>(kLandmarkCount); ++i) {
    const Point2 dm = model.mean_part(static_cast<unsigned long>(i)) - mean_model;
    const Point2 df = upright_shape[static_cast<std::size_t>(i)] - mean_fit;
    covariance += dm.x * df.x + dm.y * df.y;
    variance += dm.x * dm.x + dm.y * dm.y;
  }
  const double side = covariance / variance;  // the box's side in crop pixels
  const Point2 centre = mean_fit + (Point2{0.5, 0.5} - mean_model) * side;
  const FaceFrame frame = face_frame_from(upright_shape);
  FaceBoxModel box;
  box.centre = frame.to_face(centre);
  box.size = side / frame.inter_ocular;
  return box;
}

bool FaceBoxPreference::comparison_due() {
  const bool settled = comparisons_ >= kSettledComparisons;
  return !settled || checks_++ % kSettledCheckInterval == 0;
}

void FaceBoxPreference::add(double detector_minus_mean_shape) {
  comparisons_ = std::min(comparisons_ + 1, kComparisonsAveraged);
  mean_difference_ += (detector_minus_mean_shape - mean_difference_) / comparisons_;
  if (comparisons_ < kMinComparisons) return;
  if (mean_difference_ > kSwitchTo) prefers_mean_shape_ = true;
  if (mean_difference_ < kSwitchBack) prefers_mean_shape_ = false;
}

}  // namespace hemitrack
