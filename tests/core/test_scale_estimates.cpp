#include "core/scale_estimates.h"
#include "sample_sessions.h"

#include <catch2/catch.hpp>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

// `eye_events` brief eye-only twitches in `hours` of monitoring, the lid closing to `closure`.
ScaleInputs measured(int eye_events, double hours, double closure = 0.9) {
  ScaleInputs in;
  in.monitored_h = hours;
  in.events = eye_events;
  in.by_spread[static_cast<std::size_t>(Spread::eye_only)] = eye_events;
  in.max_peak_closure = eye_events > 0 ? closure : 0.0;
  in.eye_closed_pct = 4.0;  // about what normal blinking gives
  return in;
}

ScaleInputs with_spread(ScaleInputs in, int to_mouth) {
  in.by_spread[static_cast<std::size_t>(Spread::eye_only)] -= to_mouth;
  in.by_spread[static_cast<std::size_t>(Spread::eye_mouth)] += to_mouth;
  return in;
}

bool mentions(const ScaleEstimate& e, const std::string& words) { return e.basis.find(words) != std::string::npos; }

}  // namespace

TEST_CASE("no estimate without monitored time") {
  for (const ScaleEstimate& e : {estimate_jankovic_frequency(measured(0, 0)),
                                 estimate_jankovic_severity(measured(0, 0)), estimate_smc_grade(measured(0, 0))}) {
    CHECK_FALSE(e.available);
    CHECK(e.score == 0);
    CHECK(e.scale.find("(estimate)") != std::string::npos);
  }
}

TEST_CASE("Jankovic frequency grade boundaries") {
  CHECK(estimate_jankovic_frequency(measured(0, 2)).score == 0);
  ScaleInputs mouth_only = measured(0, 1);
  mouth_only.events = 20;
  mouth_only.by_spread[static_cast<std::size_t>(Spread::without_eye)] = 20;
  CHECK(estimate_jankovic_frequency(mouth_only).score == 0);  // no eyelid involved
  // 5 brief twitches an hour: below the 6 per hour of "fluttering".
  const ScaleEstimate rare = estimate_jankovic_frequency(measured(5, 1));
  CHECK(rare.available);
  CHECK(rare.score == 1);
  CHECK(rare.max == 4);
  CHECK(mentions(rare, "5 brief eyelid twitches in 1.0 h (5.0 per hour, fewer than 6)"));
  CHECK(estimate_jankovic_frequency(measured(6, 1)).score == 2);
  CHECK(estimate_jankovic_frequency(measured(11, 2)).score == 1);  // 5.5 per hour
  // A spasm over 1 s with the eye open more than half the time: 3, right up to 50 % closed.
  ScaleInputs spasm = measured(6, 1);
  spasm.tonic = 1;
  CHECK(estimate_jankovic_frequency(spasm).score == 3);
  spasm.eye_closed_pct = 50.0;
  CHECK(estimate_jankovic_frequency(spasm).score == 3);
  spasm.eye_closed_pct = 50.1;
  CHECK(estimate_jankovic_frequency(spasm).score == 4);
  CHECK(mentions(estimate_jankovic_frequency(spasm), "more than half the time"));
  // An eye shut most of the time without spasms is not scored as spasm.
  ScaleInputs dozing = measured(6, 1);
  dozing.eye_closed_pct = 80.0;
  CHECK(estimate_jankovic_frequency(dozing).score == 2);
}

TEST_CASE("Jankovic severity grade boundaries") {
  CHECK(estimate_jankovic_severity(measured(0, 2)).score == 0);
  // Rare twitches, however deep: 1.
  const ScaleEstimate rare = estimate_jankovic_severity(measured(5, 1, 1.0));
  CHECK(rare.score == 1);
  CHECK(mentions(rare, "few (5.0 per hour)"));
  // Frequent but shallow (the lid never closes halfway): 1.
  const ScaleEstimate shallow = estimate_jankovic_severity(measured(12, 1, 0.49));
  CHECK(shallow.score == 1);
  CHECK(mentions(shallow, "shallow (peak closure 0.49)"));
  // Frequent and at least half closed: 2.
  CHECK(estimate_jankovic_severity(measured(6, 1, 0.5)).score == 2);
  // A sustained spasm closing the lid halfway: 3 while the eye is closed under 25 % of the time.
  ScaleInputs spasm = measured(6, 1, 0.5);
  spasm.tonic = 1;
  spasm.eye_closed_pct = 24.9;
  CHECK(estimate_jankovic_severity(spasm).score == 3);
  spasm.eye_closed_pct = 25.0;
  CHECK(estimate_jankovic_severity(spasm).score == 4);
  // A shallow sustained narrowing is not a spasm closing the eye.
  ScaleInputs narrowing = measured(12, 1, 0.4);
  narrowing.tonic = 3;
  narrowing.eye_closed_pct = 30.0;
  CHECK(estimate_jankovic_severity(narrowing).score == 1);
  // Spread is explained, not scored.
  const ScaleEstimate spread = estimate_jankovic_severity(with_spread(measured(6, 1, 0.5), 6));
  CHECK(spread.score == 2);
  CHECK(mentions(spread, "spread to the mouth or brow does not change this estimate"));
  CHECK_FALSE(mentions(estimate_jankovic_severity(measured(6, 1, 0.5)), "spread"));
}

TEST_CASE("SMC grade boundaries") {
  CHECK(estimate_smc_grade(measured(0, 2)).score == 0);
  // 3 of 40 reaching the mouth is 7.5 %: still grade I.
  const ScaleEstimate one = estimate_smc_grade(with_spread(measured(40, 4), 3));
  CHECK(one.score == 1);
  CHECK(mentions(one, "3 of 40 twitches reached the mouth or brow"));
  // 4 of 40 is 10 %: grade II.
  CHECK(estimate_smc_grade(with_spread(measured(40, 4), 4)).score == 2);
  // One spreading event of five is 20 %, but one event is a coincidence, not spread.
  CHECK(estimate_smc_grade(with_spread(measured(5, 1), 1)).score == 1);
  CHECK(estimate_smc_grade(with_spread(measured(5, 1), 2)).score == 2);
  // Brow and mouth-only events count as spread too.
  ScaleInputs brow = measured(10, 1);
  brow.by_spread[static_cast<std::size_t>(Spread::eye_only)] = 8;
  brow.by_spread[static_cast<std::size_t>(Spread::with_brow)] = 1;
  brow.by_spread[static_cast<std::size_t>(Spread::without_eye)] = 1;
  CHECK(estimate_smc_grade(brow).score == 2);
  // Interference with vision: two tonic spasms an hour ...
  ScaleInputs tonic = measured(10, 1);
  tonic.tonic = 2;
  CHECK(estimate_smc_grade(tonic).score == 3);
  tonic.monitored_h = 1.01;  // 1.98 per hour
  CHECK(estimate_smc_grade(tonic).score == 1);
  tonic.monitored_h = 0.5;
  tonic.tonic = 1;  // 2 per hour, but a single spasm
  CHECK(estimate_smc_grade(tonic).score == 1);
  // ... or the eye closed 15 % of the time.
  ScaleInputs closed = measured(10, 1);
  closed.eye_closed_pct = 14.9;
  CHECK(estimate_smc_grade(closed).score == 1);
  closed.eye_closed_pct = 15.0;
  CHECK(estimate_smc_grade(closed).score == 3);
}

TEST_CASE("SMC grade IV is never assigned and the basis says why") {
  ScaleInputs worst = with_spread(measured(400, 1, 1.0), 300);
  worst.tonic = 200;
  worst.eye_closed_pct = 90.0;
  const ScaleEstimate e = estimate_smc_grade(worst);
  CHECK(e.score == 3);
  CHECK(e.max == 4);
  CHECK(mentions(e, "grade IV (disfigurement)"));
  CHECK(mentions(estimate_smc_grade(measured(1, 1)), "never estimated"));
}

TEST_CASE("scale inputs gather the affected side over sessions") {
  std::vector<SessionSample> sessions = {
      session(0, 1.0, 4, twitch(Side::left, {Region::eye, Region::mouth}, 0.3, 0.7)),
      session(1, 1.0, 2, tonic(Side::left, 2.0, 0.95)),
      session(2, 2.0, 9, twitch(Side::right, {Region::eye}, 0.3, 1.0)),  // the other side
      session(3, 0.0, 1, twitch(Side::left, {Region::mouth}, 0.5, 0.0, EventKind::tonic)),
  };
  sessions[0].eye_closed_s = {7200.0, 360.0};
  sessions[1].eye_closed_s = {0.0, 360.0};
  const ScaleInputs in = scale_inputs(sessions, Side::left);
  CHECK(in.monitored_h == Approx(4.0));
  CHECK(in.events == 7);
  CHECK(in.tonic == 2);  // the mouth-only tonic event does not close the eye
  CHECK(in.by_spread[static_cast<std::size_t>(Spread::eye_mouth)] == 4);
  CHECK(in.by_spread[static_cast<std::size_t>(Spread::eye_only)] == 2);
  CHECK(in.by_spread[static_cast<std::size_t>(Spread::without_eye)] == 1);
  CHECK(in.eyelid_events() == 6);
  CHECK(in.spread_events() == 5);
  CHECK(in.eye_closed_pct == Approx(100.0 * 720.0 / 14400.0));
  CHECK(in.max_peak_closure == Approx(0.95));
  CHECK(in.events_per_hour() == Approx(7.0 / 4.0));
}
