#pragma once
// Loading dlib's shape predictor, with failures as values rather than exceptions.
#include <dlib/image_processing/shape_predictor.h>

#include <filesystem>
#include <memory>
#include <string>
#include <variant>

namespace hemitrack {

struct ModelLoadError {
  std::string message;  // one line naming the file and the problem
};

std::variant<std::shared_ptr<const dlib::shape_predictor>, ModelLoadError> load_shape_predictor(
    const std::filesystem::path& path);

}  // namespace hemitrack
