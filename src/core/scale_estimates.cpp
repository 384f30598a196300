#include "core/scale_estimates.h"

#include <algorithm>
#include <cstdio>

namespace hemitrack {
namespace {

std::string number(const char* format, double value) {
  char buf[48];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

std::string hours(double h) { return number("%.1f h", h); }
std::string per_hour(double rate) { return number("%.1f per hour", rate); }
std::string percent(double pct) { return number("%.0f %%", pct); }
std::string closure(double c) { return number("peak closure %.2f", c); }

ScaleEstimate unavailable(std::string scale) {
  return {std::move(scale), 0, 4, "No monitored time to estimate from.", false};
}

constexpr const char* kNoGradeFour =
    "grade IV (disfigurement) cannot be seen in twitch measurements and is never estimated";

}  // namespace

int ScaleInputs::spread_events() const {
  return by_spread[static_cast<std::size_t>(Spread::eye_mouth)] +
         by_spread[static_cast<std::size_t>(Spread::with_brow)] +
         by_spread[static_cast<std::size_t>(Spread::without_eye)];
}

ScaleInputs scale_inputs(std::span<const SessionSample> sessions, Side affected) {
  ScaleInputs in;
  double closed_s = 0.0;
  for (const SessionSample& s : sessions) {
    in.monitored_h += s.monitored_s / 3600.0;
    closed_s += s.eye_closed_s[static_cast<std::size_t>(index_of(affected))];
    for (const TwitchEvent& e : s.events) {
      if (e.side != affected) continue;
      ++in.events;
      if (e.kind == EventKind::tonic && e.involves(Region::eye)) ++in.tonic;
      ++in.by_spread[static_cast<std::size_t>(spread_of(e))];
      in.max_peak_closure = std::max(in.max_peak_closure, e.peak_closure);
    }
  }
  if (in.monitored_h > 0.0) in.eye_closed_pct = 100.0 * closed_s / (in.monitored_h * 3600.0);
  return in;
}

ScaleEstimate estimate_jankovic_frequency(const ScaleInputs& in) {
  const std::string scale = "Jankovic frequency (estimate)";
  if (in.monitored_h <= 0.0) return unavailable(scale);
  const int eyelid = in.eyelid_events();
  const double rate = eyelid / in.monitored_h;
  auto estimate = [&](int score, std::string basis) { return ScaleEstimate{scale, score, 4, std::move(basis), true}; };
  if (eyelid == 0)
    return estimate(0, "No eyelid twitches on the affected side in " + hours(in.monitored_h) + " of monitoring.");
  if (in.tonic > 0 && in.eye_closed_pct > 50.0)
    return estimate(4, "Spasms kept the affected eye closed " + percent(in.eye_closed_pct) + " of the " +
                           hours(in.monitored_h) + " monitored, more than half the time.");
  if (in.tonic > 0)
    return estimate(3, std::to_string(in.tonic) + " eyelid spasm" + (in.tonic == 1 ? "" : "s") +
                           " lasted over 1 s in " + hours(in.monitored_h) +
                           ", with the eye open more than half the time (closed " + percent(in.eye_closed_pct) + ").");
  if (rate >= kFrequentPerHour)
    return estimate(2, std::to_string(eyelid) + " brief eyelid twitches (" + per_hour(rate) + ", none over 1 s) in " +
                           hours(in.monitored_h) + ": fluttering under 1 s.");
  return estimate(1, std::to_string(eyelid) + " brief eyelid twitch" + (eyelid == 1 ? "" : "es") + " in " +
                         hours(in.monitored_h) + " (" + per_hour(rate) + ", fewer than " +
                         number("%.0f", kFrequentPerHour) + "): like slightly increased blinking.");
}

ScaleEstimate estimate_jankovic_severity(const ScaleInputs& in) {
  const std::string scale = "Jankovic severity (estimate)";
  if (in.monitored_h <= 0.0) return unavailable(scale);
  const int eyelid = in.eyelid_events();
  const double rate = eyelid / in.monitored_h;
  const std::string spread_note =
      in.spread_events() > 0 ? " (spread to the mouth or brow does not change this estimate)" : "";
  auto estimate = [&](int score, std::string basis) {
    return ScaleEstimate{scale, score, 4, std::move(basis) + spread_note + ".", true};
  };
  if (eyelid == 0)
    return ScaleEstimate{
        scale, 0, 4, "No eyelid twitches on the affected side in " + hours(in.monitored_h) + " of monitoring.", true};
  const bool deep = in.max_peak_closure >= kHalfClosed;
  if (in.tonic > 0 && deep && in.eye_closed_pct >= kIncapacitatingClosedPct)
    return estimate(4, "Sustained spasms closed the eye (" + closure(in.max_peak_closure) + ") and kept it closed " +
                           percent(in.eye_closed_pct) + " of the time, the measurable sign of an incapacitating spasm");
  if (in.tonic > 0 && deep)
    return estimate(3, "Sustained spasms over 1 s closed the eye at least halfway (" + closure(in.max_peak_closure) +
                           "), with the eye closed " + percent(in.eye_closed_pct) +
                           " of the time: very noticeable, not shown to be incapacitating");
  if (rate >= kFrequentPerHour && deep)
    return estimate(2, "Frequent brief twitches (" + per_hour(rate) + ") closed the eyelid at least halfway (" +
                           closure(in.max_peak_closure) + ") without sustained spasm: noticeable fluttering");
  const std::string why =
      rate < kFrequentPerHour ? "few (" + per_hour(rate) + ")" : "shallow (" + closure(in.max_peak_closure) + ")";
  return estimate(1, "The eyelid twitches were " + why + ": like increased blinking");
}

ScaleEstimate estimate_smc_grade(const ScaleInputs& in) {
  const std::string scale = "SMC grade (estimate)";
  if (in.monitored_h <= 0.0) return unavailable(scale);
  auto estimate = [&](int score, std::string basis) {
    return ScaleEstimate{scale, score, 4, std::move(basis) + "; " + kNoGradeFour + ".", true};
  };
  if (in.events == 0)
    return estimate(0, "No one-sided twitches in " + hours(in.monitored_h) + " of monitoring, so no grade");
  const double tonic_rate = in.tonic / in.monitored_h;
  if (in.tonic >= kMinPatternEvents && tonic_rate >= kFrequentTonicPerHour)
    return estimate(3, "Frequent sustained spasms closing the eye (" + std::to_string(in.tonic) + ", " +
                           per_hour(tonic_rate) + ") interfere with vision: grade III");
  if (in.eye_closed_pct >= kVisionClosedPct)
    return estimate(3, "The affected eye was closed " + percent(in.eye_closed_pct) + " of the " +
                           hours(in.monitored_h) + " monitored, which interferes with vision: grade III");
  const int spread = in.spread_events();
  const std::string spread_count =
      std::to_string(spread) + " of " + std::to_string(in.events) + " twitches reached the mouth or brow";
  if (spread >= kMinPatternEvents && spread >= kSpreadMinShare * in.events)
    return estimate(2, spread_count + ": spread to other facial muscles, grade II");
  return estimate(1, "The twitches stayed around the eye (" + spread_count + "): grade I");
}

}  // namespace hemitrack
