#include "core/comparison.h"

#include <cassert>
#include <cmath>
#include <cstdio>
#include <vector>

namespace hemitrack {
namespace {

constexpr int kBeforeDays = 14;    // the 2 weeks before
constexpr int kAfterFromDay = 14;  // past the onset and the peak's first week
constexpr int kAfterToDay = 42;    // end of week 6

std::string printf_string(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

// "15 min", "2.0 h"; "under 1 min" for a trace of monitoring.
std::string hours_text(double hours) {
  if (hours >= 1.0) return printf_string("%.1f h", hours);
  const double minutes = std::round(hours * 60.0);
  if (minutes < 1.0) return "under 1 min";
  return printf_string("%.0f min", minutes);
}

std::string rate_text(double per_hour) {
  return printf_string(per_hour < 1.0 && per_hour > 0.0 ? "%.2f per hour" : "%.1f per hour", per_hour);
}

// A percentage rounded to whole numbers, unless that would round a real change to 0.
std::string percent_text(double value, bool with_sign) {
  const bool tiny = std::round(value) == 0.0 && value != 0.0;
  return printf_string(with_sign ? (tiny ? "%+.1f" : "%+.0f") : (tiny ? "%.1f" : "%.0f"), value);
}

std::string confidence_text(double confidence) { return printf_string("%g %% CI", confidence * 100.0); }

// "in the 2 weeks before" / "in weeks 2–6 after" with an injection's labels; dates otherwise.
std::string where(const Period& p, bool name_by_label) {
  if (!name_by_label || p.label.empty()) return describe_dates(p);
  const bool starts_with_number = p.label[0] >= '0' && p.label[0] <= '9';
  return (starts_with_number ? "in the " : "in ") + p.label;
}

std::string monitored_text(const PeriodFigures& f) {
  return f.sessions == 0 ? "no sessions" : hours_text(f.monitored_h);
}

// How the sentences name what is compared: "in the 2 weeks before" / "from 1 to 14 March 2026" /
// "in sessions 3, 5 and 8", and " after the 3 March 2026 injection" (or nothing), " about the ..."
struct Naming {
  std::string before, after;
  std::string after_injection, about;
  std::string unit = "period";  // what each side is: "period" or "group of sessions"
};

std::string rate_sentence(const Comparison& c, const Naming& names, double confidence) {
  const std::string& after_injection = names.after_injection;
  const std::string rates = rate_text(*c.before.events_per_hour) + " " + names.before + ", " +
                            rate_text(*c.after.events_per_hour) + " " + names.after;
  const std::string ci = confidence_text(confidence);
  const RateRatio& r = c.rate;
  if (r.high < 1.0) {  // the whole interval is a fall
    return "One-sided twitches fell by " + percent_text((1.0 - r.ratio) * 100.0, false) + " % (" + ci + " " +
           percent_text((1.0 - r.high) * 100.0, false) + "–" + percent_text((1.0 - r.low) * 100.0, false) + " %)" +
           after_injection + ": " + rates + ".";
  }
  if (r.low > 1.0) {  // the whole interval is a rise
    return "One-sided twitches rose by " + percent_text((r.ratio - 1.0) * 100.0, false) + " % (" + ci + " " +
           percent_text((r.low - 1.0) * 100.0, false) + "–" + percent_text((r.high - 1.0) * 100.0, false) + " %)" +
           after_injection + ": " + rates + ".";
  }
  return "One-sided twitches changed by " + percent_text((r.ratio - 1.0) * 100.0, true) + " % (" + ci + " " +
         percent_text((r.low - 1.0) * 100.0, true) + " to " + percent_text((r.high - 1.0) * 100.0, true) + " %)" +
         after_injection + ": not a clear change, within what chance alone could give (" + rates + ").";
}

}  // namespace

ComparePeriods default_periods(const Treatment& injection) {
  const double d = injection.day;
  ComparePeriods p;
  p.before = {d - kBeforeDays, d, "2 weeks before"};
  p.after = {d + kAfterFromDay, d + kAfterToDay, "weeks 2–6 after"};
  p.injection = injection;
  return p;
}

std::optional<ComparePeriods> default_periods(std::span<const Treatment> treatments) {
  const Treatment* latest = nullptr;
  for (const Treatment& t : treatments)
    if (t.kind == TreatmentKind::botox && (!latest || t.day >= latest->day)) latest = &t;
  if (!latest) return std::nullopt;
  return default_periods(*latest);
}

std::string describe_dates(const Period& p) {
  const auto first = static_cast<DayNumber>(std::floor(p.from_day));
  const auto last = std::max(first, static_cast<DayNumber>(std::ceil(p.to_day)) - 1);          // to_day is exclusive
  const std::string first_long = format_date_long(first), last_long = format_date_long(last);  // "3 March 2026"
  if (first == last) return "on " + first_long;
  const std::string first_iso = format_date(first), last_iso = format_date(last);  // "2026-03-03"
  if (first_iso.substr(0, 4) != last_iso.substr(0, 4)) return "from " + first_long + " to " + last_long;
  if (first_iso.substr(0, 7) != last_iso.substr(0, 7))
    return "from " + first_long.substr(0, first_long.rfind(' ')) + " to " + last_long;  // the year once
  return "from " + first_long.substr(0, first_long.find(' ')) + " to " + last_long;     // month and year once
}

namespace {

std::vector<SessionSample> within(std::span<const SessionSample> sessions, const Period& period) {
  std::vector<SessionSample> out;
  for (const SessionSample& s : sessions)
    if (period.contains(s.start_day)) out.push_back(s);
  return out;
}

PeriodFigures figures_of(std::span<const SessionSample> sessions, Side affected) {
  PeriodFigures f;
  const auto side = static_cast<std::size_t>(index_of(affected));
  double closed_s = 0.0, duration_sum = 0.0, closure_sum = 0.0;
  int eye_events = 0;
  for (const SessionSample& s : sessions) {
    ++f.sessions;
    f.monitored_h += s.monitored_s / 3600.0;
    closed_s += s.eye_closed_s[side];
    for (const TwitchEvent& e : s.events) {
      ++f.events_by_side[static_cast<std::size_t>(index_of(e.side))];
      if (e.side != affected) continue;
      ++f.events;
      duration_sum += e.duration_s();
      if (e.involves(Region::eye)) {
        closure_sum += e.peak_closure;
        ++eye_events;
      }
    }
  }
  if (f.monitored_h > 0.0) {
    f.events_per_hour = f.events / f.monitored_h;
    f.eye_closed_pct = 100.0 * closed_s / (f.monitored_h * 3600.0);
  }
  if (f.events > 0) f.mean_duration_s = duration_sum / f.events;
  if (eye_events > 0) f.mean_peak_closure = closure_sum / eye_events;
  return f;
}

// Per-session counts for the rate; per-event and per-session values for the Welch intervals.
struct Values {
  std::vector<CountExposure> counts;
  std::vector<double> durations, closures, closed_pct;
};

Values values_of(std::span<const SessionSample> sessions, Side affected) {
  Values v;
  const auto side = static_cast<std::size_t>(index_of(affected));
  for (const SessionSample& s : sessions) {
    int count = 0;
    for (const TwitchEvent& e : s.events) {
      if (e.side != affected) continue;
      ++count;
      v.durations.push_back(e.duration_s());
      if (e.involves(Region::eye)) v.closures.push_back(e.peak_closure);
    }
    v.counts.push_back({static_cast<double>(count), s.monitored_s / 3600.0});
    if (s.monitored_s > 0.0) v.closed_pct.push_back(100.0 * s.eye_closed_s[side] / s.monitored_s);
  }
  return v;
}

Comparison compare_split(std::span<const SessionSample> before_sessions, std::span<const SessionSample> after_sessions,
                         const Naming& names, Side affected, const CompareOptions& options) {
  assert(options.validate().empty());
  Comparison c;
  c.before = figures_of(before_sessions, affected);
  c.after = figures_of(after_sessions, affected);
  const Values before = values_of(before_sessions, affected), after = values_of(after_sessions, affected);
  c.rate = rate_ratio(before.counts, after.counts, options.confidence);
  c.duration_s = welch_difference(before.durations, after.durations, options.confidence);
  c.peak_closure = welch_difference(before.closures, after.closures, options.confidence);
  c.eye_closed_pct = welch_difference(before.closed_pct, after.closed_pct, options.confidence);

  const std::string& about = names.about;
  const std::string& where_before = names.before;
  const std::string& where_after = names.after;
  auto too_short = [&](const PeriodFigures& f) {
    return f.monitored_h <= 0.0 || f.monitored_h < options.min_monitored_h;
  };
  if (too_short(c.before) || too_short(c.after)) {
    const std::string need =
        options.min_monitored_h > 0.0 ? "at least " + hours_text(options.min_monitored_h) : "some monitored time";
    const std::string detail = monitored_text(c.before) + " " + where_before + " and " + monitored_text(c.after) + " " +
                               where_after + "; " + need + " in each " + names.unit + " is needed";
    c.too_little = "too little monitored time: " + detail;
    c.sentence = "Too little monitored time to conclude anything" + about + ": " + detail + ".";
    return c;
  }
  if (c.before.events + c.after.events < options.min_events) {
    const std::string detail = std::to_string(c.before.events) + " " + where_before + " (" +
                               hours_text(c.before.monitored_h) + " monitored) and " + std::to_string(c.after.events) +
                               " " + where_after + " (" + hours_text(c.after.monitored_h) + " monitored); at least " +
                               std::to_string(options.min_events) + " in the two " + names.unit +
                               "s together are needed";
    c.too_little = "too few twitches: " + detail;
    c.sentence = "Too few twitches to conclude anything" + about + ": " + detail + ".";
    return c;
  }
  c.enough_data = true;
  c.sentence = rate_sentence(c, names, options.confidence);
  return c;
}

}  // namespace

PeriodFigures period_figures(std::span<const SessionSample> sessions, const Period& period, Side affected) {
  return figures_of(within(sessions, period), affected);
}

std::string CompareOptions::validate() const {
  if (!(confidence > 0.0 && confidence < 1.0))
    return "confidence: must be between 0 and 1 (0.95 for a 95 % interval), not " + std::to_string(confidence);
  if (!(std::isfinite(min_monitored_h) && min_monitored_h >= 0.0))
    return "min_monitored_h: must be a number of hours >= 0, not " + std::to_string(min_monitored_h);
  if (min_events < 0) return "min_events: must be >= 0, not " + std::to_string(min_events);
  return "";
}

Comparison compare_periods(std::span<const SessionSample> sessions, const ComparePeriods& periods, Side affected,
                           const CompareOptions& options) {
  const bool injected = periods.injection.has_value();
  Naming names;
  names.before = where(periods.before, injected);
  names.after = where(periods.after, injected);
  if (injected) {
    names.after_injection = " after the " + format_date_long(periods.injection->day) + " injection";
    names.about = " about the " + format_date_long(periods.injection->day) + " injection";
  }
  return compare_split(within(sessions, periods.before), within(sessions, periods.after), names, affected, options);
}

std::string change_text(const MeanDifference& d, int decimals, std::string_view unit, double confidence) {
  if (!d.available) return "not enough values to compare";
  char buf[160];
  std::snprintf(buf, sizeof buf, "%+.*f%.*s (%g %% CI %+.*f to %+.*f)", decimals, d.difference,
                static_cast<int>(unit.size()), unit.data(), confidence * 100.0, decimals, d.low, decimals, d.high);
  return buf;
}

Comparison compare_groups(const SessionGroup& before, const SessionGroup& after, Side affected,
                          const CompareOptions& options) {
  return compare_split(before.sessions, after.sessions,
                       {"in " + before.name, "in " + after.name, "", "", "group of sessions"}, affected, options);
}

}  // namespace hemitrack
