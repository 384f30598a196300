#pragma once
// Decoupled per-side landmark fitting.
//
// dlib's 68-point predictor is a single shape model: a real one-eye closure drags the open eye's
// estimate down with it (DESIGN §7). So each side is fitted on its own: the face is cut out
// upright (eye line horizontal, fixed scale), then made symmetric from one half by reflecting that
// half across the midline, and the predictor runs on that symmetric face. The right-side fit sees
// only the person's right half, the left-side fit only the left half, so a closure on one side
// cannot leak into the other side's numbers.
#include "core/face_geometry.h"
#include "core/landmarks.h"
#include "concurrency/helper_thread.h"
#include "vision/crop_denoiser.h"
#include "vision/shape_model.h"

#include <opencv2/core.hpp>

namespace hemitrack {

// Where the predictor's face box sits relative to the eyes. Learned from the detector's own boxes
// (the predictor was trained on them), so tracking by landmarks feeds it the boxes it expects, or
// from the model's mean shape where that fits the face better (face_box_choice.h).
struct FaceBoxModel {
  Point2 centre{0.0, 0.55};  // box centre in face-frame units (inter-ocular distances)
  double size = 2.3;         // box side in inter-ocular distances
};

struct SideFit {
  Shape68 landmarks;             // image coordinates; each side's points from that side's own fit
  SideMeasure right;             // measured on the right-side fit only
  SideMeasure left;              // measured on the left-side fit only
  double scale_agreement = 0.0;  // 1 when both fits land at the expected scale, towards 0 when not
  // How far the two fits are from the symmetry of the faces they were run on: the mean distance
  // of a point from its mirror partner's reflection, in inter-ocular distances. The fits see
  // mirror-symmetric faces, so any asymmetry is the fits' own error.
  double mirror_mismatch = 0.0;
  cv::Mat upright_grey;          // the upright crop (smoothed on noisy footage), reused by the tracker
  cv::Matx23d image_to_crop;     // the similarity that made the crop
};

class SideFitter {
 public:
  // Crop geometry: the eye line is horizontal and the inter-ocular distance is kCropIod pixels.
  static constexpr int kCropSize = 224;
  static_assert(kCropSize % 2 == 0, "the symmetric halves must meet on the reflection axis");
  static constexpr double kCropIod = 64.0;
  static constexpr double kCropEyeLineY = 90.0;

  explicit SideFitter(const ShapeModel& predictor) : predictor_(predictor) {}

  // Requires: anchor.inter_ocular > 0 (the previous frame's face or a fresh detection).
  SideFit fit(const cv::Mat& bgr, const FaceFrame& anchor, const FaceBoxModel& box);

  // The predictor box in crop coordinates for a box model.
  static cv::Rect2d crop_box(const FaceBoxModel& box);

 private:
  const ShapeModel& predictor_;  // const calls only: safe from both threads
  HelperThread worker_;
  CropDenoiser denoiser_;  // follows the footage's noise through the crops of every fit
  cv::Mat symmetric_right_;
  cv::Mat symmetric_left_;
};

}  // namespace hemitrack
