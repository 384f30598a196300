#include "core/calibration.h"
#include "core/detector_config.h"

#include <catch2/catch.hpp>

using namespace hemitrack;

namespace {

FrameSignals frame(double t, bool face, bool valid, bool turned = false) {
  FrameSignals s;
  s.time_s = t;
  s.face_found = face;
  s.valid = valid;
  s.extreme_pose = turned;
  return s;
}

}  // namespace

TEST_CASE("calibration collects ten seconds of usable face time, not of wall time") {
  CalibrationTracker c;
  c.start(100.0);
  double t = 100.0;
  for (int i = 0; i < 150; ++i) c.push(frame(t += 1.0 / 30, true, true));  // 5 s usable
  CHECK(c.status().active);
  CHECK(c.status().progress == Approx(0.5).margin(0.01));
  CHECK(c.status().advice == "Look at the screen and blink normally.");
  for (int i = 0; i < 90; ++i) c.push(frame(t += 1.0 / 30, true, false, true));  // 3 s turned away
  CHECK(c.status().advice == "Turn towards the camera and look at the screen.");
  CHECK(c.status().progress == Approx(0.5).margin(0.01));
  for (int i = 0; i < 30; ++i) c.push(frame(t += 1.0 / 30, false, false));
  CHECK(c.status().advice == "No face in view: sit in front of the camera.");
  c.add_blinks(2);
  for (int i = 0; i < 151; ++i) c.push(frame(t += 1.0 / 30, true, true));  // 5 s more: done
  CHECK_FALSE(c.status().active);
  CHECK(c.status().done);
  CHECK(c.status().progress == 1.0);
  CHECK(c.status().blinks_seen == 2);
  CHECK(c.status().advice.rfind("Done: your resting face is learned", 0) == 0);
  c.add_blinks(5);  // after calibration: not counted
  CHECK(c.status().blinks_seen == 2);
}

TEST_CASE("calibration on a face that was mostly hard to see finishes with advice to redo it") {
  CalibrationTracker c(CalibrationConfig{.target_s = 2.0, .max_unusable_fraction = 0.5});
  c.start(0.0);
  double t = 0.0;
  for (int i = 0; i < 200; ++i) c.push(frame(t += 1.0 / 30, true, i % 3 == 0));  // a third usable
  CHECK(c.status().done);
  CHECK(c.status().advice.find("recalibrate") != std::string::npos);
}

TEST_CASE("recalibrating starts over") {
  CalibrationTracker c(CalibrationConfig{.target_s = 1.0, .max_unusable_fraction = 0.5});
  c.start(0.0);
  for (int i = 1; i <= 40; ++i) c.push(frame(i / 30.0, true, true));
  REQUIRE(c.status().done);
  c.start(2.0);
  CHECK(c.status().active);
  CHECK(c.status().progress == 0.0);
  CHECK_FALSE(c.status().done);
}

TEST_CASE("sensitivity scales every threshold alike and keeps the configuration valid") {
  const DetectorConfig base;
  const DetectorConfig low = base.scaled(1.3);
  const DetectorConfig high = base.scaled(0.8);
  CHECK(low.validate().empty());
  CHECK(high.validate().empty());
  CHECK(low.eye_on == Approx(base.eye_on * 1.3));
  CHECK(low.mouth_off == Approx(base.mouth_off * 1.3));
  CHECK(high.brow_noise_multiple == Approx(base.brow_noise_multiple * 0.8));
  CHECK(high.tonic_min_s == base.tonic_min_s);  // timing is not sensitivity
  CHECK(high.max_blink_s == base.max_blink_s);
}
