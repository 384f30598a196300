// hemitrack: the program's entry point. `hemitrack analyze ...` analyses a file on the command
// line; anything else opens the dashboard. Parses the arguments once and dispatches.
#include "apps/cli/analyze_command.h"
#include "apps/cli/cli_args.h"
#include "apps/cli/exit_codes.h"
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

int analyze_main(const std::vector<std::string>& args) {
  const ParsedArgs parsed = parse_args(args);
  if (const auto* help = std::get_if<HelpRequest>(&parsed)) {
    std::cout << help->text;
    return exit_code::ok;
  }
  if (const auto* err = std::get_if<UsageError>(&parsed)) {
    std::cerr << "hemitrack: " << err->message << "\n" << usage_text();
    return exit_code::usage;
  }
  return run_analyze(std::get<AnalyzeArgs>(parsed));
}

int dashboard_main(const std::vector<std::string>& args) {
  const DashboardParsed parsed = parse_dashboard_args(args);
  if (const auto* help = std::get_if<DashboardHelp>(&parsed)) {
    std::cout << help->text;
    return exit_code::ok;
  }
  if (const auto* err = std::get_if<DashboardUsageError>(&parsed)) {
    std::cerr << "hemitrack: " << err->message << "\n" << dashboard_usage_text();
    return exit_code::usage;
  }
  return run_dashboard(std::get<DashboardArgs>(parsed));
}

}  // namespace

int main(int argc, char** argv) {
  // Decoder chatter about a damaged file would bury the one-line error that explains it; the
  // user can still ask for it by setting these variables.
  setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (!args.empty() && (args[0] == "analyze" || args[0] == "help")) return analyze_main(args);
    if (!args.empty() && !args[0].empty() && args[0][0] != '-')
      return analyze_main(args);  // an unknown command: analyze's parser names it
    return dashboard_main(args);
  } catch (const std::exception& e) {
    std::cerr << "hemitrack: internal error: " << e.what() << "\n";
    return exit_code::failure;
  }
}
