#pragma once
// A generic piecewise-affine image warp over a Delaunay triangulation of control points.
#include <opencv2/core.hpp>
#include <vector>

#include "core/landmarks.h"

namespace hemitrack::inject {

struct WarpReport {
  int moved_triangles = 0;
  int flipped_triangles = 0;  // target triangles that fold over: the mesh was moved too far
};

// Moves the content at from[i] to to[i], everything in between affinely per triangle of the
// Delaunay triangulation of `from`. Requires: from.size() == to.size(); the points (after merging
// those closer than half a pixel) span the region to move; points outside the image are allowed.
// Ensures: pixels outside all moved triangles are untouched; the result has no seams.
cv::Mat warp_piecewise_affine(const cv::Mat& src, const std::vector<Point2>& from,
                              const std::vector<Point2>& to, WarpReport* report = nullptr);

}  // namespace hemitrack::inject
