#pragma once
// A headless run's output: the window as a PNG, and beside it (same name, .json) what the window
// showed, so that tests can compare the dashboard's counts with `hemitrack analyze` and find the
// panels in the picture.
#include "ui/dashboard_model.h"
#include "ui/panels.h"

#include <opencv2/core.hpp>

#include <filesystem>
#include <string>

namespace hemitrack {

struct DashboardLayout {
  ui::ScreenRect video;   // the picture inside the video panel
  ui::ScreenRect traces;  // the three trace plots
  int history_sessions = -1;  // sessions listed in the History window; -1 while it is closed
  int cycle_treatments = -1;  // treatments in the Treatment cycle window; -1 while it is closed
  std::string cycle_comparison;  // the before/after sentence it shows, if any
};

// Returns "" or one line naming the file and the problem.
std::string save_screenshot(const std::filesystem::path& png, const cv::Mat& window_bgr, const ui::DashboardModel& model,
                            const DashboardLayout& layout);

}  // namespace hemitrack
