#pragma once
// Fills the report's view model (report_document.h) from a period of the history: the figures
// from PeriodData, the traces of typical events from the stored signals, still frames from the
// event clips on disk.
#include "report/period_data.h"
#include "report/report_document.h"

namespace hemitrack {

struct ReportOptions {
  std::string patient;  // printed on page 1; empty leaves a line to write on
  DayNumber generated_day = 0;
  std::size_t max_stills = 6;  // still frames from clips; tonic events first
};

// Reads signals and clip records through `store`. What cannot be read is left out rather than
// failing the report: a typical event whose signals are gone gives way to the next most typical
// one, and a clip file that was deleted or cannot be decoded gives no still.
report::ReportDocument build_report(const SessionStore& store, const PeriodData& period, const ReportOptions& options);

// "10 February – 20 April 2026", "3–9 March 2026", "30 December 2025 – 5 January 2026".
std::string period_label(DayNumber first, DayNumber last);

// A moment of the history (fractional days, UTC) as "2026-03-04 09:12".
std::string moment_text(double day);

}  // namespace hemitrack
