#include "core/face_geometry.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hemitrack;

namespace {
// A frontal face in an unmirrored image: the person's right eye (36-41) on the image's left.
Shape68 frontal_face(double lid_gap_right = 10.0, double lid_gap_left = 10.0) {
  Shape68 s{};
  const auto eye = [&](int first, double cx, double gap, bool person_right) {
    // outer, upper, upper, inner, lower, lower in dlib order (36..41 runs image left to right).
    const double outer = person_right ? cx - 15 : cx + 15;
    const double inner = person_right ? cx + 15 : cx - 15;
    const double a = person_right ? cx - 5 : cx + 5;
    const double b = person_right ? cx + 5 : cx - 5;
    if (person_right) {
      s[first + 0] = {outer, 100}; s[first + 1] = {a, 100 - gap / 2}; s[first + 2] = {b, 100 - gap / 2};
      s[first + 3] = {inner, 100}; s[first + 4] = {b, 100 + gap / 2}; s[first + 5] = {a, 100 + gap / 2};
    } else {  // 42 inner, 43-44 upper, 45 outer, 46-47 lower (image left to right)
      s[first + 0] = {inner, 100}; s[first + 1] = {b, 100 - gap / 2}; s[first + 2] = {a, 100 - gap / 2};
      s[first + 3] = {outer, 100}; s[first + 4] = {a, 100 + gap / 2}; s[first + 5] = {b, 100 + gap / 2};
    }
  };
  eye(36, 70, lid_gap_right, true);
  eye(42, 130, lid_gap_left, false);
  for (int i = 17; i <= 21; ++i) s[i] = {55.0 + 8 * (i - 17), 80};
  for (int i = 22; i <= 26; ++i) s[i] = {113.0 + 8 * (i - 22), 80};
  s[48] = {75, 160};
  s[54] = {125, 160};
  for (int i = 0; i <= 16; ++i) {  // the jaw, from the person's right ear round the chin to the left
    const double a = 3.14159265358979 * (1.0 - i / 16.0);
    s[i] = {100 + 75 * std::cos(a), 100 + 90 * std::sin(a)};
  }
  return s;
}

Shape68 rolled(const Shape68& face, double degrees) {
  const double a = degrees * 3.14159265358979 / 180.0;
  Shape68 out{};
  for (std::size_t i = 0; i < face.size(); ++i) {
    const Point2 d = face[i] - Point2{100, 120};
    out[i] = Point2{100, 120} + Point2{std::cos(a) * d.x - std::sin(a) * d.y, std::sin(a) * d.x + std::cos(a) * d.y};
  }
  return out;
}

// The person's left eye, corners and lids, 6 px lower (as one side's fit slips on a closing eye).
Shape68 left_eye_slipped(Shape68 face) {
  for (int i = 42; i <= 47; ++i) face[i].y += 6.0;
  return face;
}

double degrees(double radians) { return radians * 180.0 / 3.14159265358979; }
}  // namespace

TEST_CASE("eye aspect ratio follows the lid gap of each side separately") {
  const Shape68 face = frontal_face(10.0, 3.0);
  CHECK(eye_aspect_ratio(face, Side::right) == Approx(10.0 / 30.0));
  CHECK(eye_aspect_ratio(face, Side::left) == Approx(3.0 / 30.0));
}

TEST_CASE("face frame: origin between the eyes, x towards the person's left, inter-ocular unit") {
  const FaceFrame f = face_frame_from(frontal_face());
  CHECK(f.origin.x == Approx(100.0));
  CHECK(f.origin.y == Approx(100.0));
  CHECK(f.inter_ocular == Approx(60.0));
  CHECK(f.x_axis.x == Approx(1.0));
  CHECK(f.y_axis.y == Approx(1.0));
  CHECK(f.roll_degrees() == Approx(0.0).margin(1e-9));
  const Point2 back = f.to_image(f.to_face({123.0, 77.0}));
  CHECK(back.x == Approx(123.0));
  CHECK(back.y == Approx(77.0));
}

TEST_CASE("side measures do not change when the whole face is rotated and scaled") {
  const Shape68 face = frontal_face(10.0, 6.0);
  Shape68 turned{};
  const double a = 20.0 * 3.14159265358979 / 180.0;
  for (std::size_t i = 0; i < face.size(); ++i) {
    const double x = face[i].x * 1.7, y = face[i].y * 1.7;
    turned[i] = {std::cos(a) * x - std::sin(a) * y + 40, std::sin(a) * x + std::cos(a) * y - 10};
  }
  for (Side side : kBothSides) {
    const SideMeasure m0 = measure_side(face, side, face_frame_from(face));
    const SideMeasure m1 = measure_side(turned, side, face_frame_from(turned));
    CHECK(m1.eye_aspect_ratio == Approx(m0.eye_aspect_ratio));
    CHECK(m1.mouth_outward == Approx(m0.mouth_outward));
    CHECK(m1.mouth_down == Approx(m0.mouth_down));
    CHECK(m1.brow_height == Approx(m0.brow_height));
  }
  CHECK(face_frame_from(turned).roll_degrees() == Approx(20.0));
}

TEST_CASE("mouth corner outward distance is measured away from the midline on both sides") {
  const Shape68 face = frontal_face();
  const FaceFrame f = face_frame_from(face);
  CHECK(measure_side(face, Side::right, f).mouth_outward == Approx(25.0 / 60.0));
  CHECK(measure_side(face, Side::left, f).mouth_outward == Approx(25.0 / 60.0));
  CHECK(measure_side(face, Side::right, f).mouth_down == Approx(1.0));
  CHECK(measure_side(face, Side::right, f).brow_height == Approx(20.0 / 60.0));
}

TEST_CASE("landmark mirror table pairs anatomical sides and fixes the midline") {
  CHECK(mirrored_landmark(36) == 45);
  CHECK(mirrored_landmark(45) == 36);
  CHECK(mirrored_landmark(48) == 54);
  CHECK(mirrored_landmark(30) == 30);
  CHECK(is_on_side(36, Side::right));
  CHECK(is_on_side(45, Side::left));
  CHECK_FALSE(is_on_side(30, Side::right));
  CHECK_FALSE(is_on_side(30, Side::left));
  for (int i = 0; i < 68; ++i) CHECK(mirrored_landmark(mirrored_landmark(i)) == i);
}

TEST_CASE("a rolling head turns the eye line no more than the rest of the face") {
  const Shape68 face = frontal_face();
  CHECK(degrees(eye_line_turn_beyond_face(face, rolled(face, 8.0))) == Approx(0.0).margin(1e-9));
  CHECK(degrees(eye_line_turn_beyond_face(face, rolled(face, -25.0))) == Approx(0.0).margin(1e-9));
  // A closing lid moves neither eye corner, so neither the eye line nor the rest of the face turns.
  CHECK(degrees(eye_line_turn_beyond_face(face, frontal_face(10.0, 1.0))) == Approx(0.0).margin(1e-9));
}

TEST_CASE("one side's fit slipping turns the eye line alone, also while the head rolls") {
  const Shape68 face = frontal_face();
  const double slip = degrees(std::atan2(6.0, 60.0));  // the left eye 6 px lower, 60 px from the right
  CHECK(degrees(eye_line_turn_beyond_face(face, left_eye_slipped(face))) == Approx(slip));
  CHECK(degrees(eye_line_turn_beyond_face(face, rolled(left_eye_slipped(face), 5.0))) == Approx(slip).margin(1e-6));
  // ...and back on the next frame.
  CHECK(degrees(eye_line_turn_beyond_face(left_eye_slipped(face), face)) == Approx(-slip));
}
