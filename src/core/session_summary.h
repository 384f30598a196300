#pragma once
// Session-level figures for a patient and their neurologist, computed from events and signals.
#include "core/events.h"
#include "core/signal_extractor.h"

#include <array>
#include <optional>
#include <vector>

namespace hemitrack {

// Eyelid closure at or above which a frame counts as "eye closed" for "% of time the eye was
// closed", in the live dashboard, `analyze`'s summary and the stored history alike, so that the
// figure a patient sees during a session is the one the report later gives for it. Just above the
// detector's eye threshold: a held spasm often reads only 0.25-0.4 on a small or bespectacled
// face (docs/accuracy.md), which "at least half closed" (0.5, used until stop 22 for the summary)
// all but missed.
inline constexpr double kEyeClosedFrom = 0.28;

struct SessionSummary {
  double duration_s = 0.0;
  double monitored_s = 0.0;  // time with a valid face
  // The rest of the time, by why it could not be compared side to side (indexed by NotMeasured;
  // NotMeasured::no stays 0): a user told "7 twitches per minute" must also learn that it was
  // measured over a tenth of the recording because the head was turned away.
  std::array<double, kNotMeasuredReasons> not_measured_s{};
  std::array<std::array<int, 2>, 2> events_by_side_kind{};  // [side][clonic=0, tonic=1]
  int events_total = 0;
  int blinks_total = 0;
  double events_per_minute = 0.0;  // per monitored minute
  double blinks_per_minute = 0.0;
  std::optional<Side> affected_side;    // the side with more events; none when no events
  double affected_eye_closed_pct = 0.0; // % of monitored time that eye's closure was >= the threshold
  std::optional<TwitchEvent> longest_event;
  int babinski_events = 0;
  std::array<int, kRegionCount> events_by_region{};
};

// Accumulates per-frame signals as they arrive so long sessions need no stored trace.
class SummaryBuilder {
 public:
  explicit SummaryBuilder(double closed_threshold) : closed_threshold_(closed_threshold) {}
  void add_frame(const FrameSignals& s);
  SessionSummary build(const std::vector<TwitchEvent>& events, const std::vector<Blink>& blinks) const;

 private:
  double closed_threshold_;
  std::optional<double> first_time_;
  std::optional<double> last_time_;
  double last_interval_ = 0.0;
  double monitored_s_ = 0.0;
  std::array<double, kNotMeasuredReasons> not_measured_s_{};
  std::array<double, 2> closed_s_{};
};

}  // namespace hemitrack

namespace hemitrack {

// Events per minute over the last `window_s` of a running session (the whole session while it is
// shorter than the window): the recent rate a patient watches change through the day.
double recent_events_per_minute(const std::vector<TwitchEvent>& events, double session_start_s, double now_s,
                                double window_s);

}  // namespace hemitrack
