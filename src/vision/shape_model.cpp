#include "vision/shape_model.h"

#include "vision/frontal_detector.h"

#include <dlib/serialize.h>

#include <future>

namespace hemitrack {

std::variant<std::shared_ptr<const dlib::shape_predictor>, ModelLoadError> load_shape_predictor(
    const std::filesystem::path& path) {
  // Whoever loads the model builds a face tracker next: its face detector is built meanwhile.
  auto detector_built = std::async(std::launch::async, [] { frontal_detector_prototype(); });
  auto predictor = std::make_shared<dlib::shape_predictor>();
  try {
    dlib::deserialize(path.string()) >> *predictor;
  } catch (const std::exception& e) {
    return ModelLoadError{"shape model '" + path.string() + "' cannot be loaded: not a dlib shape predictor (" +
                          std::string(e.what()).substr(0, 120) + ")"};
  }
  if (predictor->num_parts() != 68)
    return ModelLoadError{"shape model '" + path.string() + "' has " + std::to_string(predictor->num_parts()) +
                          " landmarks; hemitrack needs the 68-point model"};
  return std::shared_ptr<const dlib::shape_predictor>(std::move(predictor));
}

}  // namespace hemitrack
