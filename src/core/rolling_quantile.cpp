#include "core/rolling_quantile.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hemitrack {

RollingQuantile::RollingQuantile(double window_s, double q) : window_s_(window_s), q_(q) {
  assert(window_s > 0.0 && q >= 0.0 && q <= 1.0);
}

void RollingQuantile::add(double time_s, double value) {
  assert(samples_.empty() || time_s >= samples_.back().first);
  samples_.emplace_back(time_s, value);
  while (!samples_.empty() && samples_.front().first < time_s - window_s_) samples_.pop_front();
  dirty_ = true;
}

double RollingQuantile::value() const {
  assert(!samples_.empty());
  if (!dirty_) return cached_;
  scratch_.clear();
  for (const auto& s : samples_) scratch_.push_back(s.second);
  const auto k = static_cast<std::size_t>(std::lround(q_ * static_cast<double>(scratch_.size() - 1)));
  std::nth_element(scratch_.begin(), scratch_.begin() + static_cast<std::ptrdiff_t>(k), scratch_.end());
  cached_ = scratch_[k];
  dirty_ = false;
  return cached_;
}

}  // namespace hemitrack
