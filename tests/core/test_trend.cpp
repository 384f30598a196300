#include "core/trend.h"
#include "sample_sessions.h"

#include <catch2/catch.hpp>

using namespace hemitrack;
using namespace hemitrack::test;

TEST_CASE("spread names how far an event reached") {
  CHECK(spread_of(twitch(Side::left, {Region::eye})) == Spread::eye_only);
  CHECK(spread_of(twitch(Side::left, {Region::eye, Region::mouth})) == Spread::eye_mouth);
  CHECK(spread_of(twitch(Side::left, {Region::eye, Region::mouth, Region::brow})) == Spread::with_brow);
  CHECK(spread_of(twitch(Side::left, {Region::eye, Region::brow})) == Spread::with_brow);
  CHECK(spread_of(twitch(Side::left, {Region::brow})) == Spread::with_brow);
  CHECK(spread_of(twitch(Side::left, {Region::mouth})) == Spread::without_eye);
  for (Spread s : kAllSpreads) CHECK_FALSE(label(s).empty());
  CHECK(label(Spread::eye_only) == "eye only");
}

TEST_CASE("the affected side is the one with more events") {
  std::vector<SessionSample> sessions = {session(0, 1, 3, twitch(Side::left)), session(1, 1, 1, twitch(Side::right))};
  CHECK(affected_side(sessions) == Side::left);
  sessions.push_back(session(2, 1, 2, twitch(Side::right)));
  CHECK_FALSE(affected_side(sessions).has_value());  // 3 against 3
  CHECK_FALSE(affected_side(std::vector<SessionSample>{session(0, 1)}).has_value());
  CHECK_FALSE(affected_side({}).has_value());
}

TEST_CASE("trend bins gather sessions by the day they started") {
  // Weeks from day 100 to day 121: three bins of 7 days.
  std::vector<SessionSample> sessions = {
      session(100.2, 2.0, 10, twitch(Side::left), {"work"}),
      session(106.9, 0.5, 2, tonic(Side::left), {"evening", "work"}),
      session(101.0, 0.5, 3, twitch(Side::right)),  // the other side: counted, not in the rate
      session(115.0, 1.0, 4, twitch(Side::left, {Region::eye, Region::mouth})),
      session(99.99, 5.0, 50),  // before `from`
      session(121.0, 5.0, 50),  // at `to`: outside
  };
  sessions[0].eye_closed_s = {0.0, 360.0};   // left eye closed 6 min of 2 h
  sessions[1].eye_closed_s = {900.0, 90.0};  // right eye's closure is not the affected side's
  const auto bins = trend(sessions, 100, 121, 7, Side::left);
  REQUIRE(bins.size() == 3);

  const TrendBin& first = bins[0];
  CHECK(first.from_day == 100);
  CHECK(first.days == 7);
  CHECK(first.sessions == 3);
  CHECK(first.monitored_h == Approx(3.0));
  CHECK(first.events == 15);
  CHECK(first.events_by_side[index_of(Side::left)] == 12);
  CHECK(first.events_by_side[index_of(Side::right)] == 3);
  CHECK(first.tonic == 2);
  CHECK(first.by_spread[static_cast<int>(Spread::eye_only)] == 12);
  CHECK(first.affected_eye_closed_s == Approx(450.0));
  REQUIRE(first.events_per_hour.has_value());
  CHECK(*first.events_per_hour == Approx(12.0 / 3.0));
  CHECK(*first.eye_closed_pct == Approx(100.0 * 450.0 / 10800.0));
  CHECK(*first.tonic_share == Approx(2.0 / 12.0));
  CHECK(first.tags == std::vector<std::string>{"evening", "work"});

  // The empty week: no measurement, so no rate (not a rate of zero).
  const TrendBin& second = bins[1];
  CHECK(second.from_day == 107);
  CHECK(second.sessions == 0);
  CHECK_FALSE(second.events_per_hour.has_value());
  CHECK_FALSE(second.eye_closed_pct.has_value());
  CHECK_FALSE(second.tonic_share.has_value());

  const TrendBin& third = bins[2];
  CHECK(third.events == 4);
  CHECK(third.by_spread[static_cast<int>(Spread::eye_mouth)] == 4);
  CHECK(*third.tonic_share == 0.0);
  CHECK(third.tags.empty());
}

TEST_CASE("trend bins are cut short at the end and monitored time without events has a zero rate") {
  const std::vector<SessionSample> sessions = {session(9.5, 1.0)};
  const auto bins = trend(sessions, 0, 10, 7, Side::right);
  REQUIRE(bins.size() == 2);
  CHECK(bins[1].from_day == 7);
  CHECK(bins[1].days == 3);
  CHECK(bins[1].events_per_hour == 0.0);
  CHECK(bins[1].eye_closed_pct == 0.0);
  CHECK_FALSE(bins[1].tonic_share.has_value());  // no events to take a share of
  CHECK(trend(sessions, 10, 10, 7, Side::right).empty());
  CHECK(trend(sessions, 0, 3, 1, Side::right).size() == 3);
}
