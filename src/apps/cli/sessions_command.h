#pragma once
#include "apps/cli/cli_args.h"

namespace hemitrack {

// Runs `hemitrack sessions ...` on the history database; returns the process exit code.
int run_sessions(const SessionsArgs& args);

}  // namespace hemitrack
