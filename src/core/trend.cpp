#include "core/trend.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hemitrack {

Spread spread_of(const TwitchEvent& e) {
  if (e.involves(Region::brow)) return Spread::with_brow;
  if (!e.involves(Region::eye)) return Spread::without_eye;
  return e.involves(Region::mouth) ? Spread::eye_mouth : Spread::eye_only;
}

std::string_view label(Spread s) {
  switch (s) {
    case Spread::eye_only: return "eye only";
    case Spread::eye_mouth: return "eye and mouth";
    case Spread::with_brow: return "reaching the brow";
    case Spread::without_eye: return "mouth without the eye";
  }
  return "";
}

std::vector<TrendBin> trend(std::span<const SessionSample> sessions, DayNumber from, DayNumber to, int bin_days,
                            Side affected) {
  assert(bin_days >= 1);
  std::vector<TrendBin> bins;
  for (DayNumber start = from; start < to; start += bin_days) {
    TrendBin bin;
    bin.from_day = start;
    bin.days = std::min(bin_days, to - start);
    bins.push_back(std::move(bin));
  }
  const int affected_index = index_of(affected);
  for (const SessionSample& s : sessions) {
    if (!(s.start_day >= from && s.start_day < to)) continue;
    const auto index = static_cast<std::size_t>(std::floor((s.start_day - from) / bin_days));
    TrendBin& bin = bins[std::min(index, bins.size() - 1)];
    ++bin.sessions;
    bin.monitored_h += s.monitored_s / 3600.0;
    bin.affected_eye_closed_s += s.eye_closed_s[static_cast<std::size_t>(affected_index)];
    for (const TwitchEvent& e : s.events) {
      ++bin.events;
      ++bin.events_by_side[static_cast<std::size_t>(index_of(e.side))];
      if (e.side != affected) continue;
      if (e.kind == EventKind::tonic) ++bin.tonic;
      ++bin.by_spread[static_cast<std::size_t>(spread_of(e))];
    }
    bin.tags.insert(bin.tags.end(), s.tags.begin(), s.tags.end());
  }
  for (TrendBin& bin : bins) {
    std::sort(bin.tags.begin(), bin.tags.end());
    bin.tags.erase(std::unique(bin.tags.begin(), bin.tags.end()), bin.tags.end());
    if (bin.monitored_h <= 0.0) continue;
    const int affected_events = bin.events_by_side[static_cast<std::size_t>(affected_index)];
    bin.events_per_hour = affected_events / bin.monitored_h;
    bin.eye_closed_pct = 100.0 * bin.affected_eye_closed_s / (bin.monitored_h * 3600.0);
    if (affected_events > 0) bin.tonic_share = static_cast<double>(bin.tonic) / affected_events;
  }
  return bins;
}

std::optional<Side> affected_side(std::span<const SessionSample> sessions) {
  std::array<int, 2> counts{};
  for (const SessionSample& s : sessions)
    for (const TwitchEvent& e : s.events) ++counts[static_cast<std::size_t>(index_of(e.side))];
  if (counts[0] == counts[1]) return std::nullopt;
  return counts[0] > counts[1] ? Side::right : Side::left;
}

}  // namespace hemitrack
