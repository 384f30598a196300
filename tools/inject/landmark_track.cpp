#include "landmark_track.h"

#include <dlib/opencv.h>
#include <opencv2/imgproc.hpp>

namespace hemitrack::inject {
namespace {

std::optional<dlib::rectangle> largest(const std::vector<dlib::rectangle>& faces) {
  if (faces.empty()) return std::nullopt;
  return *std::max_element(faces.begin(), faces.end(), [](const auto& a, const auto& b) {
    return a.area() < b.area();
  });
}

}  // namespace

LandmarkTrack::LandmarkTrack(std::shared_ptr<const ShapeModel> predictor)
    : detector_(dlib::get_frontal_face_detector()), predictor_(std::move(predictor)) {}

std::optional<dlib::rectangle> LandmarkTrack::detect(const cv::Mat& gray) {
  const cv::Rect whole(0, 0, gray.cols, gray.rows);
  if (last_face_) {
    // A face moves little between frames: search a box of about 2.6x its size around it.
    const long w = last_face_->width(), h = last_face_->height();
    const cv::Rect region = cv::Rect(static_cast<int>(last_face_->left() - 0.8 * w),
                                     static_cast<int>(last_face_->top() - 0.8 * h),
                                     static_cast<int>(2.6 * w), static_cast<int>(2.6 * h)) & whole;
    if (region.area() > 0) {
      const cv::Mat roi = gray(region).clone();
      if (auto face = largest(detector_(dlib::cv_image<unsigned char>(roi)))) {
        return dlib::translate_rect(*face, region.x, region.y);
      }
    }
  }
  if (auto face = largest(detector_(dlib::cv_image<unsigned char>(gray)))) return face;
  // The detector's smallest face is about 80 px; stills and far-away webcam faces can be smaller.
  if (gray.cols * gray.rows <= 1280 * 960) {
    cv::Mat up;
    cv::pyrUp(gray, up);
    if (auto face = largest(detector_(dlib::cv_image<unsigned char>(up)))) {
      return dlib::rectangle(face->left() / 2, face->top() / 2, face->right() / 2, face->bottom() / 2);
    }
  }
  return std::nullopt;
}

std::optional<Shape68> LandmarkTrack::fit(const cv::Mat& bgr) {
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  last_face_ = detect(gray);
  if (!last_face_) return std::nullopt;
  const dlib::full_object_detection det = (*predictor_)(dlib::cv_image<unsigned char>(gray), *last_face_);
  if (det.num_parts() != kLandmarkCount) return std::nullopt;
  Shape68 shape;
  for (std::size_t i = 0; i < kLandmarkCount; ++i) {
    shape[i] = {static_cast<double>(det.part(i).x()), static_cast<double>(det.part(i).y())};
  }
  return shape;
}

}  // namespace hemitrack::inject
