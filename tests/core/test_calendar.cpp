#include "core/calendar.h"
#include "core/hfs7.h"
#include "core/treatment.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace hemitrack;

TEST_CASE("dates count days from 1970-01-01") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("1970-01-02") == 1);
  CHECK(parse_date("1969-12-31") == -1);
  // 2000-01-01 is day 10957 (30 years, 7 of them leap: 30*365 + 7), + 31 (January) + 29 (February).
  CHECK(parse_date("2000-03-01") == 11017);
  CHECK(parse_date("2026-03-03") == 20515);
}

TEST_CASE("dates that do not exist are refused") {
  CHECK(parse_date("2024-02-29").has_value());  // 2024 is a leap year
  CHECK_FALSE(parse_date("2023-02-29").has_value());
  CHECK(parse_date("2000-02-29").has_value());        // divisible by 400: leap
  CHECK_FALSE(parse_date("1900-02-29").has_value());  // divisible by 100 only: not leap
  CHECK_FALSE(parse_date("2026-02-30").has_value());
  CHECK_FALSE(parse_date("2026-04-31").has_value());
  CHECK_FALSE(parse_date("2026-13-01").has_value());
  CHECK_FALSE(parse_date("2026-00-10").has_value());
  CHECK_FALSE(parse_date("2026-01-00").has_value());
  CHECK_FALSE(parse_date("2026-3-3").has_value());
  CHECK_FALSE(parse_date("2026/03/03").has_value());
  CHECK_FALSE(parse_date("").has_value());
  CHECK_FALSE(parse_date("yesterday").has_value());
}

TEST_CASE("moments are fractional days on the same scale") {
  const double day = *parse_date("2026-03-03");
  REQUIRE(parse_moment("2026-03-03T12:00:00Z").has_value());
  CHECK(*parse_moment("2026-03-03T12:00:00Z") == Approx(day + 0.5));
  CHECK(*parse_moment("2026-03-03") == day);
  CHECK(*parse_moment("2026-03-03T00:00:00Z") == day);
  // 06:30:15 = 23415 s
  CHECK(*parse_moment("2026-03-03T06:30:15Z") == Approx(day + 23415.0 / 86400.0));
  // Fractional seconds: half a second and a quarter of a millisecond.
  CHECK(*parse_moment("2026-03-03T00:00:00.5Z") == Approx(day + 0.5 / 86400.0).epsilon(1e-12));
  CHECK(*parse_moment("2026-03-03T00:00:01.25Z") == Approx(day + 1.25 / 86400.0).epsilon(1e-12));
  CHECK_FALSE(parse_moment("2026-03-03T12:00:00").has_value());  // no zone: not UTC as stored
  CHECK_FALSE(parse_moment("2026-03-03T24:00:00Z").has_value());
  CHECK_FALSE(parse_moment("2026-03-03T12:60:00Z").has_value());
  CHECK_FALSE(parse_moment("2026-03-03T12:00:00.Z").has_value());
  CHECK_FALSE(parse_moment("2026-03-03T12:00:00,5Z").has_value());
  CHECK_FALSE(parse_moment("2026-02-30T12:00:00Z").has_value());
}

TEST_CASE("dates are written for files and for people") {
  const DayNumber day = *parse_date("2026-03-03");
  CHECK(format_date(day) == "2026-03-03");
  CHECK(format_date_long(day) == "3 March 2026");
  CHECK(format_day_month(day) == "3 Mar");
  CHECK(format_date(0) == "1970-01-01");
  CHECK(format_date(-1) == "1969-12-31");
  CHECK(format_date_long(*parse_date("2024-12-31")) == "31 December 2024");
  // Round trip over a few leap years.
  for (DayNumber d = 10000; d < 21000; d += 37) CHECK(parse_date(format_date(d)) == d);
}

TEST_CASE("a treatment validates its doses") {
  Treatment t;
  t.kind = TreatmentKind::botox;
  t.doses = {{Muscle::orbicularis_oculi, Side::left, 15.0},
             {Muscle::orbicularis_oculi, Side::right, 2.5},
             {Muscle::zygomaticus_major, Side::left, 5.0}};
  CHECK(t.validate().empty());
  CHECK(t.total_units() == Approx(22.5));

  SECTION("negative units") {
    t.doses[1].units = -1.0;
    CHECK(t.validate().find("units") != std::string::npos);
    CHECK(t.validate().find("orbicularis-oculi right") != std::string::npos);
  }
  SECTION("units that are not a number") {
    t.doses[2].units = std::numeric_limits<double>::quiet_NaN();
    CHECK(t.validate().find("zygomaticus-major left") != std::string::npos);
  }
  SECTION("the same muscle and side twice") {
    t.doses.push_back({Muscle::zygomaticus_major, Side::left, 1.0});
    CHECK(t.validate().find("given twice") != std::string::npos);
  }
  SECTION("doses on a treatment that is not botox") {
    t.kind = TreatmentKind::decompression;
    CHECK(t.validate().find("only a botox") != std::string::npos);
    t.doses.clear();
    CHECK(t.validate().empty());
  }
  SECTION("zero units are allowed") {
    t.doses[0].units = 0.0;
    CHECK(t.validate().empty());
  }
}

TEST_CASE("treatment kinds and muscles have names for files and for people") {
  CHECK(parse_treatment_kind("botox") == TreatmentKind::botox);
  CHECK(parse_treatment_kind("surgery") == std::nullopt);
  for (Muscle m : kAllMuscles) CHECK(parse_muscle(to_string(m)) == m);
  CHECK(parse_muscle("zygomaticus_major") == Muscle::zygomaticus_major);
  CHECK(label(Muscle::orbicularis_oculi) == "orbicularis oculi");
}

TEST_CASE("HFS-7 answers run 0 to 4") {
  Hfs7Answers a;
  CHECK(a.validate().empty());
  CHECK(a.total() == 0);
  a.answers = {4, 4, 4, 4, 4, 4, 4};
  CHECK(a.validate().empty());
  CHECK(a.total() == 28);
  a.answers[2] = 5;
  CHECK(a.validate().find("answer 3") != std::string::npos);
  a.answers[2] = -1;
  CHECK(a.validate().find("answer 3") != std::string::npos);
  CHECK(hfs7_questions().size() == 7);
  CHECK(hfs7_answer_labels()[0] == "never");
}
