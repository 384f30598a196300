#pragma once
#include "apps/cli/report_args.h"

namespace hemitrack {

// Runs `hemitrack report ...` on the history database; returns the process exit code.
int run_report(const ReportArgs& args);

}  // namespace hemitrack
