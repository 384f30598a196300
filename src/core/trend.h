#pragma once
// The trend across weeks: sessions gathered into calendar bins (days or weeks), with the figures a
// timeline plots — twitch rate, share of time the affected eye was closed, tonic share and how far
// the twitches spread over the face.
//
// HFS is one-sided (DESIGN §2), so the figures that describe the disease (rate, tonic share,
// spread, eye closure) are about the affected side only; events on the other side are counted in
// `events` and `events_by_side` so that a view can show them, but they are mostly detector noise
// or ordinary asymmetric blinks.
#include "core/calendar.h"
#include "core/events.h"
#include "core/session_sample.h"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hemitrack {

// How far one event reached. HFS usually starts at the lower lid and spreads to the cheek and
// mouth corner, then to the upper face (DESIGN §2); atypical cases start low, without the eye.
enum class Spread {
  eye_only = 0,     // the eye alone
  eye_mouth = 1,    // eye and mouth corner, not the brow
  with_brow = 2,    // the brow took part (with or without eye and mouth): spread to the upper face
  without_eye = 3,  // neither eye nor brow: the mouth corner alone
};
constexpr std::size_t kSpreadCount = 4;
constexpr Spread kAllSpreads[] = {Spread::eye_only, Spread::eye_mouth, Spread::with_brow, Spread::without_eye};

Spread spread_of(const TwitchEvent& e);
std::string_view label(Spread s);  // for people: "eye only", "eye and mouth", ...

struct TrendBin {
  DayNumber from_day = 0;  // [from_day, from_day + days)
  int days = 0;            // bin_days, or fewer for a last bin cut short by `to`
  int sessions = 0;
  double monitored_h = 0.0;
  int events = 0;                       // both sides
  std::array<int, 2> events_by_side{};  // indexed by index_of(Side)
  // The affected side only from here on.
  int tonic = 0;
  std::array<int, kSpreadCount> by_spread{};  // indexed by Spread
  double affected_eye_closed_s = 0.0;
  std::optional<double> events_per_hour;  // affected-side events per monitored hour
  std::optional<double> eye_closed_pct;   // affected eye closed, % of monitored time
  std::optional<double> tonic_share;      // tonic / affected-side events; none without such events
  std::vector<std::string> tags;          // distinct tags of its sessions, sorted
};

// Bins [from, from + bin_days), ... up to `to` (exclusive). A session belongs to the bin its start
// falls in; sessions starting outside [from, to) are ignored. The optionals are empty for a bin
// without monitored time: no measurement, which a plot must not draw as zero.
// requires bin_days >= 1. Empty when to <= from.
std::vector<TrendBin> trend(std::span<const SessionSample> sessions, DayNumber from, DayNumber to, int bin_days,
                            Side affected);

// The side with more events over all the sessions; none on a tie or without events.
std::optional<Side> affected_side(std::span<const SessionSample> sessions);

}  // namespace hemitrack
