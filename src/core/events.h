#pragma once
// What the detector reports: one-sided twitch events and ordinary bilateral blinks.
#include "core/landmarks.h"

#include <string_view>
#include <vector>

namespace hemitrack {

enum class Region { eye = 0, mouth = 1, brow = 2 };
constexpr std::size_t kRegionCount = 3;
std::string_view to_string(Region r);

enum class EventKind { clonic, tonic };  // tonic: sustained for at least DetectorConfig::tonic_min_s
std::string_view to_string(EventKind k);

struct TwitchEvent {
  int id = 0;  // 1-based, in order of detection
  double start_s = 0.0;
  double end_s = 0.0;
  Side side = Side::right;
  std::vector<Region> regions;  // ordered eye, mouth, brow
  EventKind kind = EventKind::clonic;
  double peak_closure = 0.0;    // of the event side's eye; 0 when the eye was not involved
  double peak_mouth = 0.0;      // inter-ocular units
  double peak_brow = 0.0;       // signed, inter-ocular units (+ raised)
  bool other_babinski = false;  // same-side brow rose while that eye closed

  double duration_s() const { return end_s - start_s; }
  bool involves(Region r) const;
};

struct Blink {
  double start_s = 0.0;
  double end_s = 0.0;
  double peak_closure_right = 0.0;
  double peak_closure_left = 0.0;
};

}  // namespace hemitrack
