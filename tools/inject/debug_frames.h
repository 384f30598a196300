#pragma once
// Pictures for a human check of the warp: at the peak of a selection of items, the original frame
// beside the warped one, with an enlarged crop of the face below.
#include <filesystem>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "core/landmarks.h"
#include "schedule.h"

namespace hemitrack::inject {

struct DebugShot {
  long frame = 0;     // output frame index
  std::string label;  // e.g. "e03_left_eye+brow_a0.82"
};

// One shot per kind of item (region set x clonic/tonic, blinks), up to `limit`, at plateau middles.
std::vector<DebugShot> choose_debug_shots(const Schedule& schedule, double fps, std::size_t limit = 12);

// Returns false when the file could not be written.
bool write_debug_frame(const std::filesystem::path& dir, const DebugShot& shot, const cv::Mat& original,
                       const cv::Mat& warped, const Shape68& shape);

}  // namespace hemitrack::inject
