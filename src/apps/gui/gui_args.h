#pragma once
// The dashboard's command line, parsed once at the edge into plain values.
#include "apps/cli/cli_args.h"

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hemitrack {

struct DashboardArgs {
  std::optional<int> camera;                  // default: the saved camera
  std::optional<std::filesystem::path> input; // a video file instead of a camera
  std::optional<std::filesystem::path> model;
  bool mirrored = false;                      // the source itself is mirrored (as `analyze --mirrored`)
  double speed = 1.0;                         // files: 1 = own rate, 0 = as fast as analysis goes
  bool drop_late = false;                     // files: drop frames analysis cannot keep up with, as a camera does
  // Headless runs: after `frames` analysed frames (0: when the file ends) save the window to
  // `screenshot` (PNG) and a description of what it showed beside it (same name, .json), then quit.
  std::optional<std::filesystem::path> screenshot;
  std::int64_t frames = 0;
  bool open_settings = false;                 // start with the Settings window open
  bool open_history = false;                  // start with the History window open on the newest session
  bool open_cycle = false;                    // start with the Treatment cycle window open...
  std::string cycle_tab = "trend";            // ...on this tab: trend, compare, treatments, diary, report
  int width = 1280;
  int height = 800;
};

using DashboardParsed = std::variant<DashboardArgs, HelpRequest, UsageError>;

DashboardParsed parse_dashboard_args(const std::vector<std::string>& args);
std::string dashboard_usage_text();

}  // namespace hemitrack
