#pragma once
// Finds dlib's 68-point shape predictor. Order: an explicit path (--model), then the
// HEMITRACK_MODEL environment variable, then models/ in the working directory, then
// Debian's libdlib-data location.
#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace hemitrack {

inline constexpr const char* kModelEnvVar = "HEMITRACK_MODEL";
inline constexpr const char* kDebianModelPath = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";
inline constexpr const char* kModelPackage = "libdlib-data";

struct ModelNotFound {
  std::string message;  // one line: what was tried and which package provides the model
};

// Ensures: on success, the returned path names an existing regular file.
std::variant<std::filesystem::path, ModelNotFound> locate_shape_model(
    const std::optional<std::filesystem::path>& explicit_path);

}  // namespace hemitrack
