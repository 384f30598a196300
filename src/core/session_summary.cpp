#include "core/session_summary.h"

#include <algorithm>

namespace hemitrack {

void SummaryBuilder::add_frame(const FrameSignals& s) {
  // Each frame stands for the time until the next one; the last frame repeats the interval before it.
  if (last_time_) last_interval_ = std::max(0.0, s.time_s - *last_time_);
  if (!first_time_) first_time_ = s.time_s;
  last_time_ = s.time_s;
  const double dt = last_interval_;
  if (!s.valid) {
    // A frame marked invalid without its reason (a stored one) counts as no face.
    const NotMeasured why = s.why_not == NotMeasured::no ? NotMeasured::no_face : s.why_not;
    not_measured_s_[static_cast<std::size_t>(why)] += dt;
    return;
  }
  monitored_s_ += dt;
  for (Side side : kBothSides) {
    const auto i = static_cast<std::size_t>(index_of(side));
    if (s.closure[i] >= closed_threshold_) closed_s_[i] += dt;
  }
}

SessionSummary SummaryBuilder::build(const std::vector<TwitchEvent>& events, const std::vector<Blink>& blinks) const {
  SessionSummary out;
  if (first_time_) out.duration_s = *last_time_ - *first_time_ + last_interval_;
  out.monitored_s = monitored_s_;
  out.not_measured_s = not_measured_s_;
  out.events_total = static_cast<int>(events.size());
  out.blinks_total = static_cast<int>(blinks.size());
  for (const auto& ev : events) {
    ++out.events_by_side_kind[static_cast<std::size_t>(index_of(ev.side))][ev.kind == EventKind::tonic ? 1 : 0];
    for (Region r : ev.regions) ++out.events_by_region[static_cast<std::size_t>(r)];
    if (ev.other_babinski) ++out.babinski_events;
    if (!out.longest_event || ev.duration_s() > out.longest_event->duration_s()) out.longest_event = ev;
  }
  const double minutes = monitored_s_ / 60.0;
  if (minutes > 0.0) {
    out.events_per_minute = out.events_total / minutes;
    out.blinks_per_minute = out.blinks_total / minutes;
  }
  const auto per_side = [&](Side s) {
    const auto& k = out.events_by_side_kind[static_cast<std::size_t>(index_of(s))];
    return k[0] + k[1];
  };
  if (out.events_total > 0) {
    out.affected_side = per_side(Side::left) > per_side(Side::right) ? Side::left : Side::right;
    if (monitored_s_ > 0.0)
      out.affected_eye_closed_pct = 100.0 * closed_s_[static_cast<std::size_t>(index_of(*out.affected_side))] / monitored_s_;
  }
  return out;
}

}  // namespace hemitrack

namespace hemitrack {

double recent_events_per_minute(const std::vector<TwitchEvent>& events, double session_start_s, double now_s,
                                double window_s) {
  const double from = std::max(session_start_s, now_s - window_s);
  const double span_min = (now_s - from) / 60.0;
  if (span_min <= 0.0) return 0.0;
  const auto recent = std::count_if(events.begin(), events.end(),
                                    [&](const TwitchEvent& e) { return e.end_s >= from && e.start_s <= now_s; });
  return static_cast<double>(recent) / span_min;
}

}  // namespace hemitrack
