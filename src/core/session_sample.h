#pragma once
// One stored session as the trend and the before/after comparison see it: when it was, how long a
// face was monitored, its one-sided events and how long each eye was closed.
#include "core/events.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace hemitrack {

struct SessionSample {
  std::int64_t id = 0;
  double start_day = 0.0;    // fractional days since 1970-01-01 UTC (calendar.h)
  double monitored_s = 0.0;  // time with a valid face
  // Monitored time with the eye's closure at or above the closed threshold, indexed by index_of(Side).
  std::array<double, 2> eye_closed_s{};
  std::vector<TwitchEvent> events;
  std::vector<std::string> tags;
};

}  // namespace hemitrack
