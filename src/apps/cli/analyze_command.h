#pragma once
#include "apps/cli/cli_args.h"

namespace hemitrack {

// Runs `hemitrack analyze`; returns the process exit code (see exit_codes.h).
int run_analyze(const AnalyzeArgs& args);

}  // namespace hemitrack
