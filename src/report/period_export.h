#pragma once
// The same period as the report, for the neurologist's own analysis: every one-sided event as CSV
// (the columns of `hemitrack analyze`'s events.csv, after the session's number and start), and
// the whole period as JSON (figures, comparison, trend, treatments, HFS-7, sessions and events).
#include "report/period_data.h"

#include <string>

namespace hemitrack {

std::string period_events_csv(const PeriodData& period);
std::string period_json(const PeriodData& period);

}  // namespace hemitrack
