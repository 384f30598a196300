#pragma once
// What the vision layer measures of one face in one frame, before any baseline is applied.
#include "core/face_geometry.h"

#include <array>
#include <optional>

namespace hemitrack {

struct FaceMeasurement {
  bool face_found = false;
  double quality = 0.0;             // 0..1 tracking quality
  std::array<SideMeasure, 2> side;  // indexed by index_of(Side)
  HeadPose pose;
  bool extreme_pose = false;        // the two sides are not comparable in this frame
  FaceFrame frame;                  // where the face is: eye midpoint, eye line, inter-ocular distance
  // Mouth-corner rise per side from optical flow (vision/mouth_flow.h), steadier than the corner
  // landmarks; absent when the flow could not be followed in this frame.
  std::optional<std::array<double, 2>> mouth_flow_rise;
  // Per side, how far the eye's picture has moved from the same eye open (vision/eye_appearance.h):
  // near 0 open, rising as the lid closes; absent when not measured.
  std::optional<std::array<double, 2>> eye_change;
};

}  // namespace hemitrack
