#pragma once
// dlib's 68-point shape predictor: loaded with failures as values, and evaluated faster.
//
// dlib evaluates each regression tree and at once adds its leaf, a 136-float vector somewhere in
// 65 MB of leaves: almost every leaf is a cache miss, and the branchy walk down the next tree keeps
// the processor from fetching the next leaf early (three quarters of dlib's time is that wait).
// Here each cascade level first walks all of its trees, asking for their leaves as it goes, then
// adds the leaves. The model, the arithmetic and its order are dlib's, so the landmarks are dlib's
// to the last bit; a fit takes about half the time.
#include "core/landmarks.h"

#include <dlib/image_processing/full_object_detection.h>
#include <dlib/matrix.h>
#include <dlib/opencv/cv_image.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace hemitrack {

struct ModelLoadError {
  std::string message;  // one line naming the file and the problem
};

class ShapeModel {
 public:
  // The landmarks of the face in `box`, as dlib::shape_predictor gives them. Thread-safe.
  dlib::full_object_detection operator()(const dlib::cv_image<unsigned char>& image, const dlib::rectangle& box) const;
  unsigned long num_parts() const { return initial_shape_.size() / 2; }
  // Point i of the model's mean shape, in units of the face box (0..1 across it).
  Point2 mean_part(unsigned long i) const { return {initial_shape_(2 * i), initial_shape_(2 * i + 1)}; }

 private:
  friend std::variant<std::shared_ptr<const ShapeModel>, ModelLoadError> load_shape_predictor(
      const std::filesystem::path& path);
  ShapeModel() = default;

  struct Split {
    std::uint32_t pixel_a, pixel_b;  // feature pixels compared
    float threshold;
  };
  // One cascade level: where its feature pixels sit relative to the shape, and its trees, each
  // stored as splits_per_tree_ splits then leaves_per_tree_ leaves of initial_shape_.size() floats.
  struct Level {
    std::vector<unsigned long> anchor;
    std::vector<dlib::vector<float, 2>> delta;
    std::vector<Split> splits;
    std::vector<float> leaves;
    std::size_t trees = 0;
  };

  dlib::matrix<float, 0, 1> initial_shape_;
  std::vector<Level> levels_;
  std::size_t splits_per_tree_ = 0;
  std::size_t leaves_per_tree_ = 0;
};

std::variant<std::shared_ptr<const ShapeModel>, ModelLoadError> load_shape_predictor(const std::filesystem::path& path);

}  // namespace hemitrack
