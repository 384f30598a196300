#include "schedule.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <random>
#include <sstream>

namespace hemitrack::inject {
namespace {

enum class BlockKind { single, burst, tonic, blink };

// One placeable unit: a lone item, or a whole burst (its twitches must stay together).
struct Block {
  BlockKind kind = BlockKind::single;
  std::vector<Interval> parts;  // offsets from the block start
  std::vector<double> amplitudes;
  Side side = Side::right;
  bool eye = false, mouth = false, brow = false;
  double start_s = -1.0;  // set once placed

  double length_s() const { return parts.back().end_s; }
};

// Truth times are written with millisecond resolution; round once here so the warp uses exactly
// the times that the truth file states.
double ms(double seconds) { return std::round(seconds * 1000.0) / 1000.0; }

class Drawer {
 public:
  explicit Drawer(std::uint32_t seed) : rng_(seed) {}
  double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }
  int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  std::mt19937& engine() { return rng_; }

 private:
  std::mt19937 rng_;
};

void draw_regions(Drawer& draw, Block& block) {
  // Mostly the eye: HFS starts at orbicularis oculi; mouth-only is the atypical lower-face onset.
  const double r = draw.uniform(0.0, 1.0);
  if (r < 0.45) {
    block.eye = true;
  } else if (r < 0.70) {
    block.eye = block.mouth = true;
  } else if (r < 0.85) {
    block.eye = block.brow = true;
  } else {
    block.mouth = true;
  }
  block.side = draw.integer(0, 1) == 0 ? Side::right : Side::left;
}

Block make_single(Drawer& draw, BlockKind kind) {
  Block b;
  b.kind = kind;
  double duration = 0.0, amplitude = 0.0;
  switch (kind) {
    case BlockKind::single: duration = draw.uniform(0.080, 0.250); break;
    case BlockKind::tonic: duration = draw.uniform(1.0, 3.0); break;
    case BlockKind::blink: duration = draw.uniform(0.100, 0.400); break;
    case BlockKind::burst: assert(false); break;
  }
  amplitude = kind == BlockKind::blink ? draw.uniform(0.85, 1.0) : draw.uniform(0.5, 1.0);
  b.parts.push_back({0.0, ms(duration)});
  b.amplitudes.push_back(ms(amplitude));
  if (kind != BlockKind::blink) draw_regions(draw, b);
  return b;
}

Block make_burst(Drawer& draw, int twitches) {
  Block b;
  b.kind = BlockKind::burst;
  double t = 0.0;
  for (int i = 0; i < twitches; ++i) {
    if (i > 0) t = ms(t + draw.uniform(0.150, 0.300));  // fully open eye between twitches
    const double end = ms(t + draw.uniform(0.080, 0.150));
    b.parts.push_back({t, end});
    b.amplitudes.push_back(ms(draw.uniform(0.5, 1.0)));
    t = end;
  }
  draw_regions(draw, b);
  return b;
}

// Burst sizes (3-5 twitches) summing to `target`, or to the smallest total >= target.
std::vector<int> burst_sizes(Drawer& draw, int target) {
  std::vector<int> sizes;
  int remaining = target;
  while (remaining > 0) {
    int size;
    if (remaining <= 5) size = std::max(3, remaining);
    else size = draw.integer(3, std::min(5, remaining - 3));
    sizes.push_back(size);
    remaining -= size;
  }
  return sizes;
}

class Timeline {
 public:
  explicit Timeline(const ScheduleRequest& r) : r_(r) {
    clip_s_ = static_cast<double>(r.face_found.size()) / r.fps;
  }
  double clip_s() const { return clip_s_; }
  double earliest() const { return r_.baseline_s; }
  double latest_start(double length) const { return clip_s_ - r_.tail_margin_s - length; }

  bool fits(double start, double length) const {
    const double end = start + length;
    if (start < earliest() || start > latest_start(length)) return false;
    const int first = std::max(0, static_cast<int>(std::floor(start * r_.fps)));
    const int last = std::min(static_cast<int>(r_.face_found.size()) - 1,
                              static_cast<int>(std::ceil(end * r_.fps)));
    for (int k = first; k <= last; ++k)
      if (!r_.face_found[k]) return false;
    for (const auto& nb : r_.natural_blinks)
      if (start - r_.natural_clearance_s < nb.end_s && end + r_.natural_clearance_s > nb.start_s)
        return false;
    for (const auto& p : placed_)
      if (start - r_.min_gap_s < p.end_s && end + r_.min_gap_s > p.start_s) return false;
    return true;
  }
  void occupy(double start, double length) { placed_.push_back({start, start + length}); }

  // Seconds of the clip the footage's own blinks and closures rule out, their clearance included.
  double natural_blocked_s() const {
    double blocked = 0.0, covered_to = 0.0;
    for (const auto& nb : r_.natural_blinks) {  // sorted and disjoint
      const double from = std::max({0.0, covered_to, nb.start_s - r_.natural_clearance_s});
      const double to = std::min(clip_s_, nb.end_s + r_.natural_clearance_s);
      if (to > from) blocked += to - from;
      covered_to = std::max(covered_to, to);
    }
    return blocked;
  }
  double faceless_s() const {
    return static_cast<double>(std::count(r_.face_found.begin(), r_.face_found.end(), false)) / r_.fps;
  }

 private:
  const ScheduleRequest& r_;
  double clip_s_ = 0.0;
  std::vector<Interval> placed_;
};

// Random tries first (spreads items over the clip); then an exhaustive scan so that a crowded but
// feasible clip still succeeds.
std::optional<double> place(Drawer& draw, const Timeline& timeline, double length, double step) {
  const double lo = timeline.earliest(), hi = timeline.latest_start(length);
  if (hi < lo) return std::nullopt;
  for (int attempt = 0; attempt < 3000; ++attempt) {
    const double start = ms(draw.uniform(lo, hi));
    if (timeline.fits(start, length)) return start;
  }
  std::vector<double> candidates;
  for (double s = lo; s <= hi; s += step)
    if (timeline.fits(ms(s), length)) candidates.push_back(ms(s));
  if (candidates.empty()) return std::nullopt;
  return candidates[draw.integer(0, static_cast<int>(candidates.size()) - 1)];
}

}  // namespace

std::variant<Schedule, ScheduleError> make_schedule(const ScheduleRequest& request) {
  assert(request.fps > 0.0 && request.events >= 0 && request.blinks >= 0);
  Drawer draw(request.seed);

  // Mix: ~25% of events tonic, ~30% inside bursts, the rest single clonic twitches.
  const int n = request.events;
  const int tonic = static_cast<int>(std::lround(0.25 * n));
  const int in_bursts = std::min(n - tonic, static_cast<int>(std::lround(0.30 * n)));
  std::vector<Block> blocks;
  int burst_events = 0;
  for (int size : burst_sizes(draw, in_bursts)) {
    blocks.push_back(make_burst(draw, size));
    burst_events += size;
  }
  for (int i = 0; i < tonic; ++i) blocks.push_back(make_single(draw, BlockKind::tonic));
  for (int i = 0; i < n - tonic - burst_events; ++i) blocks.push_back(make_single(draw, BlockKind::single));
  for (int i = 0; i < request.blinks; ++i) blocks.push_back(make_single(draw, BlockKind::blink));

  Timeline timeline(request);
  double needed = 0.0;
  for (const auto& b : blocks) needed += b.length_s() + request.min_gap_s;
  const double usable = timeline.clip_s() - request.baseline_s - request.tail_margin_s;
  auto too_short = [&](const std::string& detail) {
    std::ostringstream os;
    os.precision(3);
    os << "clip too short for " << n << " events and " << request.blinks << " blinks: " << detail
       << " (clip " << timeline.clip_s() << " s, " << usable << " s after the " << request.baseline_s
       << " s baseline; the items alone need about " << needed
       << " s with gaps; the footage's own blinks and closures rule out " << timeline.natural_blocked_s()
       << " s, frames without a face " << timeline.faceless_s()
       << " s; use --duration, fewer --events/--blinks, or footage with more face and fewer closures)";
    return ScheduleError{os.str()};
  };
  if (needed > usable) return too_short("not enough time");

  // Longest first: they are the hardest to fit between natural blinks and face dropouts.
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const Block& a, const Block& b) { return a.length_s() > b.length_s(); });
  for (auto& b : blocks) {
    const auto start = place(draw, timeline, b.length_s(), 1.0 / request.fps);
    if (!start) return too_short("no room left between natural blinks and face-less frames");
    b.start_s = *start;
    timeline.occupy(*start, b.length_s());
  }

  std::sort(blocks.begin(), blocks.end(),
            [](const Block& a, const Block& b) { return a.start_s < b.start_s; });
  Schedule schedule;
  int next_burst = 1;
  for (const auto& b : blocks) {
    std::optional<int> burst_id;
    if (b.kind == BlockKind::burst) burst_id = next_burst++;
    for (std::size_t i = 0; i < b.parts.size(); ++i) {
      const Envelope env{ms(b.start_s + b.parts[i].start_s), ms(b.start_s + b.parts[i].end_s),
                         b.amplitudes[i]};
      if (b.kind == BlockKind::blink) {
        schedule.blinks.push_back({env});
        continue;
      }
      ScheduledEvent e;
      e.id = static_cast<int>(schedule.events.size()) + 1;
      e.envelope = env;
      e.side = request.side.value_or(b.side);
      e.eye = b.eye;
      e.mouth = b.mouth;
      e.brow = b.brow;
      e.burst_id = burst_id;
      schedule.events.push_back(e);
    }
  }
  return schedule;
}

}  // namespace hemitrack::inject
