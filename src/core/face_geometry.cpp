#include "core/face_geometry.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace hemitrack {
namespace {

double distance(Point2 a, Point2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
Point2 midpoint(Point2 a, Point2 b) { return {(a.x + b.x) / 2.0, (a.y + b.y) / 2.0}; }
double dot(Point2 a, Point2 b) { return a.x * b.x + a.y * b.y; }

Point2 eye_centre(const Shape68& shape, Side side) {
  const auto& ids = landmarks_of(side);
  return midpoint(shape[ids.eye_outer_corner], shape[ids.eye_inner_corner]);
}

double direction(Point2 from, Point2 to) { return std::atan2(to.y - from.y, to.x - from.x); }

// Turn from angle a to angle b, in (-pi, pi].
double turn(double a, double b) { return std::remainder(b - a, 2.0 * std::numbers::pi); }

}  // namespace

Point2 FaceFrame::to_face(Point2 p) const {
  assert(inter_ocular > 0.0);
  const Point2 d = p - origin;
  return {dot(d, x_axis) / inter_ocular, dot(d, y_axis) / inter_ocular};
}

Point2 FaceFrame::to_image(Point2 f) const {
  return origin + x_axis * (f.x * inter_ocular) + y_axis * (f.y * inter_ocular);
}

double FaceFrame::roll_degrees() const {
  return std::atan2(x_axis.y, x_axis.x) * 180.0 / std::numbers::pi;
}

FaceFrame face_frame_from(const Shape68& shape) {
  const Point2 right = eye_centre(shape, Side::right);
  const Point2 left = eye_centre(shape, Side::left);
  FaceFrame frame;
  frame.origin = midpoint(right, left);
  frame.inter_ocular = distance(right, left);
  const double norm = frame.inter_ocular > 0.0 ? frame.inter_ocular : 1.0;
  frame.x_axis = {(left.x - right.x) / norm, (left.y - right.y) / norm};
  frame.y_axis = {-frame.x_axis.y, frame.x_axis.x};
  return frame;
}

double eye_line_turn_beyond_face(const Shape68& before, const Shape68& now) {
  const auto eye_line = [](const Shape68& s) { return direction(eye_centre(s, Side::right), eye_centre(s, Side::left)); };
  // Outer brow ends, then the jaw from the ears down to the cheeks: each with its mirror partner.
  constexpr std::array<std::array<int, 2>, 6> kRigidPairs = {{{17, 26}, {0, 16}, {1, 15}, {2, 14}, {3, 13}, {4, 12}}};
  std::array<double, kRigidPairs.size()> turns{};
  for (std::size_t k = 0; k < kRigidPairs.size(); ++k) {
    const auto [a, b] = kRigidPairs[k];
    turns[k] = turn(direction(before[a], before[b]), direction(now[a], now[b]));
  }
  std::nth_element(turns.begin(), turns.begin() + turns.size() / 2, turns.end());
  const double upper = turns[turns.size() / 2];
  const double lower = *std::max_element(turns.begin(), turns.begin() + turns.size() / 2);
  const double face_turn = (upper + lower) / 2.0;
  return turn(face_turn, turn(eye_line(before), eye_line(now)));
}

double eye_aspect_ratio(const Shape68& shape, Side side) {
  const auto& e = landmarks_of(side).eye;
  const double width = distance(shape[e[0]], shape[e[3]]);
  if (width <= 0.0) return 0.0;
  return (distance(shape[e[1]], shape[e[5]]) + distance(shape[e[2]], shape[e[4]])) / (2.0 * width);
}

SideMeasure measure_side(const Shape68& shape, Side side, const FaceFrame& frame) {
  const auto& ids = landmarks_of(side);
  SideMeasure m;
  m.eye_aspect_ratio = eye_aspect_ratio(shape, side);

  const Point2 corner = frame.to_face(shape[ids.mouth_corner]);
  m.mouth_outward = side == Side::right ? -corner.x : corner.x;
  m.mouth_down = corner.y;

  const Point2 eye = frame.to_face(eye_centre(shape, side));
  double brow_y = 0.0;
  for (int i : ids.brow) brow_y += frame.to_face(shape[i]).y;
  brow_y /= static_cast<double>(ids.brow.size());
  m.brow_height = eye.y - brow_y;
  return m;
}

SideMeasure measure_symmetric_fit(const Shape68& shape) {
  const FaceFrame frame = face_frame_from(shape);
  const SideMeasure r = measure_side(shape, Side::right, frame);
  const SideMeasure l = measure_side(shape, Side::left, frame);
  return {(r.eye_aspect_ratio + l.eye_aspect_ratio) / 2.0, (r.mouth_outward + l.mouth_outward) / 2.0,
          (r.mouth_down + l.mouth_down) / 2.0, (r.brow_height + l.brow_height) / 2.0};
}

}  // namespace hemitrack
