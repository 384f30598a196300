// The Botox cycle's records on real database files: treatments with their doses, the HFS-7 diary
// and a session's tags written and read back, deleted, and refused without a trace when invalid.
#include "storage/session_store.h"
#include "storage/store_test_helpers.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace hemitrack;
using namespace hemitrack::test;
namespace fs = std::filesystem;

namespace {

DayNumber day(const char* text) {
  const auto d = parse_date(text);
  REQUIRE(d);
  return *d;
}

Treatment botox(const char* date) {
  Treatment t;
  t.day = day(date);
  t.kind = TreatmentKind::botox;
  t.product = "Xeomin";
  t.doses = {{Muscle::orbicularis_oculi, Side::left, 12.5},
             {Muscle::corrugator, Side::left, 2.5},
             {Muscle::zygomaticus_major, Side::left, 5.0},
             {Muscle::orbicularis_oculi, Side::right, 0.0}};
  t.note = "lower lid, lateral; \"a bit of ptosis\" after the last one";
  return t;
}

bool same_treatment(const Treatment& a, const Treatment& b) {
  if (a.day != b.day || a.kind != b.kind || a.product != b.product || a.note != b.note) return false;
  if (a.doses.size() != b.doses.size()) return false;
  for (std::size_t i = 0; i < a.doses.size(); ++i)
    if (a.doses[i].muscle != b.doses[i].muscle || a.doses[i].side != b.doses[i].side ||
        a.doses[i].units != b.doses[i].units)
      return false;
  return true;
}

}  // namespace

TEST_CASE("treatments with their doses are written and read back as they were, by day") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  Treatment later = botox("2026-06-02");
  Treatment surgery;
  surgery.day = day("2026-09-15");
  surgery.kind = TreatmentKind::decompression;
  Treatment pills;
  pills.day = day("2026-01-20");
  pills.kind = TreatmentKind::medication;
  pills.product = "carbamazepine 200 mg twice a day";
  const Treatment earlier = botox("2026-03-03");
  TreatmentId later_id = 0, earlier_id = 0;
  {
    SessionStore store = open_store(db);
    later_id = value_of(store.add_treatment(later));
    value_of(store.add_treatment(surgery));
    value_of(store.add_treatment(pills));
    earlier_id = value_of(store.add_treatment(earlier));
  }
  SessionStore store = open_store(db);
  const auto listed = value_of(store.list_treatments());
  REQUIRE(listed.size() == 4);
  CHECK(same_treatment(listed[0], pills));  // oldest day first, whatever the order of entry
  CHECK(same_treatment(listed[1], earlier));
  CHECK(listed[1].id == earlier_id);
  CHECK(same_treatment(listed[2], later));
  CHECK(listed[2].id == later_id);
  CHECK(listed[2].total_units() == Approx(20.0));
  CHECK(same_treatment(listed[3], surgery));
  CHECK(listed[3].doses.empty());

  RawDb raw(db);
  CHECK(raw.value("SELECT given_on FROM treatments WHERE id = " + std::to_string(later_id)) == "2026-06-02");
  CHECK(raw.value("SELECT count(*) FROM treatment_doses") == "8");
}

TEST_CASE("deleting a treatment takes its doses with it") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  SessionStore store = open_store(db);
  const TreatmentId keep = value_of(store.add_treatment(botox("2026-03-03")));
  const TreatmentId gone = value_of(store.add_treatment(botox("2026-06-02")));
  require_ok(store.delete_treatment(gone));

  const auto listed = value_of(store.list_treatments());
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].id == keep);
  CHECK(listed[0].doses.size() == 4);
  RawDb raw(db);
  CHECK(raw.value("SELECT count(*) FROM treatment_doses WHERE treatment_id = " + std::to_string(gone)) == "0");
  CHECK(raw.value("SELECT count(*) FROM treatment_doses") == "4");

  const auto again = store.delete_treatment(gone);
  REQUIRE(again);
  CHECK(again->kind == StoreErrorKind::not_found);
  CHECK(one_line(again->message));
}

TEST_CASE("an invalid treatment is refused in one line and nothing of it is written") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  SessionStore store = open_store(db);
  Treatment t = botox("2026-03-03");
  SECTION("negative units") { t.doses[1].units = -2.5; }
  SECTION("units that are not a number") { t.doses[3].units = std::nan(""); }
  SECTION("the same muscle and side twice") { t.doses.push_back({Muscle::corrugator, Side::left, 1.0}); }
  SECTION("doses on a medication change") { t.kind = TreatmentKind::medication; }
  SECTION("a day beyond the year 9999") { t.day = day("9999-12-31") + 1; }
  SECTION("a day before the year 0") { t.day = day("0000-01-01") - 1; }
  const auto refused = store.add_treatment(t);
  REQUIRE(std::holds_alternative<StoreError>(refused));
  const StoreError& e = std::get<StoreError>(refused);
  INFO(e.message);
  CHECK(e.kind == StoreErrorKind::invalid);
  CHECK(one_line(e.message));
  CHECK(e.message.find("treatment") != std::string::npos);
  RawDb raw(db);
  CHECK(raw.value("SELECT count(*) FROM treatments") == "0");
  CHECK(raw.value("SELECT count(*) FROM treatment_doses") == "0");
}

TEST_CASE("HFS-7 answers are written and read back by day, deleted, and an answer of 5 is refused") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  SessionStore store = open_store(db);
  Hfs7Answers march;
  march.day = day("2026-03-01");
  march.answers = {4, 3, 2, 1, 0, 4, 3};
  march.note = "before the injection";
  Hfs7Answers april;
  april.day = day("2026-04-01");
  april.answers = {1, 0, 0, 1, 0, 2, 0};
  const Hfs7Id april_id = value_of(store.add_hfs7(april));
  const Hfs7Id march_id = value_of(store.add_hfs7(march));

  auto listed = value_of(store.list_hfs7());
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].id == march_id);
  CHECK(listed[0].day == march.day);
  CHECK(listed[0].answers == march.answers);
  CHECK(listed[0].note == march.note);
  CHECK(listed[0].total() == 17);
  CHECK(listed[1].id == april_id);
  CHECK(listed[1].answers == april.answers);

  Hfs7Answers five = april;
  five.answers[6] = 5;
  const auto refused = store.add_hfs7(five);
  REQUIRE(std::holds_alternative<StoreError>(refused));
  CHECK(std::get<StoreError>(refused).kind == StoreErrorKind::invalid);
  CHECK_THAT(std::get<StoreError>(refused).message, Catch::Contains("answer 7"));
  five.answers[6] = -1;
  CHECK(std::get<StoreError>(store.add_hfs7(five)).kind == StoreErrorKind::invalid);
  CHECK(value_of(store.list_hfs7()).size() == 2);

  require_ok(store.delete_hfs7(march_id));
  listed = value_of(store.list_hfs7());
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].id == april_id);
  CHECK(store.delete_hfs7(march_id)->kind == StoreErrorKind::not_found);
}

TEST_CASE("the schema itself refuses rows outside the scales, whoever writes them") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  const TreatmentId id = [&] {
    SessionStore store = open_store(db);
    return value_of(store.add_treatment(botox("2026-03-03")));
  }();
  RawDb raw(db);
  REQUIRE(raw.exec("PRAGMA foreign_keys = ON") == SQLITE_OK);
  const std::string t = std::to_string(id);
  CHECK(raw.exec("INSERT INTO treatment_doses (treatment_id, muscle, side, units) VALUES (" + t +
                 ", 'nose', 'left', 1)") != SQLITE_OK);
  CHECK(raw.exec("INSERT INTO treatment_doses (treatment_id, muscle, side, units) VALUES (" + t +
                 ", 'masseter', 'middle', 1)") != SQLITE_OK);
  CHECK(raw.exec("INSERT INTO treatment_doses (treatment_id, muscle, side, units) VALUES (" + t +
                 ", 'masseter', 'left', -1)") != SQLITE_OK);
  CHECK(raw.exec("INSERT INTO treatment_doses (treatment_id, muscle, side, units) VALUES (" + t +
                 ", 'corrugator', 'left', 1)") != SQLITE_OK);  // already given
  CHECK(raw.exec("INSERT INTO treatment_doses (treatment_id, muscle, side, units) VALUES (" + t +
                 ", 'platysma', 'left', 1)") == SQLITE_OK);
  CHECK(raw.exec("INSERT INTO treatments (given_on, kind, created_at) VALUES ('2026-03-03', 'acupuncture', '')") !=
        SQLITE_OK);
  CHECK(raw.exec("INSERT INTO treatments (given_on, kind, created_at) VALUES ('3 March', 'botox', '')") != SQLITE_OK);
  CHECK(raw.exec("INSERT INTO hfs7 (answered_on, a1, a2, a3, a4, a5, a6, a7, created_at) "
                 "VALUES ('2026-03-03', 0, 0, 0, 0, 5, 0, 0, '')") != SQLITE_OK);
  CHECK(raw.exec("INSERT INTO hfs7 (answered_on, a1, a2, a3, a4, a5, a6, a7, created_at) "
                 "VALUES ('2026-03-03', 0, 0, 0, 0, 4, 0, 0, '')") == SQLITE_OK);
}

TEST_CASE("a session's tags are replaced and cleared") {
  TempDir dir;
  SessionStore store = open_store(dir.path() / "hemitrack.db");
  SessionInfo info;
  info.started_at = "2026-03-05T08:00:00Z";
  info.tags = {"before botox"};
  const SessionId id = value_of(store.begin_session(info));
  const SessionId other = value_of(store.begin_session(info));

  const std::vector<std::string> tags = {"stress", "screen-work", "caffeine, two cups"};
  require_ok(store.set_tags(id, tags));
  CHECK(value_of(store.load_session(id)).info.tags == tags);
  CHECK(value_of(store.load_session(other)).info.tags == info.tags);

  require_ok(store.set_tags(id, {}));
  CHECK(value_of(store.load_session(id)).info.tags.empty());

  // Text that is not UTF-8 is kept as well as it can be, never thrown on.
  require_ok(store.set_tags(id, {"m\xfc"
                                 "de"}));
  CHECK(value_of(store.load_session(id)).info.tags.size() == 1);

  const auto missing = store.set_tags(other + 100, tags);
  REQUIRE(missing);
  CHECK(missing->kind == StoreErrorKind::not_found);
  CHECK(one_line(missing->message));
}
