#include "vision/side_fitter.h"

#include <dlib/opencv/cv_image.h>
#include <opencv2/imgproc.hpp>

#include <cassert>
#include <cmath>

namespace hemitrack {
namespace {

constexpr double kCropMidX = (SideFitter::kCropSize - 1) / 2.0;  // the reflection axis

cv::Matx23d upright_transform(const FaceFrame& anchor) {
  // Rotate the eye line to horizontal, scale to kCropIod, put the eye midpoint on the axis.
  const double s = SideFitter::kCropIod / anchor.inter_ocular;
  const double c = anchor.x_axis.x * s;
  const double n = anchor.x_axis.y * s;
  // crop = [c n; -n c] * (p - origin) + (mid, eyeline)
  return {c, n, kCropMidX - (c * anchor.origin.x + n * anchor.origin.y),
          -n, c, SideFitter::kCropEyeLineY - (-n * anchor.origin.x + c * anchor.origin.y)};
}

// Builds the symmetric face from one half: the kept half stays, the other is its reflection.
void make_symmetric(const cv::Mat& grey, Side keep, cv::Mat& out) {
  const int half = grey.cols / 2;  // kCropSize is even: the halves meet on the reflection axis
  out.create(grey.size(), grey.type());
  const cv::Range left(0, half), right(grey.cols - half, grey.cols);
  // The person's right is the image's left in the upright crop.
  const cv::Range kept = keep == Side::right ? left : right;
  const cv::Range mirrored = keep == Side::right ? right : left;
  grey.colRange(kept).copyTo(out.colRange(kept));
  cv::flip(grey.colRange(kept), out.colRange(mirrored), 1);
}

Shape68 run_predictor(const ShapeModel& predictor, const cv::Mat& grey, const cv::Rect2d& box) {
  const dlib::cv_image<unsigned char> image(grey);
  const dlib::rectangle rect(std::lround(box.x), std::lround(box.y), std::lround(box.x + box.width - 1),
                             std::lround(box.y + box.height - 1));
  const dlib::full_object_detection det = predictor(image, rect);
  Shape68 shape;
  for (std::size_t i = 0; i < kLandmarkCount; ++i)
    shape[i] = {static_cast<double>(det.part(static_cast<unsigned long>(i)).x()),
                static_cast<double>(det.part(static_cast<unsigned long>(i)).y())};
  return shape;
}

Point2 reflect(Point2 p) { return {2.0 * kCropMidX - p.x, p.y}; }

// A symmetric fit describes its half twice; the average of a point and its reflected mirror
// partner is its best estimate.
Point2 symmetric_estimate(const Shape68& fit, int i) {
  const Point2 mirror = reflect(fit[static_cast<std::size_t>(mirrored_landmark(i))]);
  return (fit[static_cast<std::size_t>(i)] + mirror) * 0.5;
}

double mirror_mismatch(const Shape68& fit) {
  double sum = 0.0;
  for (int i = 0; i < static_cast<int>(kLandmarkCount); ++i) {
    const Point2 d = fit[static_cast<std::size_t>(i)] - reflect(fit[static_cast<std::size_t>(mirrored_landmark(i))]);
    sum += std::hypot(d.x, d.y);
  }
  return sum / kLandmarkCount / SideFitter::kCropIod;
}

double scale_error(const Shape68& fit) { return face_frame_from(fit).inter_ocular / SideFitter::kCropIod - 1.0; }

}  // namespace

cv::Rect2d SideFitter::crop_box(const FaceBoxModel& box) {
  const double side = box.size * kCropIod;
  const double cx = kCropMidX + box.centre.x * kCropIod;
  const double cy = kCropEyeLineY + box.centre.y * kCropIod;
  return {cx - side / 2.0, cy - side / 2.0, side, side};
}

SideFit SideFitter::fit(const cv::Mat& bgr, const FaceFrame& anchor, const FaceBoxModel& box) {
  assert(anchor.inter_ocular > 0.0);
  SideFit result;
  result.image_to_crop = upright_transform(anchor);

  cv::Mat crop;
  cv::warpAffine(bgr, crop, result.image_to_crop, cv::Size(kCropSize, kCropSize), cv::INTER_LINEAR,
                 cv::BORDER_REPLICATE);
  cv::Mat grey;
  cv::cvtColor(crop, grey, cv::COLOR_BGR2GRAY);
  result.upright_grey = denoiser_.prepare(grey);

  const cv::Rect2d rect = crop_box(box);
  Shape68 right_fit;
  Shape68 left_fit;
  worker_.run(
      [&] {
        make_symmetric(result.upright_grey, Side::left, symmetric_left_);
        left_fit = run_predictor(predictor_, symmetric_left_, rect);
      },
      [&] {
        make_symmetric(result.upright_grey, Side::right, symmetric_right_);
        right_fit = run_predictor(predictor_, symmetric_right_, rect);
      });

  result.right = measure_symmetric_fit(right_fit);
  result.left = measure_symmetric_fit(left_fit);
  const double er = scale_error(right_fit);
  const double el = scale_error(left_fit);
  result.scale_agreement = std::exp(-(er * er + el * el) / (2.0 * 0.12 * 0.12));

  result.mirror_mismatch = (mirror_mismatch(right_fit) + mirror_mismatch(left_fit)) / 2.0;
  cv::Matx23d crop_to_image;
  cv::invertAffineTransform(result.image_to_crop, crop_to_image);
  for (int i = 0; i < static_cast<int>(kLandmarkCount); ++i) {
    Point2 p;
    if (is_on_side(i, Side::right)) p = symmetric_estimate(right_fit, i);
    else if (is_on_side(i, Side::left)) p = symmetric_estimate(left_fit, i);
    else p = (symmetric_estimate(right_fit, i) + symmetric_estimate(left_fit, i)) * 0.5;
    const cv::Vec3d h(p.x, p.y, 1.0);
    const cv::Vec2d q = crop_to_image * h;
    result.landmarks[static_cast<std::size_t>(i)] = {q[0], q[1]};
  }
  return result;
}

}  // namespace hemitrack
