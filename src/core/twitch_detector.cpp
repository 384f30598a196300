#include "core/twitch_detector.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace hemitrack {
namespace {

constexpr std::array<Region, kRegionCount> kRegions = {Region::eye, Region::mouth, Region::brow};
// Share of the resting window's frames that must be valid for a resting level to exist. A turned
// head whose per-side fits disagree on every other frame still leaves enough to take a median of.
constexpr double kMinRestingShare = 0.4;

std::size_t machine_index(Side side, Region region) {
  return static_cast<std::size_t>(index_of(side)) * kRegionCount + static_cast<std::size_t>(region);
}

// Median of values that may be reordered; 0 for none.
double median_of(std::vector<double>& values) {
  if (values.empty()) return 0.0;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

bool overlaps(double a0, double a1, double b0, double b1, double slack) {
  return a0 <= b1 + slack && b0 <= a1 + slack;
}

}  // namespace

TwitchDetector::TwitchDetector(DetectorConfig config) : config_(config) {
  assert(config_.validate().empty());
}

const TwitchDetector::Sample& TwitchDetector::at(std::int64_t i) const {
  assert(i >= history_base_ && i < history_base_ + static_cast<std::int64_t>(history_.size()));
  return history_[static_cast<std::size_t>(i - history_base_)];
}

double TwitchDetector::value(std::int64_t i, Side side, Region region) const {
  const Sample& s = at(i);
  const auto k = static_cast<std::size_t>(index_of(side));
  switch (region) {
    case Region::eye: return s.closure[k];
    case Region::mouth: return s.mouth[k];
    case Region::brow: return std::abs(s.brow[k]);  // a brow episode is movement either way
  }
  return 0.0;
}

double TwitchDetector::on_threshold(Region r, const Sample& s) const {
  const double spread = s.spread[static_cast<std::size_t>(r)];
  const double multiple = r == Region::eye     ? config_.eye_noise_multiple
                          : r == Region::mouth ? config_.mouth_noise_multiple
                                               : config_.brow_noise_multiple;
  return std::max(fixed_on(r), multiple * spread);
}

double TwitchDetector::fixed_on(Region r) const {
  return r == Region::eye ? config_.eye_on : r == Region::mouth ? config_.mouth_on : config_.brow_on;
}

double TwitchDetector::fixed_off(Region r) const {
  return r == Region::eye ? config_.eye_off : r == Region::mouth ? config_.mouth_off : config_.brow_off;
}

// A signal still above the on-threshold has not released, however far below its peak: a held
// closure that reads shallower mid-way stays one episode.
double TwitchDetector::off_threshold(Region r, double peak) const {
  return std::max(fixed_off(r), std::min(config_.release_fraction * peak, fixed_on(r)));
}

void TwitchDetector::push(const FrameSignals& s) {
  assert(history_.empty() || s.time_s >= history_.back().time_s);
  history_.push_back({s.time_s, s.valid, s.settled, s.closure, s.mouth, s.brow, s.spread});
  const std::int64_t i = history_base_ + static_cast<std::int64_t>(history_.size()) - 1;
  update_machines(i);
  classify_ready(false);
  prune_history();
}

void TwitchDetector::finish() {
  for (auto& m : machines_)
    if (m.active) close(m, m.last_valid);
  classify_ready(true);
}

std::vector<TwitchEvent> TwitchDetector::take_events() { return std::exchange(events_, {}); }
std::vector<Blink> TwitchDetector::take_blinks() { return std::exchange(blinks_, {}); }

void TwitchDetector::close(Machine& m, std::int64_t last) {
  m.active = false;
  m.episode.last = std::max(m.episode.first, last);
  if (m.episode.apex > m.episode.last) m.episode.apex = m.episode.last;
  pending_.push_back(m.episode);
}

// How far an open episode's signal stands above where it is measured from. While the corners are
// held away from their baselines (held_level), what the other corner rose by since is taken off:
// speech ending lifts both corners back to their baselines, which is no one-sided pull.
double TwitchDetector::height_of(const Episode& e, std::int64_t i) const {
  const double own = value(i, e.side, e.region) - e.base;
  if (e.base == 0.0) return own;
  return own - std::max(0.0, value(i, other(e.side), e.region) - e.partner_base);
}

void TwitchDetector::update_machines(std::int64_t i) {
  const Sample& s = at(i);
  for (Side side : kBothSides) {
    for (Region region : kRegions) {
      Machine& m = machines_[machine_index(side, region)];
      if (!s.valid) {
        // A brief dropout (a fast nod, one badly tracked frame) is bridged; a longer loss of the
        // face ends what was going on at the last valid frame rather than stretching it.
        if (m.active && s.time_s - at(m.last_valid).time_s > config_.bridge_gap_s) close(m, m.last_valid);
        continue;
      }
      const double v = value(i, side, region);
      const auto released = [&] {
        const Episode& e = m.episode;
        return height_of(e, i) - e.rest < off_threshold(region, e.peak - e.base - e.rest);
      };
      if (m.active && i - m.last_valid > 1 && released()) close(m, m.last_valid);
      if (!m.active) {
        const double base = held_level(i, side, region);
        if (s.settled && (v - base >= on_threshold(region, s) || supported_by_brow(i, side, region, v))) {
          m.active = true;
          m.below_since = -1;
          m.last_valid = i;
          const double partner_base =
              base != 0.0 ? resting_level(i, other(side), region, config_.speech_rest_window_s) : 0.0;
          // A mouth corner resting a little raised (a faint smile) releases when it comes back
          // there: measured from its baseline, it stayed up between the pulls of a burst.
          const double rest = region == Region::mouth && base == 0.0 ? std::max(0.0, resting_level(i, side, region)) : 0.0;
          m.episode = {side, region, i, i, i, v, base, partner_base, rest};
        }
        continue;
      }
      m.last_valid = i;
      if (v > m.episode.peak) {
        m.episode.peak = v;
        m.episode.apex = i;
      }
      // One noisy sample below the release level must not split a sustained contraction.
      if (!released()) m.below_since = -1;
      else if (m.below_since < 0) m.below_since = i;
      if (m.below_since >= 0 && i - m.below_since + 1 >= config_.release_samples) close(m, m.below_since - 1);
      else if (s.time_s - at(m.episode.first).time_s > config_.max_episode_s) close(m, i);
    }
  }
}

// Groups pending episodes that overlap in time (across sides and regions) and classifies each
// group once it has ended, settled, and no open episode could still join it.
void TwitchDetector::classify_ready(bool flush) {
  if (pending_.empty() || history_.empty()) return;
  std::sort(pending_.begin(), pending_.end(), [](const Episode& a, const Episode& b) { return a.first < b.first; });
  const double now = history_.back().time_s;
  const double slack = config_.apex_match_s;
  double earliest_open = std::numeric_limits<double>::infinity();
  for (const auto& m : machines_)
    if (m.active) earliest_open = std::min(earliest_open, at(m.episode.first).time_s);

  std::vector<Episode> remaining;
  std::size_t i = 0;
  while (i < pending_.size()) {
    std::vector<Episode> cluster{pending_[i]};
    double end = at(pending_[i].last).time_s;
    std::size_t j = i + 1;
    while (j < pending_.size() && at(pending_[j].first).time_s <= end + slack) {
      end = std::max(end, at(pending_[j].last).time_s);
      cluster.push_back(pending_[j++]);
    }
    const bool ready = flush || (now >= end + config_.settle_s && earliest_open > end + slack);
    if (ready) classify(cluster);
    else remaining.insert(remaining.end(), pending_.begin() + static_cast<std::ptrdiff_t>(i),
                          pending_.begin() + static_cast<std::ptrdiff_t>(j));
    i = j;
  }
  pending_ = std::move(remaining);
}

double TwitchDetector::max_over(std::int64_t first, std::int64_t last, Side side, Region region, bool signed_value) const {
  double best = 0.0;
  bool any = false;
  for (std::int64_t k = first; k <= last; ++k) {
    if (!at(k).valid) continue;
    const double v = signed_value && region == Region::brow ? at(k).brow[static_cast<std::size_t>(index_of(side))]
                                                            : value(k, side, region);
    if (!any || v > best) best = v;
    any = true;
  }
  return best;
}

double TwitchDetector::median_over(std::int64_t first, std::int64_t last, Side side, Region region) const {
  std::vector<double> values;
  for (std::int64_t k = first; k <= last; ++k)
    if (at(k).valid) values.push_back(value(k, side, region));
  return median_of(values);
}

// The first and last samples within `seconds` of sample i.
std::pair<std::int64_t, std::int64_t> TwitchDetector::samples_within(std::int64_t i, double seconds) const {
  const std::int64_t hi = history_base_ + static_cast<std::int64_t>(history_.size()) - 1;
  const double t = at(i).time_s;
  std::int64_t first = i, last = i;
  while (first > history_base_ && at(first - 1).time_s >= t - seconds) --first;
  while (last < hi && at(last + 1).time_s <= t + seconds) ++last;
  return {first, last};
}

// The other eye around an eye episode's contraction proper, a sample either side (see
// partner_took_part): its deepest closure, and how far that rose above where it rested.
TwitchDetector::PartnerEye TwitchDetector::partner_eye(const Episode& e) const {
  const auto [a, b] = samples_within(e.apex, config_.apex_match_s);
  const auto [core_first, core_last] = core_of(e);
  const Side partner = other(e.side);
  const double peak = max_over(std::max(a, core_first - 1), std::min(b, core_last + 1), partner, Region::eye, false);
  return {peak, peak - std::max(0.0, resting_level(e.first, partner, Region::eye))};
}

// The other eye rose by a closure of its own with this one.
bool TwitchDetector::closed_fully(const PartnerEye& partner, const Episode& e) const {
  return partner.rise >= on_threshold(Region::eye, at(e.first));
}

// Did the other side move with this episode? For the eyes, left and right are matched by the time
// of their apex, and over a long closure they must stay closed together (a blink inside a long
// one-sided spasm does not turn the spasm into a blink). Mouth and brow: any comparable movement.
bool TwitchDetector::partner_took_part(const Episode& e) const {
  const Side partner = other(e.side);
  auto [a, b] = samples_within(e.apex, config_.apex_match_s);
  const double f = config_.partner_fraction;
  if (e.region != Region::eye) {
    // Either direction counts: the partner moving the opposite way is the signature of a tilted
    // eye line (a misfit rolls one corner up and the other down), not of a one-sided pull. Read
    // over the contraction proper, not the episode's relaxing tail: speech that starts as a pull
    // relaxes drops both corners, after the pull.
    const auto [core_first, core_last] = core_of(e);
    a = std::min(a, core_first);
    b = std::max(b, core_last);
    // The mouth is measured against where both corners rested just before: speech shifts both
    // corners at once, unequally, and a partner that moved half as far from its own resting place
    // took part even when it ends up near its baseline. A pull while speech or a smile holds the
    // corners away from their baselines is measured from where both corners had been over the
    // last fraction of a second (held_level). A corner that moved less than half as far took
    // part when it moved in step: speech lifts both corners together, unequally.
    const bool from_rest = e.region == Region::mouth;
    const bool held = e.base != 0.0;
    const double partner_rest = held        ? e.partner_base
                                : from_rest ? resting_level(e.first, partner, e.region)
                                            : 0.0;
    const double own = held        ? e.peak - e.base
                       : from_rest ? e.peak - resting_level(e.first, e.side, e.region)
                                   : e.peak;
    double largest = 0.0;
    const auto k = static_cast<std::size_t>(index_of(partner));
    for (std::int64_t i = a; i <= b; ++i) {
      if (!at(i).valid) continue;
      const double v = e.region == Region::mouth ? at(i).mouth[k] : at(i).brow[k];
      largest = std::max(largest, std::abs(v - partner_rest));
    }
    return largest >= f * own ||
           (e.region == Region::mouth && largest >= config_.mouth_in_step_fraction * own &&
            side_correlation(a, b, Region::mouth) >= config_.mouth_in_step);
  }
  // The partner closed with it when it rose by a clear closure of its own around the contraction,
  // reached half this side's depth at its apex, or reached a smaller part of it in step with this
  // side, rising from where it rested (blinks are often unequal: a small or poorly lit eye reads
  // shallower than its partner). In step is what tells a shallow partner from the noise of the
  // other eye's fit, which at a shallow one-sided closure reaches half its depth by chance. The
  // partner is read around the contraction proper, a sample either side: the lids of a blink
  // close together, while the other eye narrowing once this one has reopened (a squint just after
  // a twitch) is an act of its own. Its half depth is read at the apex, within partner_apex_s: a
  // blink's lids are deepest together (over all clips, the other eye of every blink decided by
  // this read at least 0.52 of the depth there), while the fit noise of the other eye reaches half
  // the depth on some frame of a longer twitch. The shallow, in-step partner counts only for a
  // closure held no longer than a blink holds its lids (blink_hold_s).
  const auto [core_first, core_last] = core_of(e);
  const PartnerEye other_eye = partner_eye(e);
  const auto [partner_peak, partner_rise] = other_eye;
  const auto [near_first, near_last] = samples_within(e.apex, config_.partner_apex_s);
  const double partner_at_apex = max_over(near_first, near_last, partner, Region::eye, false);
  const bool closed_with_it =
      closed_fully(other_eye, e) || partner_at_apex >= config_.blink_partner_depth * e.peak ||
      (partner_peak >= config_.blink_shallow_depth * e.peak && partner_rise >= config_.blink_shallow_rise * on_threshold(Region::eye, at(e.first)) &&
       side_correlation(std::min(a, e.first), std::max(b, e.last), Region::eye) >= config_.blink_in_step &&
       at(core_last).time_s - at(core_first).time_s < config_.blink_hold_s);
  if (!closed_with_it) return false;
  // Judged over the contraction proper: an episode can open on a raised level long before it.
  if (at(core_last).time_s - at(core_first).time_s < config_.long_closure_s) return true;
  // A long closure: the partner must stay closed along with it, or it was a blink inside a spasm
  // (or the other eye's noise near the apex).
  return median_over(core_first, core_last, partner, Region::eye) >=
         f * median_over(core_first, core_last, e.side, Region::eye);
}

// Pearson correlation of the two sides' signals in a region over valid samples in [first, last];
// 0 when either is flat or fewer than three samples are valid.
double TwitchDetector::side_correlation(std::int64_t first, std::int64_t last, Region region) const {
  double n = 0, sr = 0, sl = 0, srr = 0, sll = 0, srl = 0;
  for (std::int64_t k = first; k <= last; ++k) {
    const Sample& s = at(k);
    if (!s.valid) continue;
    const double r = value(k, Side::right, region), l = value(k, Side::left, region);
    n += 1;
    sr += r;
    sl += l;
    srr += r * r;
    sll += l * l;
    srl += r * l;
  }
  if (n < 3) return 0.0;
  const double var_r = srr - sr * sr / n, var_l = sll - sl * sl / n;
  if (var_r <= 1e-12 || var_l <= 1e-12) return 0.0;
  return (srl - sr * sl / n) / std::sqrt(var_r * var_l);
}

double TwitchDetector::floor_of(Region r) const {
  return 0.5 * fixed_off(r);
}

// The contraction proper: from the apex outwards while the signal stays above half its rise over
// the resting level (a single sample below is tolerated). An episode can open on noise well
// before the twitch when the lid already rests near the threshold; timing is taken from here.
// A sag that rises past half again is bridged while it stays where the episode did not release
// (off_threshold, a lone sample below it tolerated as there): held closures read shallower mid-way
// (the lid landmarks spread back open), and a single frame's peak as the lid shuts sets half so
// high that the held reading dips under it, yet the lid stayed shut (docs/accuracy.md).
std::pair<std::int64_t, std::int64_t> TwitchDetector::core_of(const Episode& e) const {
  const double rest = rise_reference(e);
  const double half = rest + 0.5 * (e.peak - rest);
  const double released_below = e.base + e.rest + off_threshold(e.region, e.peak - e.base - e.rest);
  const double held_level = std::min(half, released_below);
  const auto above = [&](std::int64_t k) { return at(k).valid && value(k, e.side, e.region) >= half; };
  const auto held = [&](std::int64_t k) { return !at(k).valid || value(k, e.side, e.region) >= held_level; };
  // Walks from `from` in `step` direction (+1 or -1) while the contraction lasts, up to `bound`.
  const auto extend = [&](std::int64_t from, std::int64_t step, std::int64_t bound) {
    const auto inside = [&](std::int64_t k) { return step > 0 ? k <= bound : k >= bound; };
    std::int64_t end = from;
    for (;;) {
      if (inside(end + step) && above(end + step)) {
        end += step;
      } else if (inside(end + 2 * step) && above(end + 2 * step)) {
        end += 2 * step;
      } else {
        std::int64_t k = end + step;
        while (inside(k) && !above(k) && (held(k) || (inside(k + step) && held(k + step)))) k += step;
        if (!inside(k) || !above(k)) return end;
        end = k;
      }
    }
  };
  return {extend(e.apex, -1, e.first), extend(e.apex, +1, e.last)};
}

// Onset: trace back from the start of the contraction along its rising edge while it stays above
// the noise floor. The true onset lies between the foot of the edge and the first sample on it.
double TwitchDetector::foot_before(std::int64_t from, const Episode& e) const {
  const Side side = e.side;
  const Region region = e.region;
  std::int64_t k = from;
  const double limit = at(from).time_s - config_.max_walk_back_s;
  const double floor = e.base + floor_of(region);
  while (k > history_base_ && at(k - 1).valid && at(k - 1).time_s >= limit &&
         value(k - 1, side, region) < value(k, side, region) && value(k - 1, side, region) > floor)
    --k;
  if (k == history_base_ || !at(k - 1).valid) return at(k).time_s;
  return (at(k - 1).time_s + at(k).time_s) / 2.0;
}

double TwitchDetector::foot_after(std::int64_t from, const Episode& e) const {
  const Side side = e.side;
  const Region region = e.region;
  const std::int64_t hi = history_base_ + static_cast<std::int64_t>(history_.size()) - 1;
  std::int64_t k = from;
  const double limit = at(from).time_s + config_.max_walk_back_s;
  const double floor = e.base + floor_of(region);
  while (k < hi && at(k + 1).valid && at(k + 1).time_s <= limit &&
         value(k + 1, side, region) < value(k, side, region) && value(k + 1, side, region) > floor)
    ++k;
  if (k == hi || !at(k + 1).valid) return at(k).time_s;
  return (at(k).time_s + at(k + 1).time_s) / 2.0;
}

// Where a signal rested just before a sample: the median over DetectorConfig::rest_window_s
// (signed for the brow). 0 when nothing valid came before. An eye's own one-sided contractions in
// that time (a burst's earlier twitches, the end of a tonic spasm) are left out while anything
// else is left: the lid was not resting then, and a twitch right after one would be measured
// from it. Blinks stay in: measured from before a blink, the lid settling after it read as a
// twitch on real footage. Only the eye's: on the mouth, leaving out earlier pulls let a talking,
// smiling face's unequal corners through as pulls (docs/accuracy.md).
double TwitchDetector::resting_level(std::int64_t first, Side side, Region region) const {
  return resting_level(first, side, region, config_.rest_window_s);
}

double TwitchDetector::resting_level(std::int64_t first, Side side, Region region, double window_s) const {
  const double from = at(first).time_s - window_s;
  const auto k = static_cast<std::size_t>(index_of(side));
  const auto& past = contractions_[machine_index(side, region)];
  const auto in_contraction = [&](std::int64_t i) {
    return std::any_of(past.begin(), past.end(), [&](const auto& span) { return i >= span.first && i <= span.second; });
  };
  std::vector<double> resting, contracting;
  for (std::int64_t i = first - 1; i >= history_base_ && at(i).time_s >= from; --i) {
    if (!at(i).valid) continue;
    const double v = region == Region::brow ? at(i).brow[k] : value(i, side, region);
    (in_contraction(i) ? contracting : resting).push_back(v);
  }
  return resting.empty() ? median_of(contracting) : median_of(resting);
}

// How far the signal rose above where it had been resting just before. An episode that merely
// pokes over the threshold from an already raised level (a slow squint, drift the baseline has
// not yet followed) is not a contraction. Right after the face was lost or moved fast there is no
// resting level to rise from (and a head that just turned reads its eyes unequally): no rise.
double TwitchDetector::prominence(const Episode& e) const {
  const double from = at(e.first).time_s - config_.rest_window_s;
  int valid = 0, all = 0;
  for (std::int64_t i = e.first - 1; i >= history_base_ && at(i).time_s >= from; --i, ++all) valid += at(i).valid ? 1 : 0;
  if (all == 0 || valid < kMinRestingShare * all) return 0.0;
  return e.peak - rise_reference(e);
}

// The level a rise is measured from: where the signal rested before the episode (never below the
// baseline), or where a mouth corner held away from its baseline had just been (held_level). A
// lid that settled lower over the last fraction of a second rises from there: when both eyes
// narrow in a laugh or squint and reopen, the median over the last second still holds the squint,
// and a twitch right after it read as a small rise. Only on footage tracked throughout those frames: on a head
// turning through dropped frames the few left are no resting level.
double TwitchDetector::rise_reference(const Episode& e) const {
  if (e.base != 0.0) return e.base;
  double rest = resting_level(e.first, e.side, e.region);
  if (e.region == Region::eye && tracked_over(samples_within(e.first, config_.recent_rest_window_s).first, e.first))
    rest = std::min(rest, resting_level(e.first, e.side, e.region, config_.recent_rest_window_s));
  return std::max(0.0, rest);
}

// Speech holds the mouth corners lowered and moves them within a fraction of a second; a
// one-sided pull then lifts a corner from where it was, without reaching its baseline. A smile
// holds them raised, and a pull lifts one further from there. When a corner has been held away
// from its baseline by more than the mouth threshold over the last speech_rest_window_s, that is
// where its rise is measured from; otherwise from the baseline (0).
double TwitchDetector::held_level(std::int64_t i, Side side, Region region) const {
  if (region != Region::mouth) return 0.0;
  const double level = resting_level(i, side, region, config_.speech_rest_window_s);
  return std::abs(level) >= on_threshold(region, at(i)) ? level : 0.0;
}

// A contraction rose clearly above where the signal rested, or stayed above it, less high, for
// longer than any blink: a tonic spasm can read shallow on a small or bespectacled face (the lid
// points follow it part of the way), while noise does not stay up for a second. No resting level
// (the face just came back) means no contraction either way.
bool TwitchDetector::contracted(const Episode& e) const {
  const double on = on_threshold(e.region, at(e.first));
  const double rise = prominence(e);
  if (rise >= on) return true;
  if (rise <= 0.0) return false;
  if (e.region == Region::eye && rise >= config_.brow_supported_fraction * on && tracked_throughout(e) &&
      brow_rise_with(e) > 0.0)
    return true;
  const auto [core_first, core_last] = core_of(e);
  if (at(core_last).time_s - at(core_first).time_s < config_.tonic_min_s) return false;
  return median_over(core_first, core_last, e.side, e.region) - rise_reference(e) >= config_.held_fraction * on;
}

// The brow on the closing eye's side rising while the other brow stays put: returns the rise above
// its resting level, or 0. Judged inside a one-sided eye closure, where a modest rise is already
// telling: the eyelid alone moves the decoupled brow estimate far less than this.
double TwitchDetector::brow_rise_with(const Episode& eye) const {
  return lone_brow_rise(eye.first, eye.last, eye.side);
}

// The largest rise of `side`'s brow over samples [first, last] above where it rested before
// `first`, when it reaches the Babinski rise and the other brow moved less than half as far; else 0.
double TwitchDetector::lone_brow_rise(std::int64_t first, std::int64_t last, Side side) const {
  const std::array<double, 2> resting = {resting_level(first, Side::right, Region::brow),
                                         resting_level(first, Side::left, Region::brow)};
  const auto same = static_cast<std::size_t>(index_of(side));
  const auto partner = 1 - same;
  double rise = 0.0, partner_move = 0.0;
  for (std::int64_t k = first; k <= last; ++k) {
    if (!at(k).valid) continue;
    rise = std::max(rise, at(k).brow[same] - resting[same]);
    partner_move = std::max(partner_move, std::abs(at(k).brow[partner] - resting[partner]));
  }
  const double needed = std::max(config_.babinski_brow_rise,
                                 config_.brow_noise_multiple * at(first).spread[static_cast<std::size_t>(Region::brow)]);
  return rise >= needed && partner_move < config_.partner_fraction * rise ? rise : 0.0;
}

// Every sample valid from the start of the resting window before the episode to its end: weaker
// evidence is taken only from steady footage, not from a head turning through dropped frames.
bool TwitchDetector::tracked_throughout(const Episode& e) const {
  return tracked_over(samples_within(e.first, config_.rest_window_s).first, e.last);
}

// Every sample in [first, last] valid.
bool TwitchDetector::tracked_over(std::int64_t first, std::int64_t last) const {
  for (std::int64_t k = first; k <= last; ++k)
    if (!at(k).valid) return false;
  return true;
}

// A lid closing part of the way while the brow on its side alone rises (the "other Babinski
// sign") opens an eye episode below the eye threshold: the two together are a one-sided
// contraction that neither shows in full on a face whose lid points follow the closure only part
// of the way (glasses, a small face).
bool TwitchDetector::supported_by_brow(std::int64_t i, Side side, Region region, double v) const {
  return region == Region::eye && v >= config_.brow_supported_fraction * on_threshold(region, at(i)) &&
         lone_brow_rise(i, i, side) > 0.0;
}

void TwitchDetector::classify(const std::vector<Episode>& cluster) {
  std::vector<Component> one_sided;
  std::vector<Blink> cluster_blinks;
  // A blink does not pull one mouth corner: an eye closure whose other eye only partly followed it
  // is one-sided when the mouth corner on its side alone pulled with it, starting together.
  std::vector<const Episode*> lone_mouths;
  for (const Episode& e : cluster)
    if (e.region == Region::mouth && contracted(e) && !partner_took_part(e)) lone_mouths.push_back(&e);
  const auto pulled_with_mouth = [&](const Episode& eye) {
    return std::any_of(lone_mouths.begin(), lone_mouths.end(), [&](const Episode* m) {
      return m->side == eye.side && std::abs(at(m->first).time_s - at(eye.first).time_s) <= config_.apex_match_s;
    });
  };
  // In order of onset: an eye's earlier one-sided contraction in this cluster is no resting level
  // for a later one.
  for (const Episode& e : cluster) {
    if (!contracted(e)) continue;
    const bool shared = partner_took_part(e) &&
                        !(e.region == Region::eye && !closed_fully(partner_eye(e), e) && pulled_with_mouth(e));
    if (e.region == Region::eye && !shared) contractions_[machine_index(e.side, e.region)].emplace_back(e.first, e.last);
    const auto [core_first, core_last] = core_of(e);
    const Component c{e, foot_before(core_first, e), foot_after(core_last, e)};
    if (!shared) {
      one_sided.push_back(c);
      continue;
    }
    if (e.region != Region::eye) continue;  // bilateral expression or speech: neither event nor blink
    if (c.end_s - c.start_s > config_.max_blink_s) continue;  // eyes resting shut: not a blink either
    Blink blink{c.start_s, c.end_s, max_over(e.first, e.last, Side::right, Region::eye, false),
                max_over(e.first, e.last, Side::left, Region::eye, false)};
    auto same = std::find_if(cluster_blinks.begin(), cluster_blinks.end(), [&](const Blink& b) {
      return overlaps(b.start_s, b.end_s, blink.start_s, blink.end_s, 0.0);
    });
    if (same == cluster_blinks.end()) {
      cluster_blinks.push_back(blink);
    } else {
      same->start_s = std::min(same->start_s, blink.start_s);
      same->end_s = std::max(same->end_s, blink.end_s);
      same->peak_closure_right = std::max(same->peak_closure_right, blink.peak_closure_right);
      same->peak_closure_left = std::max(same->peak_closure_left, blink.peak_closure_left);
    }
  }
  blinks_.insert(blinks_.end(), cluster_blinks.begin(), cluster_blinks.end());

  // The shape model couples a half-face's features: both lids closing in a blink drag one mouth
  // corner or brow estimate along. Mouth or brow movement during a blink is that artefact, unless
  // it lasts longer than any blink: the artefact lasts only as long as the lids move, while a
  // tonic pull that happens to begin with a blink (or a long bilateral squint) goes on after it.
  std::erase_if(one_sided, [&](const Component& c) {
    return c.episode.region != Region::eye && c.end_s - c.start_s <= config_.max_blink_s &&
           std::any_of(cluster_blinks.begin(), cluster_blinks.end(), [&](const Blink& b) {
             return overlaps(b.start_s, b.end_s, c.start_s, c.end_s, 0.0);
           });
  });

  // Eye episodes anchor events; same-side mouth and brow episodes that overlap them add regions.
  std::vector<bool> used(one_sided.size(), false);
  std::vector<TwitchEvent> made;
  const double slack = config_.apex_match_s;
  const auto make_event = [&](const Component& anchor) {
    TwitchEvent ev;
    ev.side = anchor.episode.side;
    ev.start_s = anchor.start_s;
    ev.end_s = anchor.end_s;
    return ev;
  };
  const auto add_region = [&](TwitchEvent& ev, const Component& c) {
    const Episode& e = c.episode;
    if (!ev.involves(e.region)) ev.regions.push_back(e.region);
    if (e.region == Region::eye) ev.peak_closure = std::max(ev.peak_closure, e.peak);
    if (e.region == Region::mouth) ev.peak_mouth = std::max(ev.peak_mouth, e.peak);
    if (e.region == Region::brow) {
      const double raised = max_over(e.first, e.last, e.side, Region::brow, true);
      ev.peak_brow = raised >= e.peak ? raised : -e.peak;
    }
  };
  for (std::size_t a = 0; a < one_sided.size(); ++a) {
    if (one_sided[a].episode.region != Region::eye) continue;
    used[a] = true;
    TwitchEvent ev = make_event(one_sided[a]);
    add_region(ev, one_sided[a]);
    for (std::size_t b = 0; b < one_sided.size(); ++b) {
      const Component& c = one_sided[b];
      if (c.episode.region == Region::eye || c.episode.side != ev.side) continue;
      if (!overlaps(ev.start_s, ev.end_s, c.start_s, c.end_s, 0.0)) continue;
      used[b] = true;
      add_region(ev, c);
    }
    if (const double rise = brow_rise_with(one_sided[a].episode); rise > 0.0) {
      ev.other_babinski = true;
      if (!ev.involves(Region::brow)) ev.regions.push_back(Region::brow);
      ev.peak_brow = std::max(ev.peak_brow, rise);
    }
    made.push_back(std::move(ev));
  }
  // Mouth or brow movements without a one-sided eye closure: one event per overlapping run.
  for (std::size_t a = 0; a < one_sided.size(); ++a) {
    if (used[a]) continue;
    used[a] = true;
    TwitchEvent ev = make_event(one_sided[a]);
    add_region(ev, one_sided[a]);
    for (std::size_t b = a + 1; b < one_sided.size(); ++b) {
      const Component& c = one_sided[b];
      if (used[b] || c.episode.side != ev.side || !overlaps(ev.start_s, ev.end_s, c.start_s, c.end_s, slack)) continue;
      used[b] = true;
      add_region(ev, c);
      ev.start_s = std::min(ev.start_s, c.start_s);
      ev.end_s = std::max(ev.end_s, c.end_s);
    }
    // A brow moving on its own is rare in hemifacial spasm and common in expression: it must be a
    // clearly larger movement than what qualifies it as a region of an eye or mouth event.
    const bool brow_only = ev.regions == std::vector<Region>{Region::brow};
    if (brow_only && std::abs(ev.peak_brow) < config_.brow_alone_factor *
                                                  on_threshold(Region::brow, at(one_sided[a].episode.first)))
      continue;
    made.push_back(std::move(ev));
  }

  std::sort(made.begin(), made.end(), [](const TwitchEvent& a, const TwitchEvent& b) { return a.start_s < b.start_s; });
  for (TwitchEvent& ev : made) {
    std::sort(ev.regions.begin(), ev.regions.end());
    ev.kind = ev.duration_s() >= config_.tonic_min_s ? EventKind::tonic : EventKind::clonic;
    // The "other Babinski sign": the brow on the closing eye's side rises (not merely moves).
    ev.other_babinski = ev.other_babinski || (ev.involves(Region::eye) && ev.involves(Region::brow) && ev.peak_brow >= config_.brow_on);
    ev.id = next_id_++;
    events_.push_back(std::move(ev));
  }
}

void TwitchDetector::prune_history() {
  // Keep what open and pending episodes, onset tracing and apex matching may still read.
  std::int64_t keep_from = history_base_ + static_cast<std::int64_t>(history_.size()) - 1;
  for (const auto& m : machines_)
    if (m.active) keep_from = std::min(keep_from, m.episode.first);
  for (const auto& e : pending_) keep_from = std::min(keep_from, e.first);
  const double look_back = std::max(config_.max_walk_back_s + config_.apex_match_s, config_.rest_window_s);
  const double keep_time = at(keep_from).time_s - look_back - 0.05;
  while (history_.size() > 1 && history_.front().time_s < keep_time) {
    history_.pop_front();
    ++history_base_;
  }
  for (auto& spans : contractions_)
    while (!spans.empty() && spans.front().second < history_base_) spans.pop_front();
}

}  // namespace hemitrack
