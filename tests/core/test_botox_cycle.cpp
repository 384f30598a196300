#include "core/botox_cycle.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace hemitrack;

TEST_CASE("botox phases start on the days DESIGN section 2 gives") {
  CHECK(phase_after(0.0) == BotoxPhase::before_onset);
  CHECK(phase_after(3.99) == BotoxPhase::before_onset);  // onset about 3-4 days
  CHECK(phase_after(4.0) == BotoxPhase::taking_effect);
  CHECK(phase_after(6.99) == BotoxPhase::taking_effect);
  CHECK(phase_after(7.0) == BotoxPhase::peak);  // peak 1-2 weeks
  CHECK(phase_after(13.99) == BotoxPhase::peak);
  CHECK(phase_after(14.0) == BotoxPhase::benefit);
  CHECK(phase_after(83.99) == BotoxPhase::benefit);  // benefit about 12 weeks
  CHECK(phase_after(84.0) == BotoxPhase::wearing_off);
  CHECK(phase_after(400.0) == BotoxPhase::wearing_off);
}

TEST_CASE("botox phases have plain labels") {
  CHECK(label(BotoxPhase::before_onset) == "waiting for effect");
  CHECK(label(BotoxPhase::peak) == "peak effect");
  CHECK(label(BotoxPhase::wearing_off) == "wearing off");
  for (BotoxPhase p : kAllBotoxPhases) CHECK_FALSE(label(p).empty());
}

TEST_CASE("the next injection is due 12 weeks later") {
  const DayNumber day = *parse_date("2026-03-03");
  CHECK(next_injection_due(day) == day + 84);
  CHECK(format_date(next_injection_due(day)) == "2026-05-26");
}

TEST_CASE("phase spans run to until when there is no next injection") {
  const auto spans = botox_phases(100, std::nullopt, 300);
  REQUIRE(spans.size() == 5);
  CHECK(spans[0].phase == BotoxPhase::before_onset);
  CHECK(spans[0].from_day == 100.0);
  CHECK(spans[0].to_day == 104.0);
  CHECK(spans[1].from_day == 104.0);
  CHECK(spans[1].to_day == 107.0);
  CHECK(spans[2].to_day == 114.0);
  CHECK(spans[3].to_day == 184.0);
  CHECK(spans[4].phase == BotoxPhase::wearing_off);
  CHECK(spans[4].from_day == 184.0);
  CHECK(spans[4].to_day == 300.0);
}

TEST_CASE("phase spans end at the next injection") {
  // Re-injected on day 10 after the first: before onset, taking effect, then 3 days of peak.
  const auto spans = botox_phases(100, 110, 300);
  REQUIRE(spans.size() == 3);
  CHECK(spans[2].phase == BotoxPhase::peak);
  CHECK(spans[2].to_day == 110.0);
  // A next injection after `until` does not stretch the spans past it.
  const auto cut = botox_phases(100, 400, 150);
  REQUIRE(cut.size() == 4);
  CHECK(cut.back().phase == BotoxPhase::benefit);
  CHECK(cut.back().to_day == 150.0);
  // Nothing to shade when the cut is on the injection day.
  CHECK(botox_phases(100, 100, 300).empty());
  CHECK(botox_phases(100, std::nullopt, 90).empty());
}

TEST_CASE("the phase on a day belongs to the latest botox injection on or before it") {
  Treatment first, second, surgery;
  first.day = 100;
  second.day = 200;
  surgery.day = 210;
  surgery.kind = TreatmentKind::decompression;
  const std::vector<Treatment> treatments = {second, surgery, first};  // any order
  CHECK_FALSE(phase_on(99.9, treatments).has_value());
  CHECK(phase_on(100.0, treatments) == BotoxPhase::before_onset);
  CHECK(phase_on(100.5, treatments) == BotoxPhase::before_onset);  // the injection day itself
  CHECK(phase_on(110.0, treatments) == BotoxPhase::peak);
  CHECK(phase_on(199.5, treatments) == BotoxPhase::wearing_off);   // 99.5 days after the first
  CHECK(phase_on(200.2, treatments) == BotoxPhase::before_onset);  // the second one restarts the cycle
  CHECK(phase_on(215.0, treatments) == BotoxPhase::benefit);       // surgery does not count
  CHECK_FALSE(phase_on(50.0, std::vector<Treatment>{surgery}).has_value());
}
