#pragma once
// The live dashboard: settings, window, live session and panels wired together.
#include "apps/gui/gui_args.h"

namespace hemitrack {

// Returns the process exit code (apps/cli/exit_codes.h).
int run_dashboard(const DashboardArgs& args);

}  // namespace hemitrack
