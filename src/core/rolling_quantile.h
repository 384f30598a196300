#pragma once
// A quantile of the samples seen in the last `window_s` seconds.
#include <deque>
#include <utility>
#include <vector>

namespace hemitrack {

class RollingQuantile {
 public:
  // Requires: window_s > 0, 0 <= q <= 1.
  RollingQuantile(double window_s, double q);

  // Requires: time_s does not decrease between calls.
  void add(double time_s, double value);
  bool empty() const { return samples_.empty(); }
  std::size_t size() const { return samples_.size(); }
  // Requires: !empty().
  double value() const;

 private:
  double window_s_;
  double q_;
  std::deque<std::pair<double, double>> samples_;
  mutable std::vector<double> scratch_;
  mutable double cached_ = 0.0;
  mutable bool dirty_ = true;
};

}  // namespace hemitrack
