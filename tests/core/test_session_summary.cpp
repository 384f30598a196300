#include "core/session_summary.h"

#include <catch2/catch.hpp>

using namespace hemitrack;

TEST_CASE("summary counts events per side and kind and rates per monitored minute") {
  SummaryBuilder builder(0.35);
  for (int i = 0; i < 1800; ++i) {  // 60 s at 30 fps, the left eye closed for the first 6 s
    FrameSignals s;
    s.time_s = i / 30.0;
    s.valid = i >= 0;
    s.closure = {0.0, i < 180 ? 0.9 : 0.0};
    builder.add_frame(s);
  }
  TwitchEvent a;
  a.side = Side::left;
  a.start_s = 1.0;
  a.end_s = 1.2;
  TwitchEvent b = a;
  b.start_s = 10.0;
  b.end_s = 12.5;
  b.kind = EventKind::tonic;
  b.regions = {Region::eye, Region::brow};
  b.other_babinski = true;
  TwitchEvent c = a;
  c.side = Side::right;
  const SessionSummary s = builder.build({a, b, c}, {Blink{}, Blink{}});
  CHECK(s.duration_s == Approx(60.0));
  CHECK(s.monitored_s == Approx(60.0).margin(0.05));
  CHECK(s.events_total == 3);
  CHECK(s.events_by_side_kind[1][0] == 1);
  CHECK(s.events_by_side_kind[1][1] == 1);
  CHECK(s.events_by_side_kind[0][0] == 1);
  CHECK(s.events_per_minute == Approx(3.0).margin(0.01));
  CHECK(s.blinks_per_minute == Approx(2.0).margin(0.01));
  REQUIRE(s.affected_side.has_value());
  CHECK(*s.affected_side == Side::left);
  CHECK(s.affected_eye_closed_pct == Approx(10.0).margin(0.2));
  REQUIRE(s.longest_event.has_value());
  CHECK(s.longest_event->start_s == 10.0);
  CHECK(s.babinski_events == 1);
}
