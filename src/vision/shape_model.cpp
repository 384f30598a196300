#include "vision/shape_model.h"

#include "vision/frontal_detector.h"

#include <dlib/image_processing/shape_predictor.h>
#include <dlib/serialize.h>

#include <algorithm>
#include <fstream>
#include <future>

namespace hemitrack {
namespace {

constexpr std::size_t kPrefetchStride = 64 / sizeof(float);  // floats per cache line

template <typename T>
T read(std::istream& in) {
  T value;
  dlib::deserialize(value, in);
  return value;
}

std::string problem_in(const std::filesystem::path& path, const std::string& what) {
  return "shape model '" + path.string() + "' " + what;
}

}  // namespace

dlib::full_object_detection ShapeModel::operator()(const dlib::cv_image<unsigned char>& image,
                                                   const dlib::rectangle& box) const {
  const std::size_t dims = initial_shape_.size();
  dlib::matrix<float, 0, 1> shape = initial_shape_;
  std::vector<float> pixels;
  std::vector<const float*> leaf;
  for (const Level& level : levels_) {
    dlib::impl::extract_feature_pixel_values(image, box, shape, initial_shape_, level.anchor, level.delta, pixels);
    leaf.resize(level.trees);
    for (std::size_t t = 0; t < level.trees; ++t) {
      const Split* split = level.splits.data() + t * splits_per_tree_;
      std::size_t node = 0;
      while (node < splits_per_tree_) {
        const Split& s = split[node];
        node = pixels[s.pixel_a] - pixels[s.pixel_b] > s.threshold ? 2 * node + 1 : 2 * node + 2;
      }
      leaf[t] = level.leaves.data() + (t * leaves_per_tree_ + (node - splits_per_tree_)) * dims;
      for (std::size_t k = 0; k < dims; k += kPrefetchStride) __builtin_prefetch(leaf[t] + k);
    }
    float* out = &shape(0);
    for (const float* values : leaf)
      for (std::size_t k = 0; k < dims; ++k) out[k] += values[k];
  }
  const dlib::point_transform_affine to_image = dlib::impl::unnormalizing_tform(box);
  std::vector<dlib::point> parts(num_parts());
  for (std::size_t i = 0; i < parts.size(); ++i) parts[i] = to_image(dlib::impl::location(shape, i));
  return dlib::full_object_detection(box, parts);
}

std::variant<std::shared_ptr<const ShapeModel>, ModelLoadError> load_shape_predictor(
    const std::filesystem::path& path) {
  // Whoever loads the model builds a face tracker next: its face detector is built meanwhile.
  auto detector_built = std::async(std::launch::async, [] { frontal_detector_prototype(); });
  std::ifstream file(path, std::ios::binary);
  if (!file) return ModelLoadError{problem_in(path, "cannot be opened")};
  std::shared_ptr<ShapeModel> model(new ShapeModel());
  // dlib's serialised shape_predictor (version 1: initial shape, forests, anchors, deltas) is read
  // straight into the flat layout, so the 65 MB of leaves are never held twice.
  try {
    if (read<int>(file) != 1)
      return ModelLoadError{problem_in(path, "is not a dlib shape predictor (unknown version)")};
    model->initial_shape_ = read<dlib::matrix<float, 0, 1>>(file);
    const std::size_t dims = static_cast<std::size_t>(model->initial_shape_.size());
    model->levels_.resize(read<unsigned long>(file));
    dlib::matrix<float, 0, 1> leaf;
    for (ShapeModel::Level& level : model->levels_) {
      level.trees = read<unsigned long>(file);
      for (std::size_t t = 0; t < level.trees; ++t) {
        const auto splits = read<std::vector<dlib::impl::split_feature>>(file);
        const auto leaves = read<unsigned long>(file);
        if (model->leaves_per_tree_ == 0) {
          model->splits_per_tree_ = splits.size();
          model->leaves_per_tree_ = leaves;
        }
        // Full trees of one depth, as dlib trains them: the walk relies on it.
        if (leaves != splits.size() + 1 || leaves != model->leaves_per_tree_)
          return ModelLoadError{problem_in(path, "has trees of uneven depth; hemitrack needs dlib's 68-point model")};
        if (t == 0) level.leaves.reserve(level.trees * leaves * dims);
        for (const auto& s : splits)
          level.splits.push_back({static_cast<std::uint32_t>(s.idx1), static_cast<std::uint32_t>(s.idx2), s.thresh});
        for (std::size_t l = 0; l < leaves; ++l) {
          dlib::deserialize(leaf, file);
          if (static_cast<std::size_t>(leaf.size()) != dims)
            return ModelLoadError{problem_in(path, "is damaged (a leaf of the wrong size)")};
          level.leaves.insert(level.leaves.end(), leaf.begin(), leaf.end());
        }
      }
    }
    using Anchors = std::vector<std::vector<unsigned long>>;
    using Deltas = std::vector<std::vector<dlib::vector<float, 2>>>;
    auto anchors = read<Anchors>(file);
    auto deltas = read<Deltas>(file);
    if (anchors.size() != model->levels_.size() || deltas.size() != model->levels_.size())
      return ModelLoadError{problem_in(path, "is damaged (levels and feature pixels disagree)")};
    for (std::size_t i = 0; i < model->levels_.size(); ++i) {
      ShapeModel::Level& level = model->levels_[i];
      level.anchor = std::move(anchors[i]);
      level.delta = std::move(deltas[i]);
      const auto outside = [&](const ShapeModel::Split& s) {
        return s.pixel_a >= level.anchor.size() || s.pixel_b >= level.anchor.size();
      };
      const auto off_shape = [&](unsigned long a) { return a >= dims / 2; };
      if (level.delta.size() != level.anchor.size() || std::any_of(level.splits.begin(), level.splits.end(), outside) ||
          std::any_of(level.anchor.begin(), level.anchor.end(), off_shape))
        return ModelLoadError{problem_in(path, "is damaged (a split reads a feature pixel that does not exist)")};
    }
  } catch (const std::exception& e) {
    return ModelLoadError{problem_in(
        path, "cannot be loaded: not a dlib shape predictor (" + std::string(e.what()).substr(0, 120) + ")")};
  }
  if (model->num_parts() != 68)
    return ModelLoadError{problem_in(
        path, "has " + std::to_string(model->num_parts()) + " landmarks; hemitrack needs the 68-point model")};
  return std::shared_ptr<const ShapeModel>(std::move(model));
}

}  // namespace hemitrack
