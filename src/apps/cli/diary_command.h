#pragma once
#include "apps/cli/treatment_args.h"

namespace hemitrack {

// Runs `hemitrack diary ...` on the history database; returns the process exit code.
int run_diary(const DiaryArgs& args);

}  // namespace hemitrack
