#pragma once
// The command line, parsed once at the edge into plain values.
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hemitrack {

struct AnalyzeArgs {
  std::filesystem::path input;
  std::optional<std::filesystem::path> output_dir;  // default: hemitrack-results/<input name>
  std::optional<std::filesystem::path> model;
  bool mirrored = false;
  double image_folder_fps = 30.0;
  bool quiet = false;  // no progress bar, no human summary
};

struct HelpRequest {
  std::string text;
};

struct UsageError {
  std::string message;
};

using ParsedArgs = std::variant<AnalyzeArgs, HelpRequest, UsageError>;

ParsedArgs parse_args(const std::vector<std::string>& args);
std::string usage_text();

}  // namespace hemitrack
