#include "core/events.h"

#include <algorithm>

namespace hemitrack {

std::string_view to_string(Region r) {
  switch (r) {
    case Region::eye: return "eye";
    case Region::mouth: return "mouth";
    case Region::brow: return "brow";
  }
  return "?";
}

std::string_view to_string(EventKind k) { return k == EventKind::tonic ? "tonic" : "clonic"; }

bool TwitchEvent::involves(Region r) const { return std::find(regions.begin(), regions.end(), r) != regions.end(); }

}  // namespace hemitrack
