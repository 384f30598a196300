#pragma once
#include "apps/cli/report_args.h"

namespace hemitrack {

// Runs `hemitrack compare ...` on the history database; returns the process exit code.
int run_compare(const CompareArgs& args);

}  // namespace hemitrack
