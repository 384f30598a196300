#pragma once
// Before/after comparison of two periods of stored sessions, usually around a Botox injection:
// the figures of each period, honest intervals for their differences, and one plain sentence that
// says what changed — or that there is too little to say anything.
//
// Only events of the affected side count: HFS is one-sided (DESIGN §2), events on the other side
// are mostly detector noise, and counting them would blur the toxin's effect. That applies to the
// rate, the event durations and the peak closures; eye closure is the affected eye's.
// A session belongs to a period when it starts in it; sessions outside both periods are ignored.
#include "core/calendar.h"
#include "core/session_sample.h"
#include "core/statistics.h"
#include "core/treatment.h"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hemitrack {

struct Period {
  double from_day = 0.0;  // [from_day, to_day), fractional day numbers (calendar.h)
  double to_day = 0.0;
  std::string label;  // "2 weeks before"; may be empty

  bool contains(double day) const { return day >= from_day && day < to_day; }
};

struct ComparePeriods {
  Period before, after;
  std::optional<Treatment> injection;  // what the periods surround; none for two periods of the user's choice
};

// Before = the 2 weeks before the injection day, [d − 14, d); after = weeks 2–6 after it,
// [d + 14, d + 42): the toxin works from day 3–4 and peaks in weeks 1–2 (DESIGN §2), so the first
// two weeks are left out of both periods and "after" is the settled effect, well before it wears
// off at about 12 weeks.
ComparePeriods default_periods(const Treatment& injection);
// The default periods around the latest botox treatment; none without a botox treatment.
std::optional<ComparePeriods> default_periods(std::span<const Treatment> treatments);

// The days a period covers, in words: "from 3 to 16 March 2026", "from 20 December 2025 to
// 5 January 2026", "on 3 March 2026".
std::string describe_dates(const Period& p);

struct PeriodFigures {
  int sessions = 0;
  double monitored_h = 0.0;
  int events = 0;                           // affected side
  std::array<int, 2> events_by_side{};      // both sides, indexed by index_of(Side)
  std::optional<double> events_per_hour;    // affected side; none without monitored time
  std::optional<double> mean_duration_s;    // affected-side events; none without events
  std::optional<double> mean_peak_closure;  // affected-side events that involve the eye
  std::optional<double> eye_closed_pct;     // affected eye, % of all the period's monitored time
};

PeriodFigures period_figures(std::span<const SessionSample> sessions, const Period& period, Side affected);

struct CompareOptions {
  double confidence = 0.95;
  double min_monitored_h = 0.25;  // per period
  int min_events = 10;            // affected-side events of both periods together

  // "" when usable, otherwise the first problem, naming the field.
  std::string validate() const;
};

struct Comparison {
  PeriodFigures before, after;
  bool enough_data = false;
  std::string too_little;  // when not enough: the plain reason, with the figures and what is needed
  RateRatio rate;          // affected-side events per monitored hour, after / before
  // after − before; durations and peak closures per affected-side event, eye closed % per session.
  MeanDifference duration_s, peak_closure, eye_closed_pct;
  // One plain sentence for the patient and the report: the change in the twitch rate with its
  // interval, whether it is clear, and the two rates; or why nothing can be concluded yet.
  std::string sentence;
};

// The statistics are computed whenever they are available (for exports); `sentence` quotes
// percentages only when enough_data. requires options.validate() is empty.
Comparison compare_periods(std::span<const SessionSample> sessions, const ComparePeriods& periods, Side affected,
                           const CompareOptions& options);

// A difference for people: "+0.46 s (95 % CI +0.41 to +0.51)", or "not enough values to compare".
std::string change_text(const MeanDifference& d, int decimals, std::string_view unit, double confidence);

// Two groups of sessions the person chose (say, "sessions 3, 5, 8" against "sessions 12 to 20"),
// named for the sentence as they should read after "in": "sessions 3, 5 and 8". The same figures,
// rules and sentence as compare_periods; every session of a group counts, whatever its date.
struct SessionGroup {
  std::vector<SessionSample> sessions;
  std::string name;
};
Comparison compare_groups(const SessionGroup& before, const SessionGroup& after, Side affected,
                          const CompareOptions& options);

}  // namespace hemitrack
