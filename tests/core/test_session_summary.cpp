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

TEST_CASE("time that could not be measured is kept by its reason, and rates stand on the measured time") {
  // 30 s at 30 fps: 10 s measured, 15 s with the head turned beyond the limit, 5 s without a face.
  SummaryBuilder builder(0.35);
  for (int i = 0; i < 900; ++i) {
    FrameSignals s;
    s.time_s = i / 30.0;
    s.face_found = i < 750;
    s.valid = i < 300;
    s.why_not = s.valid ? NotMeasured::no : s.face_found ? NotMeasured::head_turned : NotMeasured::no_face;
    builder.add_frame(s);
  }
  TwitchEvent e;
  e.start_s = 1.0;
  e.end_s = 1.1;
  const SessionSummary s = builder.build({e}, {});
  CHECK(s.monitored_s == Approx(10.0).margin(0.05));
  CHECK(s.not_measured_s[static_cast<std::size_t>(NotMeasured::head_turned)] == Approx(15.0).margin(0.05));
  CHECK(s.not_measured_s[static_cast<std::size_t>(NotMeasured::no_face)] == Approx(5.0).margin(0.05));
  CHECK(s.not_measured_s[static_cast<std::size_t>(NotMeasured::hard_to_follow)] == 0.0);
  CHECK(s.not_measured_s[static_cast<std::size_t>(NotMeasured::no)] == 0.0);
  CHECK(s.events_per_minute == Approx(6.0).margin(0.05));  // one event in ten measured seconds
}

TEST_CASE("the recent rate counts the last five minutes, or the whole session while it is shorter") {
  std::vector<TwitchEvent> events;
  for (double t : {10.0, 100.0, 400.0, 500.0, 590.0}) {
    TwitchEvent e;
    e.start_s = t;
    e.end_s = t + 0.2;
    events.push_back(e);
  }
  // 10 minutes in: the window is 300..600 s and holds three events.
  CHECK(recent_events_per_minute(events, 0.0, 600.0, 300.0) == Approx(3.0 / 5.0));
  // 2 minutes in: the session so far (two events in two minutes).
  CHECK(recent_events_per_minute(events, 0.0, 120.0, 300.0) == Approx(1.0));
  // A session that started later than the clock's zero.
  CHECK(recent_events_per_minute(events, 380.0, 440.0, 300.0) == Approx(1.0));
  CHECK(recent_events_per_minute(events, 5.0, 5.0, 300.0) == 0.0);
}
