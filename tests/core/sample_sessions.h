#pragma once
// Small builders for stored sessions in the trend, comparison and scale tests.
#include "core/session_sample.h"

#include <initializer_list>
#include <string>
#include <vector>

namespace hemitrack::test {

inline TwitchEvent twitch(Side side, std::initializer_list<Region> regions = {Region::eye}, double duration_s = 0.3,
                          double peak_closure = 0.8, EventKind kind = EventKind::clonic) {
  TwitchEvent e;
  e.side = side;
  e.regions = regions;
  e.start_s = 10.0;
  e.end_s = 10.0 + duration_s;
  e.kind = kind;
  e.peak_closure = peak_closure;
  return e;
}

inline TwitchEvent tonic(Side side, double duration_s = 2.0, double peak_closure = 0.95) {
  return twitch(side, {Region::eye}, duration_s, peak_closure, EventKind::tonic);
}

// A session starting on `start_day` with `monitored_h` hours of face time and `count` copies of `event`.
inline SessionSample session(double start_day, double monitored_h, int count = 0,
                             const TwitchEvent& event = twitch(Side::left), std::vector<std::string> tags = {}) {
  SessionSample s;
  s.start_day = start_day;
  s.monitored_s = monitored_h * 3600.0;
  for (int i = 0; i < count; ++i) {
    TwitchEvent e = event;
    e.id = i + 1;
    s.events.push_back(e);
  }
  s.tags = std::move(tags);
  return s;
}

}  // namespace hemitrack::test
