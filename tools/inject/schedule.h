#pragma once
// Decides WHEN, WHERE and HOW STRONG each injected item happens. Pure and deterministic: the same
// request and seed always give the same schedule, so a truth file can be regenerated and tested.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/landmarks.h"
#include "envelope.h"

namespace hemitrack::inject {

struct Interval {
  double start_s = 0.0;
  double end_s = 0.0;
};

// One one-sided contraction, i.e. one truth event. Twitches of a burst are separate events that
// share a burst_id.
struct ScheduledEvent {
  int id = 0;
  Envelope envelope;
  Side side = Side::right;
  bool eye = false;
  bool mouth = false;
  bool brow = false;  // raised on the same side as the closing eye: the "other Babinski sign"
  std::optional<int> burst_id;

  bool tonic() const { return envelope.end_s - envelope.start_s >= 1.0; }
  bool babinski() const { return eye && brow; }
};

// A normal blink: both eyes, same timing, same amplitude.
struct ScheduledBlink {
  Envelope envelope;
};

struct ScheduleRequest {
  double fps = 30.0;
  std::vector<bool> face_found;          // per output frame; its size fixes the clip length
  std::vector<Interval> natural_blinks;  // in output time
  int events = 24;                       // at least this many one-sided events
  int blinks = 12;
  std::uint32_t seed = 1;
  // Every event on this side (hemifacial spasm is one-sided); none: each block's side is drawn.
  // The draw happens either way, so a seed gives the same timing with or without a side.
  std::optional<Side> side;

  double min_gap_s = 0.7;           // between any two items (not within a burst)
  double natural_clearance_s = 0.5; // from the footage's own blinks
  double baseline_s = 1.5;          // trackers need a quiet start
  double tail_margin_s = 0.3;       // keep the last item's fall inside the clip
};

struct Schedule {
  std::vector<ScheduledEvent> events;  // sorted by start, ids 1..n in that order
  std::vector<ScheduledBlink> blinks;  // sorted by start
};

struct ScheduleError {
  std::string message;  // one line, says what did not fit and how much room there was
};

// Requires: fps > 0, events >= 0, blinks >= 0.
// Ensures on success: every item lies on face frames only, after baseline_s, >= min_gap_s from
// other items (burst twitches are 150-300 ms apart instead) and >= natural_clearance_s from
// natural blinks; events.size() >= request.events; blinks.size() == request.blinks.
std::variant<Schedule, ScheduleError> make_schedule(const ScheduleRequest& request);

}  // namespace hemitrack::inject
