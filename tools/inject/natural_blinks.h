#pragma once
// Finds the blinks already present in the source footage, so that injected items keep clear of them
// and the truth file can list them (a detector must not count them as one-sided events).
#include <optional>
#include <vector>

#include "schedule.h"

namespace hemitrack::inject {

struct EyeOpenness {
  double right_ear = 0.0;
  double left_ear = 0.0;
};

// `per_frame[k]` is the eye aspect ratio pair of output frame k, or nullopt where no face was found.
// A blink is where BOTH eyes drop well below their own running median together; eyes held shut
// for seconds are found too. A one-eyed dip (squint, head turn) is not a blink.
// Ensures: intervals sorted and disjoint.
std::vector<Interval> find_natural_blinks(const std::vector<std::optional<EyeOpenness>>& per_frame,
                                          double fps);

}  // namespace hemitrack::inject
