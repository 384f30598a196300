#include "apps/cli/compare_command.h"

#include "apps/cli/exit_codes.h"
#include "apps/cli/history_command_support.h"
#include "core/comparison.h"
#include "core/trend.h"

#include <algorithm>
#include <cstdio>

namespace hemitrack {
namespace {

std::string figure(const std::optional<double>& v, const char* format) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, format, *v);
  return buf;
}

// One paragraph per period or group: labels hold en dashes, which printf columns would misalign.
void print_group(const std::string& name, const PeriodFigures& f) {
  std::printf(
      "%s: %.2f h monitored in %d sessions; %d twitches, %s per hour; mean duration %s, mean peak "
      "closure %s; eye closed %s of the time\n",
      name.c_str(), f.monitored_h, f.sessions, f.events, figure(f.events_per_hour, "%.1f").c_str(),
      figure(f.mean_duration_s, "%.2f s").c_str(), figure(f.mean_peak_closure, "%.2f").c_str(),
      figure(f.eye_closed_pct, "%.1f %%").c_str());
}

void print_comparison(const Comparison& c, const std::string& before_name, const std::string& after_name, Side affected,
                      const CompareOptions& options) {
  std::printf("%s\n\n", c.sentence.c_str());
  std::printf("Affected side: %s (the side with more one-sided twitches)\n", std::string(to_string(affected)).c_str());
  print_group(before_name, c.before);
  print_group(after_name, c.after);
  if (!c.enough_data) return;
  std::printf("\nChange after vs before, %.0f %% confidence intervals:\n", options.confidence * 100.0);
  std::printf("  twitches per hour: ratio %.2f (%.2f to %.2f)%s\n", c.rate.ratio, c.rate.low, c.rate.high,
              c.rate.dispersion > 1.0 ? " (widened for day-to-day variation)" : "");
  std::printf("  duration of a twitch: %s\n", change_text(c.duration_s, 2, " s", options.confidence).c_str());
  std::printf("  peak eye closure: %s\n", change_text(c.peak_closure, 2, "", options.confidence).c_str());
  std::printf("  time the eye was closed: %s\n",
              change_text(c.eye_closed_pct, 1, " percentage points", options.confidence).c_str());
}

// The sessions with these numbers, in the order given; an unknown number is an error, not a
// smaller group.
std::variant<SessionGroup, int> group_of(const std::vector<SessionSample>& all, const std::vector<std::int64_t>& ids,
                                         const std::string& text) {
  SessionGroup g;
  g.name = (ids.size() == 1 ? "session " : "sessions ") + text;
  for (std::int64_t id : ids) {
    const auto it = std::find_if(all.begin(), all.end(), [&](const SessionSample& s) { return s.id == id; });
    if (it == all.end())
      return print_failure(exit_code::input_unreadable,
                           "no session " + std::to_string(id) + " (see: hemitrack sessions list)");
    g.sessions.push_back(*it);
  }
  return g;
}

int compare_sessions(const SessionStore& store, const CompareArgs& args) {
  auto loaded = store.load_samples(-1e9, 1e9);  // every session: the groups may lie anywhere in time
  if (auto* e = std::get_if<StoreError>(&loaded)) return store_failure(*e);
  const auto& all = std::get<std::vector<SessionSample>>(loaded);
  auto before = group_of(all, args.before_sessions, args.before_sessions_text);
  if (auto* code = std::get_if<int>(&before)) return *code;
  auto after = group_of(all, args.after_sessions, args.after_sessions_text);
  if (auto* code = std::get_if<int>(&after)) return *code;
  const SessionGroup& b = std::get<SessionGroup>(before);
  const SessionGroup& a = std::get<SessionGroup>(after);
  std::vector<SessionSample> both = b.sessions;
  both.insert(both.end(), a.sessions.begin(), a.sessions.end());
  const Side affected = affected_side(both).value_or(Side::right);
  const CompareOptions options;
  print_comparison(compare_groups(b, a, affected, options), b.name, a.name, affected, options);
  return exit_code::ok;
}

int compare_periods(const SessionStore& store, const CompareArgs& args) {
  ComparePeriods periods;
  if (args.before) {
    periods.before = {static_cast<double>(args.before->first), args.before->second + 1.0, "before"};
    periods.after = {static_cast<double>(args.after->first), args.after->second + 1.0, "after"};
  } else {
    auto treatments = store.list_treatments();
    if (auto* e = std::get_if<StoreError>(&treatments)) return store_failure(*e);
    const auto around = default_periods(std::get<std::vector<Treatment>>(treatments));
    if (!around)
      return print_failure(exit_code::usage,
                           "no Botox injection is recorded: record one (hemitrack treatments add) or give --before "
                           "and --after");
    periods = *around;
  }
  const double from = std::min(periods.before.from_day, periods.after.from_day);
  const double to = std::max(periods.before.to_day, periods.after.to_day);
  auto loaded = store.load_samples(from, to);
  if (auto* e = std::get_if<StoreError>(&loaded)) return store_failure(*e);
  const auto& sessions = std::get<std::vector<SessionSample>>(loaded);
  const Side affected = affected_side(sessions).value_or(Side::right);
  const CompareOptions options;
  print_comparison(hemitrack::compare_periods(sessions, periods, affected, options),
                   periods.before.label + " (" + describe_dates(periods.before) + ")",
                   periods.after.label + " (" + describe_dates(periods.after) + ")", affected, options);
  return exit_code::ok;
}

}  // namespace

int run_compare(const CompareArgs& args) {
  auto opened = open_history();
  if (auto* code = std::get_if<int>(&opened)) return *code;
  const SessionStore& store = std::get<SessionStore>(opened);
  return args.before_sessions.empty() ? compare_periods(store, args) : compare_sessions(store, args);
}

}  // namespace hemitrack
