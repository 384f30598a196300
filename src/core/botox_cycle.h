#pragma once
// Where a day falls in a botulinum toxin cycle, for shading the timeline and labelling sessions.
//
// The phase boundaries follow DESIGN §2 (onset about 3–4 days, range 2–5; peak 1–2 weeks; benefit
// about 12 weeks, re-injection not more often than every 3 months), counted in days since the
// injection day (day 0 = the day itself, from its midnight):
//   [0, 4)    before_onset   the toxin has not started to work (onset typically by day 3–4)
//   [4, 7)    taking_effect  working, not yet at full strength
//   [7, 14)   peak           weeks 1–2: the strongest effect
//   [14, 84)  benefit        weeks 2–12: the usual duration of benefit
//   [84, ...) wearing_off    after 12 weeks spasms are expected to return; next injection due
// These are the textbook course, not a prediction for one person; the timeline shows them as a
// guide next to what was measured.
#include "core/calendar.h"
#include "core/treatment.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace hemitrack {

enum class BotoxPhase { before_onset, taking_effect, peak, benefit, wearing_off };
constexpr BotoxPhase kAllBotoxPhases[] = {BotoxPhase::before_onset, BotoxPhase::taking_effect, BotoxPhase::peak,
                                          BotoxPhase::benefit, BotoxPhase::wearing_off};

// First day (since the injection) of each phase; wearing_off has no end.
constexpr double kBotoxOnsetDay = 4.0;
constexpr double kBotoxPeakDay = 7.0;
constexpr double kBotoxBenefitDay = 14.0;
constexpr double kBotoxWearingOffDay = 84.0;  // 12 weeks
constexpr int kBotoxIntervalDays = 84;        // re-injection not more often than every 3 months

std::string_view label(BotoxPhase p);  // plain words: "waiting for effect", "peak effect", ...

// The phase `days_since` (>= 0) days after an injection.
BotoxPhase phase_after(double days_since);

struct PhaseSpan {
  BotoxPhase phase = BotoxPhase::before_onset;
  double from_day = 0.0;  // [from_day, to_day), day numbers (calendar.h)
  double to_day = 0.0;
};

// The phases from the injection day on, in order, cut off at the next injection or at `until`,
// whichever comes first (a phase that would start after the cut is left out). Empty when the cut
// is on or before the injection day.
std::vector<PhaseSpan> botox_phases(DayNumber injection, std::optional<DayNumber> next_injection, DayNumber until);

// The earliest day a next injection is due: 12 weeks after this one.
DayNumber next_injection_due(DayNumber injection);

// The phase on `day` (fractional, calendar.h) of the latest botox injection on or before it; none
// before the first botox injection. Other treatments are ignored; any order of `treatments`.
std::optional<BotoxPhase> phase_on(double day, std::span<const Treatment> treatments);

}  // namespace hemitrack
