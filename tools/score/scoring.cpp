#include "scoring.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

namespace hemitrack {
namespace {

bool overlap(double a0, double a1, double b0, double b1, double tol) { return a0 <= b1 + tol && b0 <= a1 + tol; }

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

void finish_rates(ScoreReport& r) {
  const int detected = r.true_positives + r.false_positives;
  const int truth = r.true_positives + r.false_negatives;
  r.precision = detected > 0 ? static_cast<double>(r.true_positives) / detected : (truth == 0 ? 1.0 : 0.0);
  r.recall = truth > 0 ? static_cast<double>(r.true_positives) / truth : 1.0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0.0;
  r.side_accuracy = r.true_positives > 0 ? static_cast<double>(r.side_correct) / r.true_positives : 0.0;
  r.median_onset_error_s = quantile(r.onset_errors_s, 0.5);
  r.p90_onset_error_s = quantile(r.onset_errors_s, 0.9);
}

// Pairs truth and detected events one to one, as many pairs as the overlaps allow (augmenting
// paths), each truth event trying the detections nearest its onset first. Pairing greedily by onset
// gap alone can leave a twitch of a burst unpaired: when detected onsets run a frame or two early,
// the nearest detection of one twitch is the one that belongs to its neighbour.
std::vector<std::optional<std::size_t>> match_events(const ScoreInput& in) {
  std::vector<std::vector<std::size_t>> candidates(in.truth_events.size());
  for (std::size_t t = 0; t < in.truth_events.size(); ++t) {
    const auto& a = in.truth_events[t];
    for (std::size_t d = 0; d < in.detected.size(); ++d) {
      const auto& b = in.detected[d];
      if (overlap(a.start_s, a.end_s, b.start_s, b.end_s, in.tolerance_s)) candidates[t].push_back(d);
    }
    std::sort(candidates[t].begin(), candidates[t].end(), [&](std::size_t x, std::size_t y) {
      return std::abs(a.start_s - in.detected[x].start_s) < std::abs(a.start_s - in.detected[y].start_s);
    });
  }
  std::vector<std::optional<std::size_t>> truth_of(in.detected.size());
  std::vector<bool> visited;
  const std::function<bool(std::size_t)> augment = [&](std::size_t t) {
    for (std::size_t d : candidates[t]) {
      if (visited[d]) continue;
      visited[d] = true;
      if (!truth_of[d] || augment(*truth_of[d])) {
        truth_of[d] = t;
        return true;
      }
    }
    return false;
  };
  for (std::size_t t = 0; t < in.truth_events.size(); ++t) {
    visited.assign(in.detected.size(), false);
    augment(t);
  }
  return truth_of;
}

}  // namespace

ScoreReport score_events(const ScoreInput& in) {
  ScoreReport r;
  const auto truth_of = match_events(in);
  std::vector<bool> truth_used(in.truth_events.size(), false);
  std::vector<double> onset_errors;
  for (std::size_t d = 0; d < in.detected.size(); ++d) {
    if (!truth_of[d]) continue;
    const std::size_t t = *truth_of[d];
    truth_used[t] = true;
    ++r.true_positives;
    const auto& truth = in.truth_events[t];
    const auto& found = in.detected[d];
    onset_errors.push_back(std::abs(truth.start_s - found.start_s));
    if (truth.side == found.side) ++r.side_correct;
    if (truth.kind == EventKind::tonic && found.kind == EventKind::tonic) ++r.tonic_found;
    if (truth.other_babinski && found.other_babinski) ++r.babinski_marked;
    if (!truth.other_babinski && found.other_babinski) ++r.babinski_wrongly_marked;
  }
  for (std::size_t t = 0; t < in.truth_events.size(); ++t) {
    if (in.truth_events[t].kind == EventKind::tonic) ++r.tonic_truth;
    if (in.truth_events[t].other_babinski) ++r.babinski_truth;
    if (!truth_used[t]) r.missed_truth_ids.push_back(in.truth_events[t].id);
  }
  for (std::size_t d = 0; d < in.detected.size(); ++d) {
    if (truth_of[d]) continue;
    r.false_positive_ids.push_back(in.detected[d].id);
    const auto& e = in.detected[d];
    if (std::any_of(in.truth_blinks.begin(), in.truth_blinks.end(),
                    [&](const Interval& b) { return overlap(b.start_s, b.end_s, e.start_s, e.end_s, in.tolerance_s); }))
      ++r.blinks_counted_as_events;
  }
  r.false_negatives = static_cast<int>(r.missed_truth_ids.size());
  r.false_positives = static_cast<int>(r.false_positive_ids.size());
  r.onset_errors_s = onset_errors;
  finish_rates(r);
  return r;
}

ScoreReport pool(const std::vector<ScoreReport>& reports) {
  ScoreReport p;
  for (const auto& r : reports) {
    p.true_positives += r.true_positives;
    p.false_positives += r.false_positives;
    p.false_negatives += r.false_negatives;
    p.side_correct += r.side_correct;
    p.blinks_counted_as_events += r.blinks_counted_as_events;
    p.tonic_truth += r.tonic_truth;
    p.tonic_found += r.tonic_found;
    p.babinski_truth += r.babinski_truth;
    p.babinski_marked += r.babinski_marked;
    p.babinski_wrongly_marked += r.babinski_wrongly_marked;
    p.onset_errors_s.insert(p.onset_errors_s.end(), r.onset_errors_s.begin(), r.onset_errors_s.end());
  }
  finish_rates(p);
  return p;
}

}  // namespace hemitrack
