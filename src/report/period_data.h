#pragma once
// Everything the report, the exports and the dashboard's treatment-cycle window show about a
// period of days, gathered from the history in one place so they all show the same figures.
#include "core/botox_cycle.h"
#include "core/comparison.h"
#include "core/trend.h"
#include "storage/session_store.h"

#include <optional>
#include <variant>
#include <vector>

namespace hemitrack {

struct PeriodData {
  DayNumber from = 0, to = 0;           // both days included
  int bin_days = 7;                     // the trend's bin: a week, longer for periods over half a year
  std::vector<SessionSample> sessions;  // started within the period, oldest first
  std::vector<Treatment> treatments;    // every one recorded, oldest first (the cycle may start before)
  std::vector<Hfs7Answers> hfs7;        // answered within the period
  std::optional<Side> affected;         // the side with more one-sided events in the period
  std::vector<TrendBin> bins;
  std::vector<PhaseSpan> phases;  // expected Botox phases within the period
  // Around the latest Botox injection on or before the period's last day; its periods may reach
  // outside the report's period (the 2 weeks before, weeks 2-6 after).
  std::optional<ComparePeriods> periods;
  std::optional<Comparison> comparison;

  Side affected_or_right() const { return affected.value_or(Side::right); }
};

// Today's date in UTC, as the history's times are kept.
DayNumber today_utc();

// Requires from <= to. Without `from`: everything recorded, from the first session or treatment
// (and at least the 4 weeks up to `to`).
std::variant<PeriodData, StoreError> gather_period(const SessionStore& store, std::optional<DayNumber> from,
                                                   DayNumber to, const CompareOptions& options = {});

// Bins over [from, to + 1) of `bin_days`: the trend's grid.
int trend_bin_days(DayNumber from, DayNumber to);

}  // namespace hemitrack
