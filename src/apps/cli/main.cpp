// hemitrack: command-line entry point. Parses the arguments once and dispatches.
#include "apps/cli/analyze_command.h"
#include "apps/cli/cli_args.h"
#include "apps/cli/exit_codes.h"

#include <opencv2/core/utils/logger.hpp>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  using namespace hemitrack;
  // Decoder chatter about a damaged file would bury the one-line error that explains it; the
  // user can still ask for it by setting these variables.
  setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);
  cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const ParsedArgs parsed = parse_args(args);
  if (const auto* help = std::get_if<HelpRequest>(&parsed)) {
    std::cout << help->text;
    return exit_code::ok;
  }
  if (const auto* err = std::get_if<UsageError>(&parsed)) {
    std::cerr << "hemitrack: " << err->message << "\n" << usage_text();
    return exit_code::usage;
  }
  try {
    return run_analyze(std::get<AnalyzeArgs>(parsed));
  } catch (const std::exception& e) {
    std::cerr << "hemitrack: internal error: " << e.what() << "\n";
    return exit_code::failure;
  }
}
