#include "vision/head_pose.h"

#include <opencv2/calib3d.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace hemitrack {
namespace {

// A generic adult face in millimetres (x to the image's right, y down, z away from the camera),
// points that mouth or eyelid movement do not displace.
struct ModelPoint {
  int landmark;
  cv::Point3d position;
};
const std::array<ModelPoint, 10> kModel = {{
    {30, {0.0, 0.0, 0.0}},        // nose tip
    {27, {0.0, -45.0, 22.0}},     // nose bridge top
    {8, {0.0, 70.0, 15.0}},       // chin
    {36, {-45.0, -35.0, 35.0}},   // right eye outer corner (image left)
    {39, {-15.0, -35.0, 30.0}},   // right eye inner corner
    {42, {15.0, -35.0, 30.0}},    // left eye inner corner
    {45, {45.0, -35.0, 35.0}},    // left eye outer corner
    {31, {-12.0, 8.0, 18.0}},     // right nostril
    {35, {12.0, 8.0, 18.0}},      // left nostril
    {33, {0.0, 10.0, 12.0}},      // nose base
}};

double degrees(double rad) { return rad * 180.0 / std::numbers::pi; }

}  // namespace

HeadPose estimate_head_pose(const Shape68& landmarks, cv::Size image_size) {
  std::vector<cv::Point3d> object;
  std::vector<cv::Point2d> image;
  for (const auto& m : kModel) {
    object.push_back(m.position);
    const Point2 p = landmarks[static_cast<std::size_t>(m.landmark)];
    image.emplace_back(p.x, p.y);
  }
  const double f = static_cast<double>(image_size.width);
  const cv::Matx33d camera(f, 0, image_size.width / 2.0, 0, f, image_size.height / 2.0, 0, 0, 1);
  cv::Vec3d rvec, tvec;
  HeadPose pose;
  if (!cv::solvePnP(object, image, camera, cv::noArray(), rvec, tvec, false, cv::SOLVEPNP_ITERATIVE))
    return pose;
  cv::Matx33d r;
  cv::Rodrigues(rvec, r);
  // Euler angles of R = Rz(roll) * Ry(yaw) * Rx(pitch) in the camera frame (y down).
  pose.yaw_deg = degrees(std::asin(std::clamp(-r(2, 0), -1.0, 1.0)));
  pose.pitch_deg = -degrees(std::atan2(r(2, 1), r(2, 2)));
  pose.roll_deg = degrees(std::atan2(r(1, 0), r(0, 0)));
  return pose;
}

}  // namespace hemitrack
