#pragma once
#include "apps/cli/treatment_args.h"

namespace hemitrack {

// Runs `hemitrack treatments ...` on the history database; returns the process exit code.
int run_treatments(const TreatmentsArgs& args);

}  // namespace hemitrack
