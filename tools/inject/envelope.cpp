#include "envelope.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hemitrack::inject {

double Envelope::ramp_s() const {
  const double duration = end_s - start_s;
  return std::min(std::max(0.25 * duration, 0.015), duration / 2.0);
}

double Envelope::value_at(double t) const {
  if (!(t > start_s && t < end_s)) return 0.0;
  const double ramp = ramp_s();
  if (ramp <= 0.0) return amplitude;
  const double into = std::min(t - start_s, end_s - t);
  if (into >= ramp) return amplitude;
  return amplitude * 0.5 * (1.0 - std::cos(std::numbers::pi * into / ramp));
}

}  // namespace hemitrack::inject
