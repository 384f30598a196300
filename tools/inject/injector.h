#pragma once
// Runs one generation: fit landmarks on the source, find its natural blinks, schedule the items,
// render the warped clip and write the truth file.
#include <string>

#include "inject_options.h"

namespace hemitrack::inject {

struct InjectOutcome {
  ExitCode code = kExitOk;
  std::string error;  // one line naming the input or output and the problem; empty on success
};

// Progress and the final timing summary go to stderr; stdout stays empty.
InjectOutcome run_injection(const InjectOptions& options);

}  // namespace hemitrack::inject
