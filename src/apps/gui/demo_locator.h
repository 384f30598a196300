#pragma once
// Finds the bundled demo clip the dashboard plays when there is no camera.
#include <filesystem>
#include <optional>

namespace hemitrack {

// $HEMITRACK_DEMO, then share/hemitrack/demo.mp4 beside an installed program, then the source
// tree's assets/ (where ./run.sh builds); nothing when none exists.
std::optional<std::filesystem::path> locate_demo_clip();

}  // namespace hemitrack
