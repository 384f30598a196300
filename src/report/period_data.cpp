#include "report/period_data.h"

#include <algorithm>
#include <cmath>
#include <chrono>

namespace hemitrack {

DayNumber today_utc() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<DayNumber>(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24);
}

int trend_bin_days(DayNumber from, DayNumber to) {
  const int days = to - from + 1;
  return days <= 190 ? 7 : days <= 400 ? 14 : 28;
}

std::variant<PeriodData, StoreError> gather_period(const SessionStore& store, std::optional<DayNumber> first_day,
                                                   DayNumber to, const CompareOptions& options) {
  PeriodData d;
  d.to = to;
  auto treatments = store.list_treatments();
  if (auto* e = std::get_if<StoreError>(&treatments)) return *e;
  d.treatments = std::move(std::get<std::vector<Treatment>>(treatments));
  // Every day since 1970 is "everything": the sessions found decide where the period starts.
  auto sessions = store.load_samples(first_day.value_or(0), to + 1.0);
  if (auto* e = std::get_if<StoreError>(&sessions)) return *e;
  d.sessions = std::move(std::get<std::vector<SessionSample>>(sessions));
  DayNumber from = first_day.value_or(to - 27);
  if (!first_day) {
    if (!d.sessions.empty()) from = std::min(from, static_cast<DayNumber>(std::floor(d.sessions.front().start_day)));
    if (!d.treatments.empty()) from = std::min(from, d.treatments.front().day);
  }
  d.from = from;
  d.bin_days = trend_bin_days(from, to);
  auto hfs7 = store.list_hfs7();
  if (auto* e = std::get_if<StoreError>(&hfs7)) return *e;
  for (Hfs7Answers& a : std::get<std::vector<Hfs7Answers>>(hfs7))
    if (a.day >= from && a.day <= to) d.hfs7.push_back(std::move(a));

  d.affected = affected_side(d.sessions);
  const Side side = d.affected_or_right();
  d.bins = trend(d.sessions, from, to + 1, d.bin_days, side);

  std::vector<Treatment> so_far;
  for (const Treatment& t : d.treatments)
    if (t.day <= to) so_far.push_back(t);
  for (std::size_t i = 0; i < so_far.size(); ++i) {
    if (so_far[i].kind != TreatmentKind::botox) continue;
    std::optional<DayNumber> next;
    for (std::size_t j = i + 1; j < so_far.size() && !next; ++j)
      if (so_far[j].kind == TreatmentKind::botox) next = so_far[j].day;
    for (PhaseSpan p : botox_phases(so_far[i].day, next, to + 1)) {
      p.from_day = std::max<double>(p.from_day, from);
      if (p.to_day > p.from_day) d.phases.push_back(p);
    }
  }

  d.periods = default_periods(so_far);
  if (d.periods) {
    auto around = store.load_samples(d.periods->before.from_day, d.periods->after.to_day);
    if (auto* e = std::get_if<StoreError>(&around)) return *e;
    const auto& samples = std::get<std::vector<SessionSample>>(around);
    // The affected side of the report's period; if it had no events, that of the comparison's.
    const Side compared = d.affected ? side : affected_side(samples).value_or(Side::right);
    d.comparison = compare_periods(samples, *d.periods, compared, options);
  }
  return d;
}

}  // namespace hemitrack
