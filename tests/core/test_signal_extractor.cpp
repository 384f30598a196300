#include "core/signal_extractor.h"
#include "core/events.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hemitrack;

namespace {
FaceMeasurement face(double ear_right, double ear_left, double brow = 0.4) {
  FaceMeasurement m;
  m.face_found = true;
  m.quality = 1.0;
  m.side[0] = {ear_right, 0.45, 1.1, brow};
  m.side[1] = {ear_left, 0.45, 1.1, brow};
  m.frame.inter_ocular = 60.0;
  m.frame.x_axis = {1.0, 0.0};
  m.frame.y_axis = {0.0, 1.0};
  return m;
}
}  // namespace

TEST_CASE("closure is relative to each side's own open eye") {
  SignalExtractor x(SignalConfig{});
  // Unequal eyes are normal: the right eye is open at 0.25, the left at 0.32.
  for (int i = 0; i < 300; ++i) x.push(i / 30.0, face(0.25, 0.32));
  const FrameSignals open = x.push(10.0, face(0.25, 0.32));
  CHECK(open.closure[0] == Approx(0.0).margin(1e-9));
  CHECK(open.closure[1] == Approx(0.0).margin(1e-9));
  // Fully closed is 40% of the open ratio (SignalConfig::closed_eye_fraction).
  const FrameSignals closed_left = x.push(10.04, face(0.25, 0.32 * 0.4));
  CHECK(closed_left.closure[1] == Approx(1.0));
  CHECK(closed_left.closure[0] == Approx(0.0).margin(1e-9));
}

TEST_CASE("the open-eye baseline survives frequent blinks and follows slow drift") {
  SignalExtractor x(SignalConfig{});
  double t = 0;
  for (int i = 0; i < 900; ++i, t += 1 / 30.0) x.push(t, face(i % 30 < 4 ? 0.1 : 0.3, 0.3));  // blinking 13% of the time
  CHECK(x.open_eye_baseline(Side::right) == Approx(0.3));
  for (int i = 0; i < 900; ++i, t += 1 / 30.0) x.push(t, face(0.26, 0.26));  // 30 s later the eyes rest lower
  CHECK(x.open_eye_baseline(Side::right) == Approx(0.26));
}

TEST_CASE("brow movement is signed: raised is positive") {
  SignalExtractor x(SignalConfig{});
  for (int i = 0; i < 300; ++i) x.push(i / 30.0, face(0.3, 0.3, 0.40));
  const FrameSignals s = x.push(10.0, face(0.3, 0.3, 0.47));
  CHECK(s.brow[0] == Approx(0.07).margin(0.005));
}

TEST_CASE("frames without a face, badly tracked, or with extreme pose carry no signal") {
  SignalExtractor x(SignalConfig{});
  FaceMeasurement lost;
  const FrameSignals none = x.push(0.0, lost);
  CHECK_FALSE(none.valid);
  CHECK(none.why_not == NotMeasured::no_face);
  FaceMeasurement poor = face(0.3, 0.3);
  poor.quality = 0.1;
  const FrameSignals hard = x.push(0.1, poor);
  CHECK_FALSE(hard.valid);
  CHECK(hard.why_not == NotMeasured::hard_to_follow);
  // A turned head is the reason given even when the fit is poor too: it is what the user can change.
  FaceMeasurement turned = face(0.3, 0.3);
  turned.extreme_pose = true;
  turned.quality = 0.1;
  const FrameSignals away = x.push(0.2, turned);
  CHECK_FALSE(away.valid);
  CHECK(away.why_not == NotMeasured::head_turned);
  const FrameSignals fine = x.push(0.3, face(0.3, 0.3));
  CHECK(fine.valid);
  CHECK(fine.why_not == NotMeasured::no);
}

TEST_CASE("a fast head movement makes frames invalid") {
  SignalExtractor x(SignalConfig{});
  FaceMeasurement a = face(0.3, 0.3);
  a.frame.origin = {100, 100};
  CHECK(x.push(0.0, a).valid);
  FaceMeasurement b = a;
  b.frame.origin = {130, 100};  // half an inter-ocular distance in 33 ms
  const FrameSignals moved = x.push(1 / 30.0, b);
  CHECK_FALSE(moved.valid);
  CHECK(moved.why_not == NotMeasured::moving);
}

TEST_CASE("speech moving both mouth corners together does not count as mouth noise, unequal movement does") {
  // Mouth-corner height wobbling at a syllable rate, on both corners alike or in opposition.
  const auto spread_after_speech = [](double left_phase) {
    SignalExtractor x(SignalConfig{});
    FrameSignals s;
    for (int i = 0; i < 300; ++i) {
      const double t = i / 30.0;
      FaceMeasurement m = face(0.3, 0.3);
      m.side[0].mouth_down = 1.1 + 0.05 * std::sin(2.0 * 3.14159265 * 3.0 * t);
      m.side[1].mouth_down = 1.1 + 0.05 * std::sin(2.0 * 3.14159265 * 3.0 * t + left_phase);
      s = x.push(t, m);
    }
    return s.spread[static_cast<std::size_t>(Region::mouth)];
  };
  CHECK(spread_after_speech(0.0) < 0.002);
  CHECK(spread_after_speech(3.14159265) > 0.03);
}

TEST_CASE("long one-sided mouth pulls do not count as mouth noise") {
  // Both corners jitter a little, unequally; with `pulls` the right corner is also pulled up by 0.1
  // for 2.4 s of every 5 s, as on footage with frequent tonic spasms.
  const auto mouth_spread = [](bool pulls) {
    SignalExtractor x(SignalConfig{});
    FrameSignals s;
    unsigned state = 7;
    const auto jitter = [&] {
      state = state * 1103515245u + 12345u;
      return ((state >> 16) % 1000) / 1000.0 * 0.01 - 0.005;
    };
    for (int i = 0; i < 900; ++i) {
      const double t = i / 30.0;
      FaceMeasurement m = face(0.3, 0.3);
      m.side[0].mouth_down = 1.1 + jitter() - (pulls && std::fmod(t, 5.0) >= 2.6 ? 0.1 : 0.0);
      m.side[1].mouth_down = 1.1 + jitter();
      s = x.push(t, m);
    }
    return s.spread[static_cast<std::size_t>(Region::mouth)];
  };
  const double quiet = mouth_spread(false);
  CHECK(quiet > 0.001);
  CHECK(mouth_spread(true) < 1.2 * quiet);
}

TEST_CASE("the eye's picture adds its share to the closure, measured from where it rests") {
  SignalConfig config;
  SignalExtractor x(config);
  FaceMeasurement m = face(0.3, 0.3);
  m.eye_change = std::array<double, 2>{0.03, 0.02};  // open eyes rest a little above 0
  for (int i = 0; i < 300; ++i) x.push(i / 30.0, m);
  CHECK(x.push(10.0, m).closure[0] == Approx(0.0).margin(1e-9));

  // Lid landmarks that stay open while the picture shows a closed right eye (a held closure the
  // landmarks lose): the picture alone closes it by its share.
  m.eye_change = std::array<double, 2>{0.03 + config.closed_eye_change, 0.02};
  const FrameSignals held = x.push(10.04, m);
  CHECK(held.closure[0] == Approx(config.appearance_weight));
  CHECK(held.closure[1] == Approx(0.0).margin(1e-9));

  // Both measures closed: fully closed. Half the change with open lids: half the share.
  const FrameSignals both = x.push(10.08, [&] {
    FaceMeasurement c = face(0.3 * config.closed_eye_fraction, 0.3);
    c.eye_change = std::array<double, 2>{0.03 + config.closed_eye_change, 0.02};
    return c;
  }());
  CHECK(both.closure[0] == Approx(1.0));
  m.eye_change = std::array<double, 2>{0.03 + config.closed_eye_change / 2, 0.02};
  CHECK(x.push(10.12, m).closure[0] == Approx(config.appearance_weight / 2));
}

TEST_CASE("appearance settings are validated") {
  SignalConfig c;
  c.appearance_weight = 1.5;
  CHECK_FALSE(c.validate().empty());
  c = SignalConfig{};
  c.closed_eye_change = 0.0;
  CHECK_FALSE(c.validate().empty());
  CHECK(SignalConfig{}.validate().empty());
}
