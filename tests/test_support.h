#pragma once
// Shared helpers for tests that use real footage and the real model.
#include "vision/frame_source.h"
#include "vision/model_locator.h"
#include "vision/shape_model.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace hemitrack::test {

inline std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(HEMITRACK_SOURCE_DIR) / relative;
}

inline std::filesystem::path fixture(const std::string& relative) { return source_path("tests/fixtures/" + relative); }

// The astronaut portrait: a real, frontal, well-lit face, in colour.
inline cv::Mat astronaut() {
  cv::Mat img = cv::imread(fixture("skimage/astronaut.png").string(), cv::IMREAD_COLOR);
  REQUIRE_FALSE(img.empty());
  return img;
}

// Evaluation-only footage in ../shared (not in the repository); tests using it skip without it.
inline std::filesystem::path shared_data(const std::string& relative) {
  return std::filesystem::path(HEMITRACK_SHARED_DATA_DIR) / relative;
}

// One model for the whole test process: loading takes about a second.
inline std::shared_ptr<const ShapeModel> shape_model() {
  static const std::shared_ptr<const ShapeModel> model = [] {
    auto located = locate_shape_model(std::nullopt);
    REQUIRE(std::holds_alternative<std::filesystem::path>(located));
    auto loaded = load_shape_predictor(std::get<std::filesystem::path>(located));
    REQUIRE(std::holds_alternative<std::shared_ptr<const ShapeModel>>(loaded));
    return std::get<std::shared_ptr<const ShapeModel>>(loaded);
  }();
  return model;
}

inline std::unique_ptr<FrameSource> open_or_fail(const std::filesystem::path& p) {
  auto opened = open_source(p);
  if (auto* err = std::get_if<SourceError>(&opened)) FAIL(err->message);
  return std::move(std::get<std::unique_ptr<FrameSource>>(opened));
}

}  // namespace hemitrack::test
