#include "core/twitch_detector.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

using namespace hemitrack;

namespace {

constexpr double kFps = 30.0;

// Builds a synthetic signal trace: relaxed both sides with a little deterministic noise, plus
// whatever the test paints on top.
struct Trace {
  std::vector<FrameSignals> frames;

  explicit Trace(double seconds, double fps = kFps) {
    unsigned state = 12345;
    const auto noise = [&] {
      state = state * 1103515245u + 12345u;
      return ((state >> 16) % 1000) / 1000.0 * 0.06;  // 0..0.06
    };
    for (int i = 0; i < static_cast<int>(seconds * fps); ++i) {
      FrameSignals s;
      s.time_s = i / fps;
      s.face_found = s.valid = s.settled = true;
      s.quality = 1.0;
      s.closure = {noise(), noise()};
      s.mouth = {noise() * 0.2, noise() * 0.2};
      s.brow = {noise() * 0.1, noise() * 0.1};
      frames.push_back(s);
    }
  }
  // Sets a signal over [t0, t1) for one side.
  Trace& paint(Side side, double t0, double t1, const std::function<void(FrameSignals&, std::size_t)>& f) {
    for (auto& s : frames)
      if (s.time_s >= t0 && s.time_s < t1) f(s, static_cast<std::size_t>(index_of(side)));
    return *this;
  }
  Trace& close_eye(Side side, double t0, double t1, double closure = 0.85) {
    return paint(side, t0, t1, [&](FrameSignals& s, std::size_t i) { s.closure[i] = closure; });
  }
  Trace& pull_mouth(Side side, double t0, double t1, double amount = 0.1) {
    return paint(side, t0, t1, [&](FrameSignals& s, std::size_t i) { s.mouth[i] = amount; });
  }
  // Speech: both mouth corners held at `level` (below their baselines when negative).
  Trace& speak(double t0, double t1, double level) {
    return pull_mouth(Side::left, t0, t1, level).pull_mouth(Side::right, t0, t1, level);
  }
  Trace& move_brow(Side side, double t0, double t1, double amount) {
    return paint(side, t0, t1, [&](FrameSignals& s, std::size_t i) { s.brow[i] = amount; });
  }
};

struct Detected {
  std::vector<TwitchEvent> events;
  std::vector<Blink> blinks;
};

Detected run(const Trace& trace, DetectorConfig config = {}) {
  TwitchDetector detector(config);
  for (const auto& s : trace.frames) detector.push(s);
  detector.finish();
  return {detector.take_events(), detector.take_blinks()};
}

// One event, on `side`, and no blink.
void check_one_event_alone(const Detected& d, Side side) {
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == side);
  CHECK(d.blinks.empty());
}

}  // namespace

TEST_CASE("an 80 ms left-only closure is one left clonic eye event") {
  const Detected d = run(Trace(4.0).close_eye(Side::left, 2.0, 2.08));
  REQUIRE(d.events.size() == 1);
  const TwitchEvent& e = d.events[0];
  CHECK(e.side == Side::left);
  CHECK(e.kind == EventKind::clonic);
  CHECK(e.regions == std::vector<Region>{Region::eye});
  CHECK(e.start_s == Approx(2.0).margin(0.05));
  CHECK(e.peak_closure == Approx(0.85));
  CHECK(d.blinks.empty());
}

TEST_CASE("a symmetric 250 ms closure is a blink, not an event") {
  const Detected d = run(Trace(4.0).close_eye(Side::left, 2.0, 2.25).close_eye(Side::right, 2.0, 2.25));
  CHECK(d.events.empty());
  REQUIRE(d.blinks.size() == 1);
  CHECK(d.blinks[0].start_s == Approx(2.0).margin(0.05));
  CHECK(d.blinks[0].end_s == Approx(2.25).margin(0.05));
}

TEST_CASE("a blink with unequal depth and a one-frame lag is still a blink") {
  const Detected d = run(Trace(4.0).close_eye(Side::left, 2.0, 2.2, 0.9).close_eye(Side::right, 2.033, 2.233, 0.5));
  CHECK(d.events.empty());
  CHECK(d.blinks.size() == 1);
}

TEST_CASE("a blink whose other eye reads shallow but closes in step is a blink, the same depth out of step is not") {
  // The right eye's fit reaches only a third of the left's depth, below a closure of its own...
  const Detected in_step = run(Trace(4.0).close_eye(Side::left, 2.0, 2.2, 0.9).close_eye(Side::right, 2.0, 2.2, 0.29));
  CHECK(in_step.events.empty());
  CHECK(in_step.blinks.size() == 1);
  // ...which, when it comes just after the left closure instead, is the other fit's noise.
  const Detected out_of_step =
      run(Trace(4.0).close_eye(Side::left, 2.0, 2.2, 0.9).close_eye(Side::right, 2.22, 2.3, 0.29));
  REQUIRE(out_of_step.events.size() == 1);
  CHECK(out_of_step.events[0].side == Side::left);
}

TEST_CASE("a shallow other eye moving in step does not make a closure held longer than a blink a blink") {
  // The left lid held at 0.5 for 0.6 s while the right eye's fit follows at a third of it, in
  // step (a head movement shifting both fits): no blink holds its lids that long.
  const Detected held = run(Trace(4.0).close_eye(Side::left, 2.0, 2.6, 0.5).close_eye(Side::right, 2.0, 2.6, 0.17));
  REQUIRE(held.events.size() == 1);
  CHECK(held.events[0].side == Side::left);
  CHECK(held.blinks.empty());
  // The same shallow partner on a blink-length closure is a blink.
  const Detected brief = run(Trace(4.0).close_eye(Side::left, 2.0, 2.2, 0.5).close_eye(Side::right, 2.0, 2.2, 0.17));
  CHECK(brief.events.empty());
  CHECK(brief.blinks.size() == 1);
}

TEST_CASE("an other eye resting half-closed that barely moves with a twitch does not make it a blink") {
  // A turned head: the right eye's fit rests at 0.15 and reads 0.2 while the left twitches.
  Trace trace(4.0);
  trace.close_eye(Side::right, 0.0, 4.0, 0.15).close_eye(Side::right, 2.0, 2.2, 0.2);
  trace.close_eye(Side::left, 2.0, 2.2, 0.5);
  check_one_event_alone(run(trace), Side::left);
}

TEST_CASE("the other eye's fit reaching half the depth once, away from the twitch's apex, does not make it a blink") {
  // The right lid closes at once and holds for 170 ms; the left eye's fit reads 0.27 on one frame
  // 100 ms later. A blink's lids are deepest together.
  Trace trace(4.0);
  trace.close_eye(Side::right, 2.0, 2.16, 0.5).close_eye(Side::left, 2.09, 2.11, 0.27);
  check_one_event_alone(run(trace), Side::right);
}

TEST_CASE("at 15 fps the other eye's fit noise on the frame after a twitch's apex does not make it a blink") {
  // One frame is 67 ms: the right eye reads 0.27 on the frame after the left's one-frame twitch.
  Trace trace(4.0, 15.0);
  trace.close_eye(Side::left, 2.0, 2.05, 0.45).close_eye(Side::right, 2.06, 2.1, 0.27);
  check_one_event_alone(run(trace), Side::left);
  // A blink whose other eye lags by that frame closes both eyes over several frames: still a blink.
  const Detected blink = run(Trace(4.0, 15.0).close_eye(Side::left, 2.0, 2.2, 0.9).close_eye(Side::right, 2.06, 2.26, 0.5));
  CHECK(blink.events.empty());
  CHECK(blink.blinks.size() == 1);
}

TEST_CASE("the other eye narrowing just after a one-sided twitch has passed does not make the twitch a blink") {
  // The right twitch peaks and falls back to a quarter; 100 ms after its apex the left eye narrows
  // by a closure of its own (a squint of the person's) while the right is still settling.
  Trace trace(4.0);
  trace.close_eye(Side::right, 2.0, 2.05, 0.55).close_eye(Side::right, 2.05, 2.2, 0.24);
  trace.close_eye(Side::left, 2.12, 2.2, 0.33);
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::right);
}

TEST_CASE("a one-sided closure longer than any blink is an event even when the other eye's noise spikes at its apex") {
  // On a turned head the other eye's fit reads one frame, at the apex, at half the closure's depth.
  Trace trace(4.0);
  trace.close_eye(Side::left, 2.0, 2.85, 0.5).close_eye(Side::right, 2.0, 2.03, 0.27);
  check_one_event_alone(run(trace), Side::left);
  // Both eyes closed as long is no one-sided event.
  CHECK(run(Trace(4.0).close_eye(Side::left, 2.0, 2.85, 0.5).close_eye(Side::right, 2.0, 2.85, 0.45)).events.empty());
}

TEST_CASE("a blink that follows a long half-lowered lid is a blink, not a long one-sided closure") {
  // The left lid hangs just over the start threshold for 1.5 s (a squint), then both eyes blink:
  // the episode opened at the squint, but the contraction proper is the short, shared blink.
  Trace trace(5.0);
  trace.close_eye(Side::left, 1.0, 2.5, 0.3);
  trace.close_eye(Side::left, 2.5, 2.7, 0.9).close_eye(Side::right, 2.5, 2.7, 0.9);
  const Detected d = run(trace);
  CHECK(d.events.empty());
  CHECK(d.blinks.size() == 1);
}

TEST_CASE("a 2 s left closure is one tonic event") {
  const Detected d = run(Trace(5.0).close_eye(Side::left, 1.5, 3.5));
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::left);
  CHECK(d.events[0].kind == EventKind::tonic);
  CHECK(d.events[0].duration_s() == Approx(2.0).margin(0.07));
}

TEST_CASE("the twitches of a burst stay separate events") {
  Trace trace(5.0);
  for (int k = 0; k < 4; ++k) trace.close_eye(Side::right, 2.0 + k * 0.3, 2.0 + k * 0.3 + 0.1);
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 4);
  for (const auto& e : d.events) CHECK(e.side == Side::right);
  for (std::size_t k = 1; k < 4; ++k) CHECK(d.events[k].start_s > d.events[k - 1].end_s - 1e-9);
}

TEST_CASE("a held closure whose reading sags mid-way, as the lid landmarks do, stays one tonic event") {
  // Read 0.9, then 0.32-0.38 for a second (under half the peak but still a closed lid, above the
  // on-threshold), then 0.9 again: one 2.4 s spasm, not two clonic pieces.
  Trace trace(6.0);
  trace.close_eye(Side::left, 1.5, 2.0, 0.9).close_eye(Side::left, 2.0, 3.0, 0.32).close_eye(Side::left, 2.5, 2.8, 0.38);
  trace.close_eye(Side::left, 3.0, 3.9, 0.9);
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::left);
  CHECK(d.events[0].kind == EventKind::tonic);
  CHECK(d.events[0].duration_s() == Approx(2.4).margin(0.1));
}

TEST_CASE("a held closure that peaks on one early frame and then reads near half that stays one tonic event") {
  // As on the JeFaPaTo clip's 2.7 s spasm: one frame at 0.5 as the lid shuts, then 0.3 with
  // pairs of frames under half the peak, one of them under the on-threshold. The episode never
  // released (no two frames under 0.45 of the peak), so the spasm lasted all of it.
  Trace trace(6.0);
  trace.close_eye(Side::left, 1.5, 3.5, 0.3).close_eye(Side::left, 1.5, 1.54, 0.5);
  trace.close_eye(Side::left, 2.0, 2.04, 0.25).close_eye(Side::left, 2.04, 2.07, 0.21);
  trace.close_eye(Side::left, 2.6, 2.64, 0.24).close_eye(Side::left, 2.64, 2.67, 0.23);
  const Detected d = run(trace);
  check_one_event_alone(d, Side::left);
  CHECK(d.events[0].kind == EventKind::tonic);
  CHECK(d.events[0].duration_s() == Approx(2.0).margin(0.1));
}

TEST_CASE("the twitches of a burst separate when the lid half-reopens between them") {
  // Between twitches the lid reopens only to 0.2 (a third of the way): below the on-threshold, so
  // each twitch is its own event even though the lid never comes back to rest.
  Trace trace(5.0);
  trace.close_eye(Side::right, 2.0, 3.2, 0.2);
  for (int k = 0; k < 4; ++k) trace.close_eye(Side::right, 2.0 + k * 0.3, 2.0 + k * 0.3 + 0.12, 0.8);
  const Detected d = run(trace);
  CHECK(d.events.size() == 4);
  for (const auto& e : d.events) CHECK(e.kind == EventKind::clonic);
}

TEST_CASE("a blink of the other eye during a one-sided tonic spasm does not hide the spasm") {
  const Detected d = run(Trace(6.0).close_eye(Side::right, 2.0, 4.0).close_eye(Side::left, 3.0, 3.2));
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::right);
  CHECK(d.events[0].kind == EventKind::tonic);
}

TEST_CASE("a one-sided mouth-corner pull is a mouth event, a symmetric smile is nothing") {
  const Detected one = run(Trace(4.0).pull_mouth(Side::right, 2.0, 2.2));
  REQUIRE(one.events.size() == 1);
  CHECK(one.events[0].side == Side::right);
  CHECK(one.events[0].regions == std::vector<Region>{Region::mouth});
  CHECK(one.events[0].peak_closure == 0.0);

  const Detected smile = run(Trace(4.0).pull_mouth(Side::right, 2.0, 2.6).pull_mouth(Side::left, 2.0, 2.6));
  CHECK(smile.events.empty());
}

TEST_CASE("eye and mouth twitching together on one side are one event with both regions") {
  const Detected d = run(Trace(4.0).close_eye(Side::left, 2.0, 2.2).pull_mouth(Side::left, 2.03, 2.2));
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].regions == std::vector<Region>{Region::eye, Region::mouth});
}

TEST_CASE("the other Babinski sign: brow rising on the closing eye's side is marked") {
  const Detected raised = run(Trace(4.0).close_eye(Side::left, 2.0, 2.3).move_brow(Side::left, 2.0, 2.3, 0.09));
  REQUIRE(raised.events.size() == 1);
  CHECK(raised.events[0].other_babinski);
  CHECK(raised.events[0].involves(Region::brow));

  const Detected lowered = run(Trace(4.0).close_eye(Side::left, 2.0, 2.3).move_brow(Side::left, 2.0, 2.3, -0.09));
  REQUIRE(lowered.events.size() == 1);
  CHECK_FALSE(lowered.events[0].other_babinski);
  CHECK(lowered.events[0].involves(Region::brow));
}

TEST_CASE("events are reported while streaming, without waiting for the end") {
  Trace trace(4.0);
  trace.close_eye(Side::right, 1.0, 1.1);
  TwitchDetector detector(DetectorConfig{});
  std::vector<TwitchEvent> seen;
  double reported_at = -1;
  for (const auto& s : trace.frames) {
    detector.push(s);
    for (auto& e : detector.take_events()) {
      seen.push_back(e);
      if (reported_at < 0) reported_at = s.time_s;
    }
  }
  REQUIRE(seen.size() == 1);
  CHECK(reported_at < 1.1 + DetectorConfig{}.settle_s + 0.2);
}

TEST_CASE("frames without a face end an episode rather than stretch it") {
  Trace trace(5.0);
  trace.close_eye(Side::left, 2.0, 3.5);
  for (auto& s : trace.frames)
    if (s.time_s >= 2.2) s.valid = false;
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].kind == EventKind::clonic);
  CHECK(d.events[0].end_s < 2.3);
}

TEST_CASE("a tonic closure through the frames a fast head movement loses stays one event") {
  // A quick turn or nod flags 0.4-0.45 s of frames as not comparable in the middle of a spasm.
  Trace trace(6.0);
  trace.close_eye(Side::left, 1.5, 3.5);
  for (auto& s : trace.frames)
    if (s.time_s >= 2.3 && s.time_s < 2.75) s.valid = false;
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::left);
  CHECK(d.events[0].kind == EventKind::tonic);
  CHECK(d.events[0].duration_s() == Approx(2.0).margin(0.07));
}

TEST_CASE("detector configuration rejects contradictory thresholds") {
  DetectorConfig c;
  CHECK(c.validate().empty());
  c.eye_off = c.eye_on + 0.1;
  CHECK_FALSE(c.validate().empty());
  c = DetectorConfig{};
  c.partner_fraction = 0.0;
  CHECK_FALSE(c.validate().empty());
  c = DetectorConfig{};
  c.max_episode_s = 0.5;
  CHECK_FALSE(c.validate().empty());
  c = DetectorConfig{};
  c.recent_rest_window_s = c.rest_window_s * 2.0;  // "recent" would reach further back than the rest
  CHECK_FALSE(c.validate().empty());
  c = DetectorConfig{};
  c.blink_hold_s = c.long_closure_s + 0.1;
  CHECK_FALSE(c.validate().empty());
}

TEST_CASE("mouth movement during a blink is the shape model's coupling, not an event") {
  const Detected d = run(Trace(4.0)
                             .close_eye(Side::left, 2.0, 2.2)
                             .close_eye(Side::right, 2.0, 2.2)
                             .pull_mouth(Side::left, 2.03, 2.17, 0.07));
  CHECK(d.events.empty());
  CHECK(d.blinks.size() == 1);
}

TEST_CASE("a closure whose other eye follows only shallowly is one-sided when its mouth corner alone pulls with it") {
  // The right eye's fit closes a third as deep in step (a blink, were it alone); the left mouth
  // corner pulling at the same moment makes it a left hemifacial twitch.
  Trace trace(4.0);
  trace.close_eye(Side::left, 2.0, 2.1, 0.5).close_eye(Side::right, 2.0, 2.1, 0.2);
  CHECK(run(trace).blinks.size() == 1);
  trace.pull_mouth(Side::left, 2.0, 2.1, 0.06);
  const Detected d = run(trace);
  check_one_event_alone(d, Side::left);
  CHECK(d.events[0].involves(Region::mouth));
}

TEST_CASE("a tonic mouth pull that begins during a blink is still a one-sided tonic event") {
  const Detected d = run(Trace(6.0)
                             .close_eye(Side::left, 2.0, 2.2)
                             .close_eye(Side::right, 2.0, 2.2)
                             .pull_mouth(Side::left, 2.05, 3.8, 0.07));
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::left);
  CHECK(d.events[0].regions == std::vector<Region>{Region::mouth});
  CHECK(d.events[0].kind == EventKind::tonic);
  CHECK(d.blinks.size() == 1);
}

TEST_CASE("a closure that only pokes over the threshold from a raised resting level is not a twitch") {
  // The left lid rests half-lowered (a slow squint the baseline has not followed yet)...
  Trace trace(5.0);
  trace.close_eye(Side::left, 1.0, 5.0, 0.22);
  // ...and noise lifts it over the threshold for two frames.
  trace.close_eye(Side::left, 3.0, 3.07, 0.42);
  CHECK(run(trace).events.empty());
  // The same peak from a relaxed lid is a twitch.
  CHECK(run(Trace(5.0).close_eye(Side::left, 3.0, 3.07, 0.42)).events.size() == 1);
}

TEST_CASE("a twitch right after both eyes reopen from a squint is measured from where the lid settled") {
  // Both lids held half-lowered (a laugh) until 0.4 s before a right twitch: most of the second
  // before the twitch is still the squint.
  Trace trace(5.0);
  trace.close_eye(Side::left, 1.0, 2.6, 0.5).close_eye(Side::right, 1.0, 2.6, 0.5);
  trace.close_eye(Side::right, 3.0, 3.12, 0.6);
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::right);
  CHECK(d.events[0].start_s == Approx(3.0).margin(0.05));
  // With frames lost just before the twitch there is no settled level to measure it from.
  for (auto& s : trace.frames)
    if (s.time_s >= 2.8 && s.time_s < 2.9) s.valid = false;
  CHECK(run(trace).events.empty());
}

TEST_CASE("a twitch just after a tonic spasm is measured from the rest before the spasm, not from the spasm") {
  // Most of the second before the twitch is the spasm itself: the lid was contracting, not resting.
  const Detected d = run(Trace(5.0).close_eye(Side::left, 1.0, 2.7, 0.9).close_eye(Side::left, 3.0, 3.1, 0.35));
  REQUIRE(d.events.size() == 2);
  CHECK(d.events[0].kind == EventKind::tonic);
  CHECK(d.events[1].side == Side::left);
  CHECK(d.events[1].start_s == Approx(3.0).margin(0.05));
}

TEST_CASE("a one-sided closure held for over a second counts even when it reads shallow above a raised rest") {
  // The left lid reads 0.1 at rest (a small face's noisy fit); a tonic spasm reads only 0.3, a
  // rise under the threshold, but for 1.6 s while the right eye stays open.
  Trace trace(6.0);
  trace.close_eye(Side::left, 1.0, 6.0, 0.1);
  trace.close_eye(Side::left, 3.0, 4.6, 0.3);
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::left);
  CHECK(d.events[0].kind == EventKind::tonic);
  CHECK(d.events[0].start_s == Approx(3.0).margin(0.1));
  // The same shallow reading for a blink's length is noise, not a twitch.
  Trace brief(6.0);
  brief.close_eye(Side::left, 1.0, 6.0, 0.1);
  brief.close_eye(Side::left, 3.0, 3.4, 0.3);
  CHECK(run(brief).events.empty());
}

TEST_CASE("noisy footage raises the thresholds with its measured spread") {
  Trace trace(4.0);
  trace.close_eye(Side::left, 2.0, 2.1, 0.45);
  CHECK(run(trace).events.size() == 1);
  for (auto& s : trace.frames) s.spread = {0.2, 0.0, 0.0};  // eye asymmetry scatters widely here
  CHECK(run(trace).events.empty());
}

TEST_CASE("nothing is detected before the baselines have settled") {
  Trace trace(4.0);
  trace.close_eye(Side::left, 0.5, 0.6);
  for (auto& s : trace.frames) s.settled = s.time_s >= 1.0;
  CHECK(run(trace).events.empty());
}

TEST_CASE("a mouth corner rising while the other falls is a tilted fit, not a one-sided pull") {
  Trace trace(4.0);
  trace.pull_mouth(Side::right, 2.0, 2.2, 0.08).pull_mouth(Side::left, 2.0, 2.2, -0.08);
  CHECK(run(trace).events.empty());
}

TEST_CASE("a modest brow rise during a one-sided closure marks the Babinski sign, lid coupling does not") {
  const Detected sign = run(Trace(4.0).close_eye(Side::right, 2.0, 2.3).move_brow(Side::right, 2.0, 2.3, 0.045));
  REQUIRE(sign.events.size() == 1);
  CHECK(sign.events[0].other_babinski);
  CHECK(sign.events[0].involves(Region::brow));

  const Detected coupling = run(Trace(4.0).close_eye(Side::right, 2.0, 2.3).move_brow(Side::right, 2.0, 2.3, 0.012));
  REQUIRE(coupling.events.size() == 1);
  CHECK_FALSE(coupling.events[0].other_babinski);

  const Detected both_brows = run(
      Trace(4.0).close_eye(Side::right, 2.0, 2.3).move_brow(Side::right, 2.0, 2.3, 0.045).move_brow(Side::left, 2.0, 2.3, 0.04));
  REQUIRE(both_brows.events.size() == 1);
  CHECK_FALSE(both_brows.events[0].other_babinski);
}

TEST_CASE("a shallow closure whose brow alone rises with it is a Babinski event, without the brow it is noise") {
  // Behind glasses the lid points follow a full closure to about 0.2: under the eye threshold.
  const auto shallow = [] { return Trace(4.0).close_eye(Side::left, 2.0, 2.15, 0.2); };
  const Detected supported = run(shallow().move_brow(Side::left, 2.0, 2.15, 0.045));
  REQUIRE(supported.events.size() == 1);
  CHECK(supported.events[0].side == Side::left);
  CHECK(supported.events[0].involves(Region::eye));
  CHECK(supported.events[0].other_babinski);
  CHECK(supported.events[0].start_s == Approx(2.0).margin(0.05));

  CHECK(run(shallow()).events.empty());
  // Both brows rising is an expression (surprise), not the sign.
  CHECK(run(shallow().move_brow(Side::left, 2.0, 2.15, 0.045).move_brow(Side::right, 2.0, 2.15, 0.04)).events.empty());
  // Just after the face was lost for a moment (a head turning), the weaker evidence is not taken.
  Trace after_dropout = shallow().move_brow(Side::left, 2.0, 2.15, 0.045);
  after_dropout.paint(Side::left, 1.5, 1.54, [](FrameSignals& s, std::size_t) { s.valid = s.settled = false; });
  CHECK(run(after_dropout).events.empty());
}

TEST_CASE("speech lifting both mouth corners unequally from a lowered rest is not a one-sided pull") {
  // Both corners rest low (mouth open in speech), then close upwards together: the left by 0.06,
  // the right by 0.033. The right ends near its baseline, but it moved half as far as the left.
  Trace trace(4.0);
  trace.speak(0.0, 4.0, -0.012);
  trace.pull_mouth(Side::left, 2.0, 2.4, 0.048).pull_mouth(Side::right, 2.0, 2.4, 0.021);
  CHECK(run(trace).events.empty());
  // The same left rise with the right corner staying put is a one-sided pull.
  Trace one_sided(4.0);
  one_sided.speak(0.0, 4.0, -0.012);
  one_sided.pull_mouth(Side::left, 2.0, 2.4, 0.048);
  const Detected d = run(one_sided);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::left);
}

TEST_CASE("speech lifting both corners in step is not a one-sided pull, even when one moves under half as far") {
  // As in the real cap13 footage at 12.2 s: the left corner rises to 0.08 and the right, in the
  // same frames, to 0.04 (0.46 of the left's rise from where each rested): one movement of the
  // mouth, unequal, not a twitch.
  Trace in_step(4.0);
  in_step.pull_mouth(Side::left, 2.0, 2.1, 0.04).pull_mouth(Side::left, 2.1, 2.4, 0.08);
  in_step.pull_mouth(Side::right, 2.0, 2.1, 0.02).pull_mouth(Side::right, 2.1, 2.4, 0.04);
  CHECK(run(in_step).events.empty());
  // The same rise with the right corner staying where it was is a one-sided pull.
  Trace alone(4.0);
  alone.pull_mouth(Side::left, 2.0, 2.1, 0.04).pull_mouth(Side::left, 2.1, 2.4, 0.08);
  check_one_event_alone(run(alone), Side::left);
}

TEST_CASE("a one-sided mouth pull that relaxes as speech opens the mouth is still a one-sided pull") {
  // As on clm_cap12 at 9.6 s: the left corner held up by 0.08 for a second while the right stays
  // put. As it relaxes part-way (0.04, not yet released) he starts to speak, and the right corner
  // drops 0.06, then both: speech after the pull, not the right taking part in it.
  Trace trace(4.0);
  trace.pull_mouth(Side::left, 1.0, 2.0, 0.08).pull_mouth(Side::left, 2.0, 2.1, 0.04);
  trace.pull_mouth(Side::right, 2.0, 2.1, -0.06).speak(2.1, 2.6, -0.14);
  const Detected d = run(trace);
  check_one_event_alone(d, Side::left);
  CHECK(d.events[0].kind == EventKind::tonic);
}

TEST_CASE("a one-sided mouth pull during speech is measured from where the lowered corner was") {
  // Speech holds both corners 0.12 below their baselines; the right corner is pulled up by 0.06
  // for 150 ms, to -0.06: short of the baseline, yet a clear one-sided pull.
  Trace trace(6.0);
  trace.speak(2.0, 5.0, -0.12);
  trace.pull_mouth(Side::right, 3.5, 3.65, -0.06);
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::right);
  CHECK(d.events[0].regions == std::vector<Region>{Region::mouth});
  CHECK(d.events[0].start_s == Approx(3.5).margin(0.05));
  CHECK(d.events[0].end_s < 3.8);
  // Speech ending lifts both corners back to their baselines together: no pull, and nothing
  // held open that would swallow a later one.
  Trace speech_ends(8.0);
  speech_ends.speak(2.0, 4.0, -0.12);
  speech_ends.pull_mouth(Side::left, 6.0, 6.15, 0.07);
  const Detected after = run(speech_ends);
  REQUIRE(after.events.size() == 1);
  CHECK(after.events[0].side == Side::left);
  CHECK(after.events[0].start_s == Approx(6.0).margin(0.05));
}

TEST_CASE("a one-sided mouth pull during a held smile is measured from the smile") {
  // A laugh opens the mouth wide for most of a second, then both corners stay 0.04 up in a smile;
  // the right corner is pulled 0.06 further for 150 ms at 3 s.
  const auto laugh_then_smile = [] {
    Trace trace(6.0);
    trace.speak(0.5, 1.3, -0.3).speak(1.3, 5.0, 0.04);
    return trace;
  };
  Trace pulled = laugh_then_smile();
  pulled.pull_mouth(Side::right, 3.0, 3.15, 0.1);
  const Detected d = run(pulled);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::right);
  CHECK(d.events[0].start_s == Approx(3.0).margin(0.05));
  // The laugh and the smile alone are nothing.
  CHECK(run(laugh_then_smile()).events.empty());
}

TEST_CASE("the pulls of a mouth burst stay separate when the corner rests a little raised") {
  // The right corner rests 0.027 up (a faint smile, just under the mouth threshold) and sits at
  // 0.032 between three pulls to 0.1: it comes back to where it rested, not to its baseline.
  Trace trace(5.0);
  trace.pull_mouth(Side::right, 0.0, 5.0, 0.027).pull_mouth(Side::right, 2.1, 2.9, 0.032);
  for (int k = 0; k < 3; ++k) trace.pull_mouth(Side::right, 2.0 + k * 0.3, 2.0 + k * 0.3 + 0.1, 0.1);
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 3);
  for (const auto& e : d.events) CHECK(e.side == Side::right);
}

TEST_CASE("a twitch on a face tracked on only every other frame before it is still found") {
  // A turned head whose per-side fits disagree on alternate frames: half the resting window is
  // valid, which is still enough to know where the lid rested.
  Trace trace(4.0);
  for (std::size_t i = 0; i < trace.frames.size(); ++i)
    if (trace.frames[i].time_s < 2.0 && i % 2 == 1) trace.frames[i].valid = false;
  trace.close_eye(Side::right, 2.0, 2.1);
  const Detected d = run(trace);
  REQUIRE(d.events.size() == 1);
  CHECK(d.events[0].side == Side::right);
}
