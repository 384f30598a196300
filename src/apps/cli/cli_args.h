#pragma once
// The command line, parsed once at the edge into plain values.
#include <cstdint>
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
  bool store = true;   // keep the result as a session in the history database
  std::vector<std::string> tags;  // context for the history, e.g. "after botox", "tired"
};

// hemitrack sessions list | show ID | export ID (--csv | --json) [-o FILE] | delete ID [--yes]
//                   | tag ID [TAG ...]
struct SessionsArgs {
  enum class Action { list, show, export_csv, export_json, remove, tag };
  Action action = Action::list;
  std::int64_t id = 0;
  std::optional<std::filesystem::path> output;  // export: a file instead of standard output
  bool yes = false;                             // delete without asking
  std::vector<std::string> tags;                // tag: the session's new tags (none: clear them)
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

using ParsedSessionsArgs = std::variant<SessionsArgs, HelpRequest, UsageError>;
// Requires: args[0] == "sessions".
ParsedSessionsArgs parse_sessions_args(const std::vector<std::string>& args);
std::string sessions_usage_text();

}  // namespace hemitrack
