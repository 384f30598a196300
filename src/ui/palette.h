#pragma once
// Colours with a meaning, used the same way in every panel: the person's right side is orange and
// the left side blue (a pair that stays distinct for red-green colour blindness).
#include "core/landmarks.h"

#include <imgui.h>

namespace hemitrack::ui {

inline ImU32 side_colour(Side side, int alpha = 255) {
  return side == Side::right ? IM_COL32(240, 140, 40, alpha) : IM_COL32(60, 150, 240, alpha);
}
inline constexpr ImU32 kWarning = IM_COL32(235, 180, 40, 255);
inline constexpr ImU32 kError = IM_COL32(225, 70, 60, 255);
inline constexpr ImU32 kGood = IM_COL32(70, 190, 110, 255);
inline constexpr ImU32 kBlinkMarker = IM_COL32(150, 150, 150, 200);
inline constexpr ImU32 kLandmark = IM_COL32(120, 255, 160, 230);

}  // namespace hemitrack::ui
