// Schedule, envelope and natural-blink finder of hemitrack-inject: the truth the whole project's
// accuracy is measured against, so its constraints are pinned down here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "contraction.h"
#include "envelope.h"
#include "natural_blinks.h"
#include "schedule.h"

using namespace hemitrack;
using namespace hemitrack::inject;

namespace {

ScheduleRequest request_for(double seconds, double fps = 25.0) {
  ScheduleRequest r;
  r.fps = fps;
  r.face_found.assign(static_cast<std::size_t>(seconds * fps), true);
  return r;
}

Schedule must_schedule(const ScheduleRequest& r) {
  auto result = make_schedule(r);
  if (auto* err = std::get_if<ScheduleError>(&result)) FAIL(err->message);
  return std::get<Schedule>(result);
}

struct Item {
  double start, end;
  std::optional<int> burst;
};

std::vector<Item> all_items(const Schedule& s) {
  std::vector<Item> items;
  for (const auto& e : s.events) items.push_back({e.envelope.start_s, e.envelope.end_s, e.burst_id});
  for (const auto& b : s.blinks) items.push_back({b.envelope.start_s, b.envelope.end_s, std::nullopt});
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.start < b.start; });
  return items;
}

}  // namespace

TEST_CASE("envelope is zero outside, amplitude on the plateau, continuous", "[inject][envelope]") {
  const Envelope e{2.0, 2.2, 0.8};
  CHECK(e.value_at(1.9) == 0.0);
  CHECK(e.value_at(2.0) == 0.0);
  CHECK(e.value_at(2.2) == 0.0);
  CHECK(e.value_at(2.1) == Approx(0.8));
  CHECK(e.ramp_s() == Approx(0.05));
  double previous = 0.0;
  for (double t = 2.0; t <= 2.2; t += 0.001) {
    CHECK(std::abs(e.value_at(t) - previous) < 0.05);
    previous = e.value_at(t);
  }
  CHECK(Envelope{0.0, 0.04, 1.0}.ramp_s() == Approx(0.015));  // never shorter than 15 ms
}

TEST_CASE("schedule is deterministic per seed", "[inject][schedule]") {
  auto r = request_for(60.0);
  const auto a = must_schedule(r), b = must_schedule(r);
  REQUIRE(a.events.size() == b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    CHECK(a.events[i].envelope.start_s == b.events[i].envelope.start_s);
    CHECK(a.events[i].side == b.events[i].side);
  }
  r.seed = 2;
  CHECK(must_schedule(r).events.front().envelope.start_s != a.events.front().envelope.start_s);
}

TEST_CASE("a side puts every event on it and keeps the timing of the seed", "[inject][schedule]") {
  auto r = request_for(60.0);
  const auto drawn = must_schedule(r);
  REQUIRE(std::any_of(drawn.events.begin(), drawn.events.end(), [](const auto& e) { return e.side == Side::right; }));
  r.side = Side::left;
  const auto left = must_schedule(r);
  REQUIRE(left.events.size() == drawn.events.size());
  for (std::size_t i = 0; i < left.events.size(); ++i) {
    CHECK(left.events[i].side == Side::left);
    CHECK(left.events[i].envelope.start_s == drawn.events[i].envelope.start_s);
  }
}

TEST_CASE("schedule meets counts, durations, mix and spacing", "[inject][schedule]") {
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    auto r = request_for(90.0);
    r.seed = seed;
    r.natural_blinks = {{10.0, 10.3}, {40.0, 40.25}};
    for (int k = 60 * 25; k < 62 * 25; ++k) r.face_found[k] = false;  // face lost 60-62 s
    const auto s = must_schedule(r);
    CHECK(static_cast<int>(s.events.size()) >= r.events);
    CHECK(static_cast<int>(s.blinks.size()) == r.blinks);

    int tonic = 0, in_burst = 0;
    std::map<int, int> burst_sizes;
    for (std::size_t i = 0; i < s.events.size(); ++i) {
      const auto& e = s.events[i];
      CHECK(e.id == static_cast<int>(i) + 1);
      CHECK(e.envelope.amplitude >= 0.5);
      CHECK(e.envelope.amplitude <= 1.0);
      CHECK((e.eye || e.mouth));
      if (e.brow) CHECK(e.eye);  // brow raise only as the Babinski sign
      const double d = e.envelope.end_s - e.envelope.start_s;
      if (e.tonic()) {
        ++tonic;
        CHECK(d <= 3.0);
      } else if (e.burst_id) {
        ++in_burst;
        ++burst_sizes[*e.burst_id];
        CHECK(d >= 0.080 - 1e-9);
        CHECK(d <= 0.150 + 1e-9);
      } else {
        CHECK(d >= 0.080 - 1e-9);
        CHECK(d <= 0.250 + 1e-9);
      }
      if (i > 0) CHECK(s.events[i - 1].envelope.start_s <= e.envelope.start_s);
    }
    CHECK(tonic == 6);
    CHECK(in_burst >= 7);
    for (auto [id, size] : burst_sizes) {
      CHECK(size >= 3);
      CHECK(size <= 5);
    }
    for (const auto& b : s.blinks) {
      CHECK(b.envelope.end_s - b.envelope.start_s >= 0.100 - 1e-9);
      CHECK(b.envelope.end_s - b.envelope.start_s <= 0.400 + 1e-9);
      CHECK(b.envelope.amplitude >= 0.85);
    }

    const auto items = all_items(s);
    for (std::size_t i = 0; i < items.size(); ++i) {
      CHECK(items[i].start >= 1.5);
      CHECK(items[i].end <= 90.0);
      CHECK_FALSE((items[i].end > 60.0 - 0.04 && items[i].start < 62.0 + 0.04));
      for (const auto& nb : r.natural_blinks)
        CHECK((items[i].end + 0.5 <= nb.start_s + 1e-9 || items[i].start - 0.5 >= nb.end_s - 1e-9));
      if (i == 0) continue;
      const double gap = items[i].start - items[i - 1].end;
      if (items[i].burst && items[i].burst == items[i - 1].burst) {
        CHECK(gap >= 0.150 - 1e-9);
        CHECK(gap <= 0.300 + 1e-9);
      } else {
        CHECK(gap >= 0.7 - 1e-9);
      }
    }
  }
}

TEST_CASE("a clip too short for the requested items is refused with a message", "[inject][schedule]") {
  auto r = request_for(10.0);
  auto result = make_schedule(r);
  REQUIRE(std::holds_alternative<ScheduleError>(result));
  CHECK(std::get<ScheduleError>(result).message.find("too short") != std::string::npos);
}

TEST_CASE("contraction follows the sides of the schedule", "[inject][contraction]") {
  Schedule s;
  ScheduledEvent e;
  e.envelope = {1.0, 1.2, 0.9};
  e.side = Side::left;
  e.eye = e.brow = true;
  s.events.push_back(e);
  s.blinks.push_back({{3.0, 3.2, 1.0}});
  const auto twitch = contraction_at(s, 1.1);
  CHECK(twitch.eye_closure[index_of(Side::left)] == Approx(0.9));
  CHECK(twitch.eye_closure[index_of(Side::right)] == 0.0);
  CHECK(twitch.brow_raise[index_of(Side::left)] == Approx(0.9));
  const auto blink = contraction_at(s, 3.1);
  CHECK(blink.eye_closure[0] == Approx(1.0));
  CHECK(blink.eye_closure[1] == Approx(1.0));
  CHECK_FALSE(contraction_at(s, 2.0).any());
}

TEST_CASE("natural blinks need both eyes to dip", "[inject][natural_blinks]") {
  std::vector<std::optional<EyeOpenness>> ears(250, EyeOpenness{0.30, 0.30});
  for (int k = 100; k < 106; ++k) ears[k] = EyeOpenness{0.12, 0.13};  // a blink at 4.0-4.24 s
  for (int k = 180; k < 186; ++k) ears[k] = EyeOpenness{0.12, 0.30};  // one eye only: not a blink
  ears[50] = std::nullopt;
  const auto blinks = find_natural_blinks(ears, 25.0);
  REQUIRE(blinks.size() == 1);
  CHECK(blinks[0].start_s <= 4.0);
  CHECK(blinks[0].end_s >= 4.2);
  CHECK(blinks[0].end_s < 4.4);
}

TEST_CASE("eyes held shut for seconds are a natural closure too", "[inject][natural_blinks]") {
  // Phone footage of a person who shuts both eyes for 2.5 s between blinks: injected items must
  // keep clear of it, since a one-sided twitch drawn on an eye already shut cannot be seen.
  std::vector<std::optional<EyeOpenness>> ears(400, EyeOpenness{0.30, 0.31});
  for (int k = 150; k < 212; ++k) ears[k] = EyeOpenness{0.10, 0.11};  // 6.0-8.48 s
  for (int k = 300; k < 306; ++k) ears[k] = EyeOpenness{0.12, 0.13};  // a blink at 12.0 s
  const auto blinks = find_natural_blinks(ears, 25.0);
  REQUIRE(blinks.size() == 2);
  CHECK(blinks[0].start_s <= 6.0);
  CHECK(blinks[0].end_s >= 8.44);
  CHECK(blinks[0].end_s < 8.6);
  CHECK(blinks[1].start_s == Approx(11.98).margin(0.03));
}

TEST_CASE("a clip whose own blinks leave no room says how much they rule out", "[inject][schedule]") {
  // Footage blinking every second: a longer --duration repeats the blinks, so the message must say
  // that they, not the clip's length, are what is missing.
  auto r = request_for(40.0);
  for (int k = 0; k < 40; ++k) r.natural_blinks.push_back({k + 0.0, k + 0.3});
  r.events = 4;
  r.blinks = 2;
  auto result = make_schedule(r);
  REQUIRE(std::holds_alternative<ScheduleError>(result));
  const std::string message = std::get<ScheduleError>(result).message;
  INFO(message);
  CHECK(message.find("no room") != std::string::npos);
  // Each blink with 0.5 s kept clear either side: the whole clip up to 39.8 s (the last one ends at 39.3 s).
  CHECK(message.find("blinks and closures rule out 39.8 s, frames without a face 0 s") != std::string::npos);
}
