#pragma once
#include <memory>
// Fits the 68 landmarks on every frame of the SOURCE footage with dlib directly (not the project's
// tracker, which is what the generated clips are meant to test).
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <opencv2/core.hpp>
#include <optional>

#include "core/landmarks.h"
#include "vision/shape_model.h"

namespace hemitrack::inject {

class LandmarkTrack {
 public:
  // Requires: `predictor` is a 68-point shape predictor.
  explicit LandmarkTrack(std::shared_ptr<const ShapeModel> predictor);

  // Fits the largest face of `bgr`. Searches near the previous face first (a fraction of the cost
  // of a full-frame search), then the whole frame, then the whole frame upsampled (small faces in
  // stills). Ensures: nullopt when no face was found; the next call then searches the whole frame.
  std::optional<Shape68> fit(const cv::Mat& bgr);

 private:
  std::optional<dlib::rectangle> detect(const cv::Mat& gray);
  dlib::frontal_face_detector detector_;
  std::shared_ptr<const ShapeModel> predictor_;
  std::optional<dlib::rectangle> last_face_;
};

}  // namespace hemitrack::inject
