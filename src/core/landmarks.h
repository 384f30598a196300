#pragma once
// The 68-point (iBUG 300-W / dlib) landmark layout, named by the person's anatomical side.
// In an unmirrored image the person's right side appears on the image's left (DESIGN §3).
#include <array>
#include <cstddef>
#include <string_view>

namespace hemitrack {

struct Point2 {
  double x = 0.0;
  double y = 0.0;
};

inline Point2 operator+(Point2 a, Point2 b) { return {a.x + b.x, a.y + b.y}; }
inline Point2 operator-(Point2 a, Point2 b) { return {a.x - b.x, a.y - b.y}; }
inline Point2 operator*(Point2 a, double s) { return {a.x * s, a.y * s}; }

constexpr std::size_t kLandmarkCount = 68;
using Shape68 = std::array<Point2, kLandmarkCount>;

enum class Side { right = 0, left = 1 };
constexpr std::array<Side, 2> kBothSides = {Side::right, Side::left};
inline constexpr int index_of(Side s) { return static_cast<int>(s); }
inline constexpr Side other(Side s) { return s == Side::right ? Side::left : Side::right; }
std::string_view to_string(Side s);

// Indices of one side's features. Eye points run outer corner, two upper lid points, inner corner,
// two lower lid points (so EAR = (|p1-p5| + |p2-p4|) / (2 |p0-p3|)).
struct SideLandmarks {
  std::array<int, 6> eye;
  std::array<int, 5> brow;  // from the outer end to the inner end
  int mouth_corner;
  int eye_outer_corner;
  int eye_inner_corner;
};

constexpr SideLandmarks kRightLandmarks{{36, 37, 38, 39, 40, 41}, {17, 18, 19, 20, 21}, 48, 36, 39};
// The left eye's outer corner is 45 and inner 42; reorder so that the EAR formula reads the same.
constexpr SideLandmarks kLeftLandmarks{{45, 44, 43, 42, 47, 46}, {26, 25, 24, 23, 22}, 54, 45, 42};

inline constexpr const SideLandmarks& landmarks_of(Side s) {
  return s == Side::right ? kRightLandmarks : kLeftLandmarks;
}

// Index of the landmark that mirrors `i` across the facial midline (e.g. 36 <-> 45, 48 <-> 54).
// Points on the midline (nose bridge, nose tip, chin, lip centres) map to themselves.
int mirrored_landmark(int i);

// The anatomical side a landmark belongs to; false for points on the midline.
bool is_on_side(int i, Side side);

}  // namespace hemitrack
