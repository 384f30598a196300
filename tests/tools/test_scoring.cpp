#include "scoring.h"

#include <catch2/catch.hpp>

using namespace hemitrack;

namespace {
TwitchEvent event(int id, double start, double end, Side side, EventKind kind = EventKind::clonic) {
  TwitchEvent e;
  e.id = id;
  e.start_s = start;
  e.end_s = end;
  e.side = side;
  e.kind = kind;
  e.regions = {Region::eye};
  return e;
}
}  // namespace

TEST_CASE("scoring matches events one to one by overlap and counts by hand") {
  ScoreInput in;
  in.truth_events = {event(1, 1.0, 1.2, Side::left), event(2, 3.0, 5.0, Side::right, EventKind::tonic),
                     event(3, 8.0, 8.1, Side::left)};
  in.truth_blinks = {{10.0, 10.3}};
  in.detected = {event(1, 1.03, 1.2, Side::left),   // hit, 30 ms late
                 event(2, 2.95, 4.9, Side::left, EventKind::tonic),  // hit on the wrong side, 50 ms early
                 event(3, 3.5, 3.6, Side::right),  // a second detection inside the same truth: false positive
                 event(4, 10.05, 10.2, Side::right)};  // a blink counted as an event
  const ScoreReport r = score_events(in);
  CHECK(r.true_positives == 2);
  CHECK(r.false_positives == 2);
  CHECK(r.false_negatives == 1);
  CHECK(r.precision == Approx(0.5));
  CHECK(r.recall == Approx(2.0 / 3.0));
  CHECK(r.f1 == Approx(2 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0)));
  CHECK(r.side_accuracy == Approx(0.5));
  CHECK(r.median_onset_error_s == Approx(0.04));
  CHECK(r.blinks_counted_as_events == 1);
  CHECK(r.tonic_found == 1);
  CHECK(r.missed_truth_ids == std::vector<int>{3});
}

TEST_CASE("scoring pairs every twitch of a burst even when detected onsets run early") {
  // Four twitches 0.3 s apart, each found two frames early at 15 fps: pairing each truth with the
  // detection nearest its onset, in order of the gap, would give one twitch its neighbour's.
  ScoreInput in;
  in.truth_events = {event(1, 11.134, 11.262, Side::left), event(2, 11.414, 11.516, Side::left),
                     event(3, 11.695, 11.8, Side::left), event(4, 12.042, 12.186, Side::left)};
  in.detected = {event(1, 11.097, 11.37, Side::left), event(2, 11.302, 11.575, Side::left),
                 event(3, 11.506, 11.984, Side::left), event(4, 11.916, 12.258, Side::left)};
  const ScoreReport r = score_events(in);
  CHECK(r.true_positives == 4);
  CHECK(r.false_positives == 0);
  CHECK(r.false_negatives == 0);
  CHECK(r.median_onset_error_s < 0.2);
}

TEST_CASE("pooled scores add counts and recompute rates") {
  ScoreInput a;
  a.truth_events = {event(1, 1.0, 1.2, Side::left)};
  a.detected = {event(1, 1.0, 1.2, Side::left)};
  ScoreInput b;
  b.truth_events = {event(1, 1.0, 1.2, Side::left), event(2, 2.0, 2.2, Side::left)};
  b.detected = {event(1, 1.1, 1.2, Side::left)};
  const ScoreReport p = pool({score_events(a), score_events(b)});
  CHECK(p.true_positives == 2);
  CHECK(p.false_negatives == 1);
  CHECK(p.recall == Approx(2.0 / 3.0));
  CHECK(p.median_onset_error_s == Approx(0.05));
}
