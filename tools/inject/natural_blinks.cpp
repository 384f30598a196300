#include "natural_blinks.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hemitrack::inject {
namespace {

// Window of the running median: long against a blink (~0.3 s), short against posture changes.
constexpr double kMedianHalfWindowS = 1.5;
// A frame is the core of a blink when both eyes are below this share of their median...
constexpr double kCoreRatio = 0.82;
// ...and at least one a little deeper. Deliberately generous: a partial blink that is missed
// here could end up right next to an injected item; one listed too many only costs room.
constexpr double kDeepRatio = 0.78;
// The blink extends to the neighbouring frames while both eyes are still below this share.
constexpr double kEdgeRatio = 0.90;

double median_of(std::vector<double>& values) {
  assert(!values.empty());
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

}  // namespace

std::vector<Interval> find_natural_blinks(const std::vector<std::optional<EyeOpenness>>& per_frame,
                                          double fps) {
  assert(fps > 0.0);
  const int n = static_cast<int>(per_frame.size());
  const int half = std::max(1, static_cast<int>(std::lround(kMedianHalfWindowS * fps)));

  // ratio[k] = (right, left) EAR over their running medians; negative where unknown.
  std::vector<std::pair<double, double>> ratio(n, {-1.0, -1.0});
  std::vector<double> rights, lefts;
  for (int k = 0; k < n; ++k) {
    if (!per_frame[k]) continue;
    rights.clear();
    lefts.clear();
    for (int j = std::max(0, k - half); j <= std::min(n - 1, k + half); ++j) {
      if (!per_frame[j]) continue;
      rights.push_back(per_frame[j]->right_ear);
      lefts.push_back(per_frame[j]->left_ear);
    }
    const double mr = median_of(rights), ml = median_of(lefts);
    if (mr <= 0.0 || ml <= 0.0) continue;
    ratio[k] = {per_frame[k]->right_ear / mr, per_frame[k]->left_ear / ml};
  }

  auto both_below = [&](int k, double r) {
    return ratio[k].first >= 0.0 && ratio[k].first < r && ratio[k].second < r;
  };

  std::vector<Interval> blinks;
  int k = 0;
  while (k < n) {
    const bool core = both_below(k, kCoreRatio) &&
                      std::min(ratio[k].first, ratio[k].second) < kDeepRatio;
    if (!core) {
      ++k;
      continue;
    }
    int first = k, last = k;
    while (first > 0 && both_below(first - 1, kEdgeRatio)) --first;
    while (last + 1 < n && both_below(last + 1, kEdgeRatio)) ++last;
    // The eye starts closing somewhere between the last open frame and the first dipped one.
    const Interval found{(first - 0.5) / fps, (last + 0.5) / fps};
    if (!blinks.empty() && found.start_s - blinks.back().end_s < 0.1) {
      blinks.back().end_s = std::max(blinks.back().end_s, found.end_s);
    } else {
      blinks.push_back(found);
    }
    k = last + 1;
  }
  for (auto& b : blinks) b.start_s = std::max(0.0, b.start_s);
  return blinks;
}

}  // namespace hemitrack::inject
