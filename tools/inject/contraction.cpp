#include "contraction.h"

#include <algorithm>

namespace hemitrack::inject {

bool Contraction::any() const {
  for (int s = 0; s < 2; ++s)
    if (eye_closure[s] > 0.0 || mouth_pull[s] > 0.0 || brow_raise[s] > 0.0) return true;
  return false;
}

Contraction contraction_at(const Schedule& schedule, double t) {
  Contraction c;
  for (const auto& e : schedule.events) {
    const double v = e.envelope.value_at(t);
    if (v <= 0.0) continue;
    const int s = index_of(e.side);
    if (e.eye) c.eye_closure[s] = std::max(c.eye_closure[s], v);
    if (e.mouth) c.mouth_pull[s] = std::max(c.mouth_pull[s], v);
    if (e.brow) c.brow_raise[s] = std::max(c.brow_raise[s], v);
  }
  for (const auto& b : schedule.blinks) {
    const double v = b.envelope.value_at(t);
    for (double& eye : c.eye_closure) eye = std::max(eye, v);
  }
  return c;
}

}  // namespace hemitrack::inject
