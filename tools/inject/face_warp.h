#pragma once
// Turns "how contracted is each muscle group on each side in this frame" into moved control points
// and warps the frame. All displacements are in the eye-line face frame (FaceFrame), in
// inter-ocular distances (IOD), so they scale with the face and follow head roll.
#include <array>
#include <opencv2/core.hpp>
#include <vector>

#include "contraction.h"
#include "core/landmarks.h"
#include "piecewise_affine.h"

namespace hemitrack::inject {

struct ControlMesh {
  std::vector<Point2> from;  // image coordinates
  std::vector<Point2> to;
};

// The 68 landmarks (without the eight lid points, which the lid curves below replace), lid
// curves with helper rows up to the brow, cheek helpers by the mouth corners, a forehead row,
// a ring outside the jaw line, and the image corners and edge midpoints.
ControlMesh build_control_mesh(const Shape68& shape, cv::Size image, const Contraction& c);

// Requires: `shape` was fitted on `frame`.
cv::Mat warp_face(const cv::Mat& frame, const Shape68& shape, const Contraction& c,
                  WarpReport* report = nullptr);

}  // namespace hemitrack::inject
