#include "core/face_geometry.h"
#include "test_support.h"
#include "vision/face_tracker.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

// Lifts the skin around one image point by `lift_px`, fading out smoothly (a local pull).
cv::Mat lift_around(const cv::Mat& image, cv::Point2f centre, float lift_px, float radius_px) {
  cv::Mat map_x(image.size(), CV_32F), map_y(image.size(), CV_32F);
  for (int y = 0; y < image.rows; ++y)
    for (int x = 0; x < image.cols; ++x) {
      const float d2 = (x - centre.x) * (x - centre.x) + (y - centre.y) * (y - centre.y);
      const float w = std::exp(-d2 / (2.0f * radius_px * radius_px));
      map_x.at<float>(y, x) = static_cast<float>(x);
      map_y.at<float>(y, x) = static_cast<float>(y) + lift_px * w;  // sample from below: content moves up
    }
  cv::Mat out;
  cv::remap(image, out, map_x, map_y, cv::INTER_CUBIC, cv::BORDER_REPLICATE);
  return out;
}

// A real face followed for 5 frames at 30 fps, and the same picture with the person's right mouth
// corner, with the skin around it, lifted by a tenth of the inter-ocular distance.
struct LiftedCorner {
  cv::Mat face = cv::imread(fixture("skimage/astronaut.png").string(), cv::IMREAD_COLOR);
  cv::Mat pulled;
  FaceTracker tracker{*shape_model(), TrackerConfig{}};
  FaceObservation obs;
  int frame = 0;

  LiftedCorner() {
    REQUIRE_FALSE(face.empty());
    play(face, 5);
    REQUIRE(obs.measurement.face_found);
    const double iod = face_frame_from(obs.landmarks).inter_ocular;
    const Point2 right_corner = obs.landmarks[48];
    pulled = lift_around(face, {static_cast<float>(right_corner.x), static_cast<float>(right_corner.y)},
                         static_cast<float>(0.1 * iod), static_cast<float>(0.25 * iod));
  }
  void play(const cv::Mat& picture, int frames) {
    for (const int last = frame + frames; frame < last; ++frame) obs = tracker.process(picture, frame / 30.0);
  }
  std::array<double, 2> rise() const {
    REQUIRE(obs.measurement.mouth_flow_rise.has_value());
    return *obs.measurement.mouth_flow_rise;
  }
};

}  // namespace

TEST_CASE("a mouth corner lifted on one side reads as a rise of that corner only") {
  LiftedCorner c;
  c.play(c.pulled, 1);
  const auto rise = c.rise();
  INFO("rise right " << rise[0] << ", left " << rise[1]);
  CHECK(rise[0] == Approx(0.1).margin(0.03));
  CHECK(std::abs(rise[1]) < 0.015);
}

TEST_CASE("a mouth corner held lifted keeps reading lifted, and reads level again once released") {
  LiftedCorner c;
  c.play(c.face, 10);
  // A tonic pull lasts seconds: three of them, and the corner still reads well up.
  c.play(c.pulled, 90);
  const auto held = c.rise();
  INFO("held: right " << held[0] << ", left " << held[1]);
  CHECK(held[0] > 0.05);
  CHECK(std::abs(held[1]) < 0.015);
  // Released, the corner is back where it rested, not below it.
  c.play(c.face, 6);
  const auto released = c.rise();
  INFO("released: right " << released[0] << ", left " << released[1]);
  CHECK(std::abs(released[0]) < 0.02);
}

TEST_CASE("a mouth corner still lifted when the face is found again reads lifted, not as the new zero") {
  LiftedCorner c;
  c.play(c.face, 10);
  // The face leaves the picture and comes back with the corner lifted.
  c.play(cv::Mat(c.face.size(), c.face.type(), cv::Scalar::all(40)), 15);
  REQUIRE_FALSE(c.obs.measurement.face_found);
  c.play(c.pulled, 6);
  const auto rise = c.rise();
  INFO("right " << rise[0] << ", left " << rise[1]);
  CHECK(rise[0] > 0.04);
  CHECK(std::abs(rise[1]) < 0.015);
}

TEST_CASE("a change of light does not read as a mouth corner moving") {
  // A camera's auto-exposure hunting, or a cloud: the still face brightens and darkens by up to
  // 30 grey levels and 12 % contrast over 1.5 s (up to 4 levels a frame), and nothing moves.
  LiftedCorner c;
  c.play(c.face, 10);
  double largest = 0.0;
  for (int i = 0; i < 45; ++i) {
    const double phase = 2.0 * CV_PI * i / 45.0;
    cv::Mat lit;
    c.face.convertTo(lit, -1, 1.0 + 0.12 * std::sin(phase), 30.0 * std::sin(phase));
    c.play(lit, 1);
    const auto rise = c.rise();
    largest = std::max({largest, std::abs(rise[0]), std::abs(rise[1])});
  }
  INFO("largest apparent rise of a corner: " << largest << " inter-ocular distances");
  CHECK(largest < 0.015);  // half the detector's mouth threshold (0.03); 0.08 without the matching
}
