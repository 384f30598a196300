#pragma once
// `hemitrack report` and `hemitrack compare`: parsed once at the edge into plain values.
#include "apps/cli/cli_args.h"
#include "core/calendar.h"

#include <filesystem>
#include <optional>

namespace hemitrack {

// hemitrack report [--from DATE] [--to DATE] [-o FILE.pdf] [--csv FILE] [--json FILE] [--patient NAME]
struct ReportArgs {
  std::optional<DayNumber> from;             // default: 90 days before `to`
  std::optional<DayNumber> to;               // inclusive; default: today (UTC)
  std::optional<std::filesystem::path> pdf;  // default: hemitrack-report-FROM-to-TO.pdf here
  std::optional<std::filesystem::path> csv;
  std::optional<std::filesystem::path> json;
  std::string patient;  // printed on page 1; empty leaves a line to write the name on
};

// hemitrack compare [--before FROM..TO --after FROM..TO | --before-sessions LIST --after-sessions LIST]
struct CompareArgs {
  // Both or neither; inclusive dates. Neither (and no session lists): the 2 weeks before the
  // latest Botox injection against weeks 2-6 after it.
  std::optional<std::pair<DayNumber, DayNumber>> before, after;
  // Or two sets of sessions by number ("3,5,8" or "12-20", mixed as "1-4,9"), both or neither.
  std::vector<std::int64_t> before_sessions, after_sessions;
  std::string before_sessions_text, after_sessions_text;  // as typed, to name them
};

using ParsedReportArgs = std::variant<ReportArgs, HelpRequest, UsageError>;
using ParsedCompareArgs = std::variant<CompareArgs, HelpRequest, UsageError>;

// Require: args[0] == "report" / "compare".
ParsedReportArgs parse_report_args(const std::vector<std::string>& args);
ParsedCompareArgs parse_compare_args(const std::vector<std::string>& args);
std::string report_usage_text();
std::string compare_usage_text();

}  // namespace hemitrack
