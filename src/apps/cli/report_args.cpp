#include "apps/cli/report_args.h"

#include <algorithm>
#include <cstdlib>

namespace hemitrack {
namespace {

// The value after option args[i], or a usage error naming the option.
std::variant<std::string, UsageError> value_of(const std::vector<std::string>& args, std::size_t& i, const char* what) {
  if (i + 1 >= args.size()) return UsageError{args[i] + " needs " + what};
  return args[++i];
}

std::variant<DayNumber, UsageError> date_value(const std::string& option, const std::string& text) {
  if (const auto day = parse_date(text)) return *day;
  return UsageError{option + ": '" + text + "' is not a date (write YYYY-MM-DD, e.g. 2026-03-03)"};
}

// "2026-02-17..2026-03-02", both inclusive.
std::variant<std::pair<DayNumber, DayNumber>, UsageError> range_value(const std::string& option,
                                                                      const std::string& text) {
  const auto dots = text.find("..");
  if (dots == std::string::npos)
    return UsageError{option + ": '" + text + "' is not a range (write FROM..TO, e.g. 2026-02-17..2026-03-02)"};
  const auto from = date_value(option, text.substr(0, dots));
  const auto to = date_value(option, text.substr(dots + 2));
  if (const auto* e = std::get_if<UsageError>(&from)) return *e;
  if (const auto* e = std::get_if<UsageError>(&to)) return *e;
  if (std::get<DayNumber>(to) < std::get<DayNumber>(from))
    return UsageError{option + ": '" + text + "' ends before it starts"};
  return std::pair{std::get<DayNumber>(from), std::get<DayNumber>(to)};
}

// "3,5,8", "12-20", "1-4,9": session numbers, each at most once, in the order given.
std::variant<std::vector<std::int64_t>, UsageError> session_list(const std::string& option, const std::string& text) {
  std::vector<std::int64_t> ids;
  const UsageError bad{option + ": '" + text + "' is not a list of session numbers (e.g. 3,5,8 or 12-20)"};
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t comma = std::min(text.find(',', from), text.size());
    const std::string item = text.substr(from, comma - from);
    const std::size_t dash = item.find('-');
    char* end = nullptr;
    const long long first = std::strtoll(item.c_str(), &end, 10);
    long long last = first;
    if (item.empty() || end == item.c_str() || first <= 0) return bad;
    if (dash != std::string::npos) {
      if (end != item.c_str() + dash) return bad;
      const char* second = item.c_str() + dash + 1;
      last = std::strtoll(second, &end, 10);
      if (end == second || last < first || last - first > 100000) return bad;
    }
    if (*end != '\0') return bad;
    for (long long id = first; id <= last; ++id)
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    from = comma + 1;
  }
  return ids;
}

}  // namespace

std::string report_usage_text() {
  return "usage: hemitrack report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [-o REPORT.pdf] [--csv FILE] [--json FILE]\n"
         "                        [--patient NAME]\n"
         "  The neurologist's report of the stored sessions from --from to --to (both included; default:\n"
         "  the 90 days up to today): a one-page summary, the before/after comparison around the latest\n"
         "  Botox injection, the trend with treatments, then the event table, typical events, stills from\n"
         "  clips, HFS-7 scores and scale estimates. --csv and --json export the same period's data.\n"
         "  Default output: hemitrack-report-FROM-to-TO.pdf in the current folder.\n";
}

std::string compare_usage_text() {
  return "usage: hemitrack compare [--before FROM..TO --after FROM..TO]\n"
         "       hemitrack compare --before-sessions LIST --after-sessions LIST   (e.g. 3,5,8 or 12-20)\n"
         "  Compares one-sided twitches per hour of monitored time (with a 95 % confidence interval),\n"
         "  their duration and strength, and the time the eye was closed, between two periods (dates\n"
         "  YYYY-MM-DD, both ends included). Without periods: the 2 weeks before the latest Botox\n"
         "  injection against weeks 2-6 after it. Session numbers are those of 'hemitrack sessions list'.\n";
}

ParsedReportArgs parse_report_args(const std::vector<std::string>& args) {
  ReportArgs out;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") return HelpRequest{report_usage_text()};
    if (a == "--from" || a == "--to") {
      auto v = value_of(args, i, "a date (YYYY-MM-DD)");
      if (auto* e = std::get_if<UsageError>(&v)) return *e;
      auto day = date_value(a, std::get<std::string>(v));
      if (auto* e = std::get_if<UsageError>(&day)) return *e;
      (a == "--from" ? out.from : out.to) = std::get<DayNumber>(day);
    } else if (a == "-o" || a == "--output" || a == "--csv" || a == "--json") {
      auto v = value_of(args, i, "a file");
      if (auto* e = std::get_if<UsageError>(&v)) return *e;
      const std::filesystem::path file = std::get<std::string>(v);
      (a == "--csv" ? out.csv : a == "--json" ? out.json : out.pdf) = file;
    } else if (a == "--patient") {
      auto v = value_of(args, i, "a name");
      if (auto* e = std::get_if<UsageError>(&v)) return *e;
      out.patient = std::get<std::string>(v);
    } else {
      return UsageError{"unexpected '" + a + "' for report"};
    }
  }
  if (out.from && out.to && *out.to < *out.from)
    return UsageError{"--to " + format_date(*out.to) + " is before --from " + format_date(*out.from)};
  return out;
}

ParsedCompareArgs parse_compare_args(const std::vector<std::string>& args) {
  CompareArgs out;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") return HelpRequest{compare_usage_text()};
    if (a == "--before-sessions" || a == "--after-sessions") {
      auto v = value_of(args, i, "session numbers (e.g. 3,5,8 or 12-20)");
      if (auto* e = std::get_if<UsageError>(&v)) return *e;
      auto ids = session_list(a, std::get<std::string>(v));
      if (auto* e = std::get_if<UsageError>(&ids)) return *e;
      const bool before = a == "--before-sessions";
      (before ? out.before_sessions : out.after_sessions) = std::get<std::vector<std::int64_t>>(ids);
      (before ? out.before_sessions_text : out.after_sessions_text) = std::get<std::string>(v);
      continue;
    }
    if (a != "--before" && a != "--after") return UsageError{"unexpected '" + a + "' for compare"};
    auto v = value_of(args, i, "a range FROM..TO");
    if (auto* e = std::get_if<UsageError>(&v)) return *e;
    auto range = range_value(a, std::get<std::string>(v));
    if (auto* e = std::get_if<UsageError>(&range)) return *e;
    (a == "--before" ? out.before : out.after) = std::get<std::pair<DayNumber, DayNumber>>(range);
  }
  if (out.before.has_value() != out.after.has_value()) return UsageError{"give both --before and --after, or neither"};
  if (out.before_sessions.empty() != out.after_sessions.empty())
    return UsageError{"give both --before-sessions and --after-sessions, or neither"};
  if (out.before && !out.before_sessions.empty())
    return UsageError{"compare either periods (--before/--after) or sessions (--before-sessions/--after-sessions)"};
  return out;
}

}  // namespace hemitrack
