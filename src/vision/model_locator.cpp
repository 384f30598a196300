#include "vision/model_locator.h"

#include <cstdlib>
#include <system_error>

namespace hemitrack {
namespace {
bool is_file(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec);
}
}  // namespace

std::variant<std::filesystem::path, ModelNotFound> locate_shape_model(
    const std::optional<std::filesystem::path>& explicit_path) {
  // An explicit choice is never silently replaced by another model.
  if (explicit_path) {
    if (is_file(*explicit_path)) return *explicit_path;
    return ModelNotFound{"shape model '" + explicit_path->string() + "' (from --model) does not exist"};
  }
  if (const char* env = std::getenv(kModelEnvVar); env && *env) {
    if (is_file(env)) return std::filesystem::path(env);
    return ModelNotFound{std::string("shape model '") + env + "' (from " + kModelEnvVar +
                         ") does not exist"};
  }
  const std::filesystem::path local = std::filesystem::path("models") / "shape_predictor_68_face_landmarks.dat";
  if (is_file(local)) return local;
  if (is_file(kDebianModelPath)) return std::filesystem::path(kDebianModelPath);
  return ModelNotFound{std::string("shape model not found at ") + kDebianModelPath +
                       "; install the Debian package " + kModelPackage +
                       " (apt-get install " + kModelPackage + ") or pass --model PATH"};
}

}  // namespace hemitrack
