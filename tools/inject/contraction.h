#pragma once
// How contracted each muscle group on each side is at one instant: the bridge between the
// schedule (time) and the warp (geometry). Free of OpenCV so it can be unit-tested.
#include <array>

#include "schedule.h"

namespace hemitrack::inject {

// Amplitudes in [0, 1] per anatomical side, indexed by index_of(Side).
struct Contraction {
  std::array<double, 2> eye_closure{};  // 1 = lids meet
  std::array<double, 2> mouth_pull{};   // 1 = corner (0.06 out, 0.10 up) IOD
  std::array<double, 2> brow_raise{};   // 1 = brow 0.10 IOD up
  bool any() const;
};

// Items never overlap in a valid schedule; if they did, the stronger one wins per region.
Contraction contraction_at(const Schedule& schedule, double t_s);

}  // namespace hemitrack::inject
