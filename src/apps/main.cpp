// hemitrack: the program's entry point. `hemitrack analyze ...` analyses a file on the command
// line, `hemitrack sessions ...` reads the history, `hemitrack treatments ...` and `hemitrack
// diary ...` keep the treatment log and the HFS-7 diary, `hemitrack report` and `hemitrack compare`
// look at a period; anything else opens the dashboard.
// Parses the arguments once and dispatches.
#include "apps/cli/analyze_command.h"
#include "apps/cli/cli_args.h"
#include "apps/cli/compare_command.h"
#include "apps/cli/diary_command.h"
#include "apps/cli/exit_codes.h"
#include "apps/cli/report_command.h"
#include "apps/cli/sessions_command.h"
#include "apps/cli/treatments_command.h"
#include "apps/gui/dashboard_app.h"
#include "apps/gui/gui_args.h"

#include <opencv2/core/utils/logger.hpp>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace hemitrack;

// Help goes to stdout, a usage error to stderr with the usage; otherwise the command runs.
template <typename Args>
int run_parsed(const std::variant<Args, HelpRequest, UsageError>& parsed, const std::string& usage,
               int (*run)(const Args&)) {
  if (const auto* help = std::get_if<HelpRequest>(&parsed)) {
    std::cout << help->text;
    return exit_code::ok;
  }
  if (const auto* err = std::get_if<UsageError>(&parsed)) {
    std::cerr << "hemitrack: " << err->message << "\n" << usage;
    return exit_code::usage;
  }
  return run(std::get<Args>(parsed));
}

}  // namespace

int main(int argc, char** argv) {
  // Decoder chatter about a damaged file would bury the one-line error that explains it; the
  // user can still ask for it by setting these variables.
  setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (!args.empty() && args[0] == "sessions")
      return run_parsed(parse_sessions_args(args), sessions_usage_text(), run_sessions);
    if (!args.empty() && args[0] == "treatments")
      return run_parsed(parse_treatments_args(args), treatments_usage_text(), run_treatments);
    if (!args.empty() && args[0] == "diary") return run_parsed(parse_diary_args(args), diary_usage_text(), run_diary);
    if (!args.empty() && args[0] == "report")
      return run_parsed(parse_report_args(args), report_usage_text(), run_report);
    if (!args.empty() && args[0] == "compare")
      return run_parsed(parse_compare_args(args), compare_usage_text(), run_compare);
    // A first word that is not an option is a command: analyze's parser runs it or names it.
    if (!args.empty() && !args[0].empty() && args[0][0] != '-')
      return run_parsed(parse_args(args), usage_text(), run_analyze);
    return run_parsed(parse_dashboard_args(args), dashboard_usage_text(), run_dashboard);
  } catch (const std::exception& e) {
    std::cerr << "hemitrack: internal error: " << e.what() << "\n";
    return exit_code::failure;
  }
}
