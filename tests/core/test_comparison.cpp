// Hand calculations for the sentences: with A and B the after and before totals and z = 1.959964,
//   ratio = (A / hours after) / (B / hours before), CI = ratio · exp(± z sqrt(phi (1/A + 1/B))).
// Every period below holds sessions at exactly their period's rate, so phi = 1.
#include "core/comparison.h"
#include "sample_sessions.h"

#include <catch2/catch.hpp>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

const DayNumber kInjectionDay = *parse_date("2026-03-03");

Treatment botox(DayNumber day) {
  Treatment t;
  t.day = day;
  t.kind = TreatmentKind::botox;
  return t;
}

// Two 1-hour sessions in each default period with the given events each.
std::vector<SessionSample> around_injection(int per_session_before, int per_session_after) {
  const double d = kInjectionDay;
  return {session(d - 10.6, 1.0, per_session_before), session(d - 3.4, 1.0, per_session_before),
          session(d + 16.5, 1.0, per_session_after), session(d + 30.5, 1.0, per_session_after)};
}

Comparison compare(const std::vector<SessionSample>& sessions, const CompareOptions& options = {}) {
  return compare_periods(sessions, default_periods(botox(kInjectionDay)), Side::left, options);
}

}  // namespace

TEST_CASE("the default periods are the 2 weeks before and weeks 2-6 after the injection") {
  const ComparePeriods p = default_periods(botox(kInjectionDay));
  CHECK(p.before.from_day == kInjectionDay - 14);
  CHECK(p.before.to_day == kInjectionDay);
  CHECK(p.after.from_day == kInjectionDay + 14);
  CHECK(p.after.to_day == kInjectionDay + 42);
  CHECK(p.before.label == "2 weeks before");
  CHECK(p.after.label == "weeks 2–6 after");
  REQUIRE(p.injection.has_value());
  CHECK(p.injection->day == kInjectionDay);
  CHECK(describe_dates(p.before) == "from 17 February to 2 March 2026");
  CHECK(describe_dates(p.after) == "from 17 March to 13 April 2026");
}

TEST_CASE("the default periods surround the latest botox injection") {
  Treatment surgery = botox(kInjectionDay + 200);
  surgery.kind = TreatmentKind::decompression;
  const std::vector<Treatment> treatments = {botox(kInjectionDay), botox(kInjectionDay - 90), surgery};
  const auto p = default_periods(treatments);
  REQUIRE(p.has_value());
  CHECK(p->injection->day == kInjectionDay);
  CHECK_FALSE(default_periods(std::vector<Treatment>{surgery}).has_value());
  CHECK_FALSE(default_periods(std::span<const Treatment>{}).has_value());
}

TEST_CASE("periods are described by their dates") {
  const double march_3 = kInjectionDay;
  CHECK(describe_dates({march_3, march_3 + 1, ""}) == "on 3 March 2026");
  CHECK(describe_dates({march_3 + 0.25, march_3 + 0.75, ""}) == "on 3 March 2026");
  CHECK(describe_dates({march_3 - 73, march_3 - 57, ""}) == "from 20 December 2025 to 4 January 2026");
  CHECK(describe_dates({march_3, march_3 + 14, ""}) == "from 3 to 16 March 2026");
}

TEST_CASE("a clear fall after the injection") {
  // Before 2 x 40 in 2 h = 40/h, after 2 x 10 in 2 h = 10/h: ratio 0.25,
  // se = sqrt(1/20 + 1/80) = 0.25, CI 0.25 exp(± 0.489991) = 0.153158 .. 0.408075:
  // fall 75 %, CI (1 - 0.408075) = 59 % to (1 - 0.153158) = 85 %.
  const Comparison c = compare(around_injection(40, 10));
  REQUIRE(c.enough_data);
  CHECK(c.too_little.empty());
  CHECK(c.before.sessions == 2);
  CHECK(c.before.events == 80);
  CHECK(*c.before.events_per_hour == Approx(40.0));
  CHECK(*c.after.events_per_hour == Approx(10.0));
  CHECK(c.rate.ratio == Approx(0.25));
  CHECK(c.rate.dispersion == 1.0);
  CHECK(c.rate.low == Approx(0.1531579775536473).epsilon(1e-9));
  CHECK(c.rate.high == Approx(0.4080753807166712).epsilon(1e-9));
  CHECK(c.sentence ==
        "One-sided twitches fell by 75 % (95 % CI 59–85 %) after the 3 March 2026 injection: "
        "40.0 per hour in the 2 weeks before, 10.0 per hour in weeks 2–6 after.");
}

TEST_CASE("a clear rise after the injection") {
  // Before 10/h, after 40/h: ratio 4, CI 4 exp(± 0.489991) = 2.450528 .. 6.529206:
  // rise 300 %, CI 145 % to 553 %.
  const Comparison c = compare(around_injection(10, 40));
  REQUIRE(c.enough_data);
  CHECK(c.rate.ratio == Approx(4.0));
  CHECK(c.sentence ==
        "One-sided twitches rose by 300 % (95 % CI 145–553 %) after the 3 March 2026 injection: "
        "10.0 per hour in the 2 weeks before, 40.0 per hour in weeks 2–6 after.");
}

TEST_CASE("no clear change when the interval includes no change") {
  // Before 20 in 2 h, after 24 in 2 h: ratio 1.2, se = sqrt(1/24 + 1/20) = 0.302765,
  // CI 1.2 exp(± 0.593408) = 0.662929 .. 2.172178: -34 % to +117 %.
  const Comparison c = compare(around_injection(10, 12));
  REQUIRE(c.enough_data);
  CHECK(c.rate.ratio == Approx(1.2));
  CHECK(c.rate.low == Approx(0.6629292486865936).epsilon(1e-9));
  CHECK(c.rate.high == Approx(2.172177502882776).epsilon(1e-9));
  CHECK(c.sentence ==
        "One-sided twitches changed by +20 % (95 % CI -34 to +117 %) after the 3 March 2026 injection: "
        "not a clear change, within what chance alone could give "
        "(10.0 per hour in the 2 weeks before, 12.0 per hour in weeks 2–6 after).");
}

TEST_CASE("too little monitored time gives no percentages") {
  const double d = kInjectionDay;
  const std::vector<SessionSample> sessions = {session(d - 5, 2.0, 40), session(d + 20, 0.1, 1)};
  const Comparison c = compare(sessions);
  CHECK_FALSE(c.enough_data);
  CHECK(c.too_little ==
        "too little monitored time: 2.0 h in the 2 weeks before and 6 min in weeks 2–6 after; "
        "at least 15 min in each period is needed");
  CHECK(c.sentence ==
        "Too little monitored time to conclude anything about the 3 March 2026 injection: 2.0 h in the 2 weeks "
        "before and 6 min in weeks 2–6 after; at least 15 min in each period is needed.");
  CHECK(c.sentence.find('%') == std::string::npos);
  CHECK(c.rate.available);  // still computed, for exports
}

TEST_CASE("no sessions in one period") {
  const double d = kInjectionDay;
  const std::vector<SessionSample> sessions = {session(d - 5, 2.0, 40)};
  const Comparison c = compare(sessions);
  CHECK_FALSE(c.enough_data);
  CHECK(c.after.sessions == 0);
  CHECK_FALSE(c.after.events_per_hour.has_value());
  CHECK_FALSE(c.rate.available);
  CHECK(c.sentence ==
        "Too little monitored time to conclude anything about the 3 March 2026 injection: 2.0 h in the 2 weeks "
        "before and no sessions in weeks 2–6 after; at least 15 min in each period is needed.");
}

TEST_CASE("too few twitches gives no percentages") {
  const double d = kInjectionDay;
  const std::vector<SessionSample> sessions = {session(d - 5, 1.0, 4), session(d + 20, 1.5, 3)};
  const Comparison c = compare(sessions);
  CHECK_FALSE(c.enough_data);
  CHECK(c.sentence ==
        "Too few twitches to conclude anything about the 3 March 2026 injection: 4 in the 2 weeks before "
        "(1.0 h monitored) and 3 in weeks 2–6 after (1.5 h monitored); at least 10 in the two periods together "
        "are needed.");
  CHECK(c.too_little.rfind("too few twitches: ", 0) == 0);
  // The threshold is the caller's: with 7 enough, the same sessions give a result.
  CompareOptions lenient;
  lenient.min_events = 7;
  CHECK(compare(sessions, lenient).enough_data);
}

TEST_CASE("sessions outside both periods and events of the other side are ignored") {
  const double d = kInjectionDay;
  std::vector<SessionSample> sessions = around_injection(40, 10);
  sessions.push_back(session(d - 14.01, 5.0, 500));                   // just before the before period
  sessions.push_back(session(d, 5.0, 500));                           // the injection day: in neither
  sessions.push_back(session(d + 13.9, 5.0, 500));                    // still the first two weeks
  sessions.push_back(session(d + 42, 5.0, 500));                      // after week 6
  sessions.push_back(session(d - 1, 1.0, 200, twitch(Side::right)));  // the other side, in the before period
  const Comparison c = compare(sessions);
  CHECK(c.before.sessions == 3);
  CHECK(c.before.events == 80);
  CHECK(c.before.events_by_side[index_of(Side::right)] == 200);
  // The other side's session still adds its hour: 80 events in 3 h before.
  CHECK(*c.before.events_per_hour == Approx(80.0 / 3.0));
  CHECK(c.after.sessions == 2);
  CHECK(c.after.events == 20);
  CHECK(c.rate.ratio == Approx(10.0 / (80.0 / 3.0)));
}

TEST_CASE("durations, peak closures and eye closure are compared per event and per session") {
  const double d = kInjectionDay;
  std::vector<SessionSample> sessions = {
      session(d - 10, 1.0, 3, twitch(Side::left, {Region::eye}, 0.4, 0.9)),
      session(d - 5, 1.0, 3, twitch(Side::left, {Region::eye}, 0.6, 0.7)),
      session(d + 20, 1.0, 2, twitch(Side::left, {Region::eye}, 0.2, 0.5)),
      session(d + 25, 1.0, 2, twitch(Side::left, {Region::mouth}, 0.3, 0.0)),  // no eye: no closure value
  };
  sessions[0].eye_closed_s = {0.0, 360.0};  // 10 %
  sessions[1].eye_closed_s = {0.0, 180.0};  // 5 %
  sessions[2].eye_closed_s = {0.0, 36.0};   // 1 %
  sessions[3].eye_closed_s = {0.0, 72.0};   // 2 %
  const Comparison c = compare(sessions);
  CHECK(*c.before.mean_duration_s == Approx(0.5));
  CHECK(*c.after.mean_duration_s == Approx(0.25));
  CHECK(*c.before.mean_peak_closure == Approx(0.8));
  CHECK(*c.after.mean_peak_closure == Approx(0.5));
  CHECK(*c.before.eye_closed_pct == Approx(7.5));  // 540 s of 7200 s
  REQUIRE(c.duration_s.available);
  CHECK(c.duration_s.n_before == 6);
  CHECK(c.duration_s.difference == Approx(-0.25));
  REQUIRE(c.peak_closure.available);
  CHECK(c.peak_closure.n_after == 2);  // the mouth-only events have no eye closure to compare
  CHECK(c.peak_closure.difference == Approx(-0.3));
  CHECK(c.eye_closed_pct.n_before == 2);
  CHECK(c.eye_closed_pct.mean_before == Approx(7.5));
  CHECK(c.eye_closed_pct.mean_after == Approx(1.5));
  CHECK(c.eye_closed_pct.difference == Approx(-6.0));
}

TEST_CASE("periods without an injection are named by their dates") {
  ComparePeriods p;
  p.before = {static_cast<double>(*parse_date("2026-02-01")), static_cast<double>(*parse_date("2026-02-15")),
              "my label"};
  p.after = {static_cast<double>(*parse_date("2026-03-01")), static_cast<double>(*parse_date("2026-04-01")), ""};
  const std::vector<SessionSample> sessions = {session(p.before.from_day + 1, 2.0, 80),
                                               session(p.after.from_day + 1, 2.0, 20)};
  const Comparison c = compare_periods(sessions, p, Side::left, {});
  CHECK(c.sentence ==
        "One-sided twitches fell by 75 % (95 % CI 59–85 %): 40.0 per hour from 1 to 14 February 2026, "
        "10.0 per hour from 1 to 31 March 2026.");
  const Comparison little = compare_periods(std::vector<SessionSample>{sessions[0]}, p, Side::left, {});
  CHECK(little.sentence ==
        "Too little monitored time to conclude anything: 2.0 h from 1 to 14 February 2026 and no sessions "
        "from 1 to 31 March 2026; at least 15 min in each period is needed.");
}

TEST_CASE("the sentence names the confidence level") {
  CompareOptions options;
  options.confidence = 0.9;
  CHECK(compare(around_injection(40, 10), options).sentence.find("(90 % CI ") != std::string::npos);
}

TEST_CASE("comparison options are validated") {
  CompareOptions o;
  CHECK(o.validate().empty());
  o.confidence = 1.0;
  CHECK(o.validate().rfind("confidence:", 0) == 0);
  o.confidence = 0.95;
  o.min_monitored_h = -1;
  CHECK(o.validate().rfind("min_monitored_h:", 0) == 0);
  o.min_monitored_h = 0;
  o.min_events = -1;
  CHECK(o.validate().rfind("min_events:", 0) == 0);
}

TEST_CASE("two chosen groups of sessions compare whatever their dates, named as given") {
  // The sessions of the clear-fall case, regrouped: the group decides, not the date. Group "before"
  // holds one session from each period at 40 events; "after" one from each at 10.
  const double d = kInjectionDay;
  const SessionGroup worse{{session(d - 10.6, 1.0, 40), session(d + 30.5, 1.0, 40)}, "sessions 1 and 4"};
  const SessionGroup better{{session(d - 3.4, 1.0, 10), session(d + 16.5, 1.0, 10)}, "sessions 2 and 3"};
  const Comparison c = compare_groups(worse, better, Side::left, {});
  REQUIRE(c.enough_data);
  CHECK(c.before.sessions == 2);
  CHECK(c.rate.ratio == Approx(0.25));
  CHECK(c.rate.high == Approx(0.4080753807166712).epsilon(1e-9));
  CHECK(c.sentence ==
        "One-sided twitches fell by 75 % (95 % CI 59–85 %): 40.0 per hour in sessions 1 and 4, "
        "10.0 per hour in sessions 2 and 3.");

  const Comparison thin = compare_groups({{session(d, 0.1, 5)}, "session 1"}, better, Side::left, {});
  CHECK_FALSE(thin.enough_data);
  CHECK_THAT(thin.sentence, Catch::StartsWith("Too little monitored time to conclude anything: 6 min in session 1") &&
                                Catch::EndsWith("in each group of sessions is needed."));
}
