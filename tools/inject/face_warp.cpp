#include "face_warp.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/face_geometry.h"

namespace hemitrack::inject {
namespace {

// Lid curves are sampled at t = 1/6 ... 5/6 between the eye corners: denser than dlib's two points
// per lid so the closing lid stays a smooth arc.
constexpr int kLidSamples = 5;
// dlib's lid points sit on or just inside the lid margin. The moving "skin line" is placed this far
// above the upper lid (IOD, at mid-eye) so that no sliver of eyeball is left above it to be
// stretched over the closed eye; the band in between is the lash line and stays visible as such.
constexpr double kLashBand = 0.06;
constexpr double kLowerLashBand = 0.012;
// Share of the lash band's height kept at full closure: a thin dark line where the lids meet,
// while the lighter lid skin above it is what stretches over the eye.
constexpr double kLashKeep = 0.3;
// Where the lids meet at full closure, as a share of the opening above the lower lid.
constexpr double kMeetAboveLower = 0.15;
// Eyeball left between the lids at full closure (share of the opening): > 0 keeps triangles valid.
constexpr double kResidualOpening = 0.02;

constexpr double kMouthOut = 0.06, kMouthUp = 0.10;
constexpr double kBrowUp = 0.10;

// Polyline through points (face frame), evaluated as y(x) with clamping at its ends.
double y_at(std::vector<Point2> poly, double x) {
  std::sort(poly.begin(), poly.end(), [](Point2 a, Point2 b) { return a.x < b.x; });
  if (x <= poly.front().x) return poly.front().y;
  if (x >= poly.back().x) return poly.back().y;
  for (std::size_t i = 1; i < poly.size(); ++i) {
    if (x <= poly[i].x) {
      const double span = poly[i].x - poly[i - 1].x;
      const double u = span > 0 ? (x - poly[i - 1].x) / span : 0.0;
      return poly[i - 1].y + u * (poly[i].y - poly[i - 1].y);
    }
  }
  return poly.back().y;
}

// Control points in face coordinates; targets start equal to sources and accumulate moves.
class MeshBuilder {
 public:
  int add(Point2 p) {
    from_.push_back(p);
    to_.push_back(p);
    return static_cast<int>(from_.size()) - 1;
  }
  void move(int i, Point2 d) { to_[i] = to_[i] + d; }
  ControlMesh to_image(const FaceFrame& ff) const {
    ControlMesh m;
    for (std::size_t i = 0; i < from_.size(); ++i) {
      m.from.push_back(ff.to_image(from_[i]));
      m.to.push_back(ff.to_image(to_[i]));
    }
    return m;
  }

 private:
  std::vector<Point2> from_, to_;
};

bool is_lid_point(int i) {
  for (Side s : kBothSides) {
    const auto& e = landmarks_of(s).eye;
    if (i == e[1] || i == e[2] || i == e[4] || i == e[5]) return true;
  }
  return false;
}

// Brow raise per brow point, outer to inner: the inner half (frontalis' medial fibres) lifts more.
std::array<double, 5> brow_lift(double amplitude) {
  constexpr std::array<double, 5> kWeight = {0.9, 0.95, 1.0, 1.05, 1.1};
  std::array<double, 5> lift{};
  for (int j = 0; j < 5; ++j) lift[j] = kBrowUp * amplitude * kWeight[j];
  return lift;
}

void add_eye_region(MeshBuilder& mesh, const std::array<Point2, kLandmarkCount>& f, Side side,
                    double closure, double brow_amplitude) {
  const auto& ids = landmarks_of(side);
  const auto& e = ids.eye;
  const std::vector<Point2> upper = {f[e[0]], f[e[1]], f[e[2]], f[e[3]]};
  const std::vector<Point2> lower = {f[e[0]], f[e[5]], f[e[4]], f[e[3]]};
  std::vector<Point2> brow, lift_curve;
  const auto lift = brow_lift(brow_amplitude);
  for (int j = 0; j < 5; ++j) {
    brow.push_back(f[ids.brow[j]]);
    lift_curve.push_back({f[ids.brow[j]].x, lift[j]});
  }
  const double x0 = f[e[0]].x, x3 = f[e[3]].x;
  for (int k = 0; k <= kLidSamples + 1; ++k) {
    const double t = static_cast<double>(k) / (kLidSamples + 1);
    const double x = x0 + t * (x3 - x0);
    const double y_upper = y_at(upper, x), y_lower = y_at(lower, x);
    const double opening = std::max(y_lower - y_upper, 0.01);
    const double bump = std::sin(std::numbers::pi * t);
    const double y_skin = y_upper - kLashBand * bump;  // at the corners: the corner itself
    const double y_brow = y_at(brow, x);
    const double raise = y_at(lift_curve, x);

    // Lids meet a little above the lower lid; the lash band keeps kLashKeep of its height so a dark
    // lash line remains where the lids meet, as on a real closed eye.
    const double meet = y_lower - kMeetAboveLower * opening;
    const double upper_goal = meet - 0.5 * kResidualOpening * opening;
    const double lower_goal = meet + 0.5 * kResidualOpening * opening;
    const double drop = upper_goal - y_upper;  // how far the lid margin travels

    // Helper rows between the lid and the brow: the lid skin stretches over the eye, the skin
    // nearer the brow barely moves; a raised brow lifts them partly (forehead skin follows).
    const int h1 = mesh.add({x, y_skin + (y_brow - y_skin) / 3.0});
    const int h2 = mesh.add({x, y_skin + 2.0 * (y_brow - y_skin) / 3.0});
    mesh.move(h1, {0.0, closure * 0.45 * drop - 0.30 * raise});
    mesh.move(h2, {0.0, closure * 0.15 * drop - 0.60 * raise});
    if (k == kLidSamples + 1 && brow_amplitude > 0.0) {
      // Between the inner corner and the fixed nose bridge the lift fades out over a helper
      // column (and a point between the brows); otherwise the skin shears along a visible line.
      const double xm = x / 2.0;
      mesh.move(mesh.add({xm, y_skin + (y_brow - y_skin) / 3.0}), {0.0, -0.15 * raise});
      mesh.move(mesh.add({xm, y_skin + 2.0 * (y_brow - y_skin) / 3.0}), {0.0, -0.3 * raise});
      const Point2 inner_brow = brow.back();
      mesh.move(mesh.add({inner_brow.x / 2.0, inner_brow.y}), {0.0, -0.5 * lift[4]});
      mesh.move(mesh.add({inner_brow.x / 2.0, inner_brow.y - 0.3}), {0.0, -0.3 * lift[4]});
    }
    if (k == 0 || k == kLidSamples + 1) continue;  // the corners are landmarks and stay put

    const int skin = mesh.add({x, y_skin});
    const int margin = mesh.add({x, y_upper});
    const int lower_margin = mesh.add({x, y_lower});
    const int lower_skin = mesh.add({x, y_lower + kLowerLashBand * bump});
    mesh.move(margin, {0.0, closure * drop});
    mesh.move(skin, {0.0, closure * (upper_goal - kLashKeep * kLashBand * bump - y_skin)});
    mesh.move(lower_margin, {0.0, closure * (lower_goal - y_lower)});
    mesh.move(lower_skin, {0.0, 0.7 * closure * (lower_goal - y_lower)});
  }
}

void add_mouth_corner(MeshBuilder& mesh, std::array<int, kLandmarkCount>& landmark_ids,
                      const std::array<Point2, kLandmarkCount>& f, Side side, double pull) {
  const double out = side == Side::right ? -1.0 : 1.0;
  const Point2 d = {out * kMouthOut * pull, -kMouthUp * pull};
  const int corner = landmarks_of(side).mouth_corner;
  mesh.move(landmark_ids[corner], d);
  // The lips follow with a share that fades towards the far corner. Upper and lower points that
  // face each other get the same share: a closed mouth has them a pixel apart, and moving only
  // one of them folds the mesh between the lips.
  constexpr std::pair<int, double> kRightLipShare[] = {
      {49, 0.5}, {59, 0.5}, {60, 0.5}, {61, 0.4}, {67, 0.4}, {50, 0.25}, {58, 0.25},
      {62, 0.12}, {66, 0.12}, {51, 0.1}, {57, 0.1}, {63, 0.04}, {65, 0.04}, {52, 0.04}, {56, 0.04}};
  for (auto [right_index, share] : kRightLipShare) {
    const int i = side == Side::right ? right_index : mirrored_landmark(right_index);
    mesh.move(landmark_ids[i], d * share);
  }
  // Cheek skin around the corner (towards the nasolabial fold) follows a little.
  const Point2 c = f[corner];
  for (Point2 offset : {Point2{out * 0.22, 0.0}, Point2{out * 0.15, -0.20}, Point2{out * 0.12, 0.18}}) {
    mesh.move(mesh.add(c + offset), d * 0.3);
  }
}

}  // namespace

ControlMesh build_control_mesh(const Shape68& shape, cv::Size image, const Contraction& c) {
  const FaceFrame ff = face_frame_from(shape);
  std::array<Point2, kLandmarkCount> f;
  for (std::size_t i = 0; i < kLandmarkCount; ++i) f[i] = ff.to_face(shape[i]);

  MeshBuilder mesh;
  std::array<int, kLandmarkCount> landmark_ids;
  landmark_ids.fill(-1);
  for (std::size_t i = 0; i < kLandmarkCount; ++i)
    if (!is_lid_point(static_cast<int>(i))) landmark_ids[i] = mesh.add(f[i]);

  for (Side s : kBothSides) {
    const int si = index_of(s);
    add_eye_region(mesh, f, s, c.eye_closure[si], c.brow_raise[si]);
    if (c.mouth_pull[si] > 0.0) add_mouth_corner(mesh, landmark_ids, f, s, c.mouth_pull[si]);
    const auto lift = brow_lift(c.brow_raise[si]);
    const auto& brow = landmarks_of(s).brow;
    for (int j = 0; j < 5; ++j) {
      mesh.move(landmark_ids[brow[j]], {0.0, -lift[j]});
      // Forehead row: fixes the skin above the brow; compresses a little when the brow rises.
      mesh.move(mesh.add(f[brow[j]] + Point2{0.0, -0.6}), {0.0, -0.35 * lift[j]});
    }
  }
  // Temples and a ring outside the jaw line keep the warp from reaching the background.
  mesh.add(f[17] + Point2{-0.25, -0.35});
  mesh.add(f[26] + Point2{0.25, -0.35});
  const Point2 centre = f[30];
  for (int i = 0; i <= 16; ++i) {
    const Point2 r = f[i] - centre;
    const double len = std::max(std::hypot(r.x, r.y), 1e-6);
    mesh.add(f[i] + r * (0.3 / len));
  }

  ControlMesh out = mesh.to_image(ff);
  const double w = image.width - 1.0, h = image.height - 1.0;
  for (Point2 p : {Point2{0, 0}, Point2{w / 2, 0}, Point2{w, 0}, Point2{w, h / 2}, Point2{w, h},
                   Point2{w / 2, h}, Point2{0, h}, Point2{0, h / 2}}) {
    out.from.push_back(p);
    out.to.push_back(p);
  }
  return out;
}

cv::Mat warp_face(const cv::Mat& frame, const Shape68& shape, const Contraction& c, WarpReport* report) {
  const ControlMesh mesh = build_control_mesh(shape, frame.size(), c);
  return warp_piecewise_affine(frame, mesh.from, mesh.to, report);
}

}  // namespace hemitrack::inject
