// Sessions of a period as the trend reads them, on real database files: the eye-closed seconds
// each signal chunk carries, a version 1 database upgraded in place and measured from its blobs,
// the [from, to) bounds and the order, and sessions that were never ended.
#include "storage/session_schema.h"
#include "storage/session_store.h"
#include "storage/store_test_helpers.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace hemitrack;
using namespace hemitrack::test;
namespace fs = std::filesystem;

namespace {

constexpr int kRight = index_of(Side::right);
constexpr int kLeft = index_of(Side::left);

double moment(const char* text) {
  const auto m = parse_moment(text);
  REQUIRE(m);
  return *m;
}

// 3 s at 30 fps, every frame valid. The right eye is closed (0.9) from 1 s to just before 2 s
// (frames 30..59) except frame 45, where the face was lost. The left eye sits exactly on the
// threshold for frames 60..62 and just below it (as stored) at frame 63.
std::vector<FrameSignals> closure_frames() {
  std::vector<FrameSignals> frames;
  for (int i = 0; i < 90; ++i) {
    FrameSignals s;
    s.time_s = i / 30.0;
    s.face_found = s.valid = s.settled = i != 45;
    s.closure = {i >= 30 && i < 60 ? 0.9 : 0.1, 0.05};
    if (i >= 60 && i <= 62) s.closure[kLeft] = 0.28;
    if (i == 63) s.closure[kLeft] = 0.27994;
    frames.push_back(s);
  }
  return frames;
}

// The first migration's tables, and nothing of later ones: a database as hemitrack version 1 left it.
void create_version_1(const fs::path& db) {
  RawDb raw(db);
  const auto first = session_schema::migrations()[0];
  REQUIRE(first.version == 1);
  REQUIRE(raw.exec(std::string(first.sql) + ";PRAGMA user_version = 1;") == SQLITE_OK);
}

// Writes a session's chunks the way version 1 did: no closed columns. Returns its id.
std::int64_t write_version_1_session(const fs::path& db, const std::string& started_at, bool ended,
                                     const std::vector<StoredFrame>& frames, std::size_t chunk_frames) {
  RawDb raw(db);
  REQUIRE(raw.exec("INSERT INTO sessions (started_at, ended_at, source, source_kind, duration_s, monitored_s) "
                   "VALUES ('" +
                   started_at + "', " + (ended ? "'" + started_at + "'" : "NULL") +
                   ", 'camera 0', 'camera', 3.0, 2.5)") == SQLITE_OK);
  const std::int64_t id = std::stoll(raw.value("SELECT max(id) FROM sessions"));
  REQUIRE(raw.exec("INSERT INTO events (session_id, number, start_s, end_s, side, regions, kind, peak_closure) "
                   "VALUES (" +
                   std::to_string(id) + ", 1, 1.0, 1.9, 'right', 'eye', 'clonic', 0.9)") == SQLITE_OK);
  std::optional<double> previous;
  for (std::size_t from = 0; from < frames.size(); from += chunk_frames) {
    const std::span<const StoredFrame> chunk(frames.data() + from, std::min(chunk_frames, frames.size() - from));
    const double monitored = session_schema::measure_chunk(chunk, previous, 0.28).monitored_s;
    const auto blob = session_schema::pack_frames(chunk.front().time_s, chunk);
    std::string hex;
    for (unsigned char b : blob) {
      static const char* digits = "0123456789ABCDEF";
      hex += digits[b >> 4];
      hex += digits[b & 15];
    }
    REQUIRE(raw.exec("INSERT INTO signal_chunks (session_id, t0, t1, frames, monitored_s, data) VALUES (" +
                     std::to_string(id) + ", " + std::to_string(chunk.front().time_s) + ", " +
                     std::to_string(chunk.back().time_s) + ", " + std::to_string(chunk.size()) + ", " +
                     std::to_string(monitored) + ", X'" + hex + "')") == SQLITE_OK);
  }
  return id;
}

}  // namespace

TEST_CASE("each signal chunk carries the eye-closed seconds, counted like monitored time") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  SessionStore store = open_store(db);
  const SessionId id = begin(store, "2026-03-10T08:00:00Z");
  require_ok(store.add_signals(id, closure_frames()));
  require_ok(store.flush());

  // Each valid frame counts the 1/30 s since the frame before it. Right: frames 30..59 without 45
  // (frame 46 still counts its own interval); left: frames 60..62 (0.27994 is stored as 0.2799).
  RawDb raw(db);
  const auto chunk = [&](int n, const char* column) {
    return std::stod(raw.value(std::string("SELECT ") + column + " FROM signal_chunks ORDER BY id LIMIT 1 OFFSET " +
                               std::to_string(n)));
  };
  REQUIRE(raw.value("SELECT count(*) FROM signal_chunks") == "3");
  CHECK(chunk(0, "closed_right_s") == 0.0);
  CHECK(chunk(1, "closed_right_s") == Approx(29.0 / 30.0));
  CHECK(chunk(2, "closed_right_s") == 0.0);
  CHECK(chunk(1, "closed_left_s") == 0.0);
  CHECK(chunk(2, "closed_left_s") == Approx(3.0 / 30.0));
  // The chunks add up: as much closed time as the frames hold, never more than monitored.
  CHECK(std::stod(raw.value("SELECT total(closed_right_s) FROM signal_chunks")) == Approx(29.0 / 30.0));
  CHECK(chunk(1, "monitored_s") == Approx(29.0 / 30.0));

  const auto samples = value_of(store.load_samples(moment("2026-03-10"), moment("2026-03-11")));
  REQUIRE(samples.size() == 1);
  CHECK(samples[0].eye_closed_s[kRight] == Approx(29.0 / 30.0));
  CHECK(samples[0].eye_closed_s[kLeft] == Approx(3.0 / 30.0));
  CHECK(samples[0].monitored_s == Approx(88.0 / 30.0));  // 89 intervals, one of them lost with frame 45

  SECTION("the threshold is the store's option") {
    StoreOptions wide;
    wide.eye_closed_threshold = 0.05;  // every frame's left eye
    SessionStore other = open_store(dir.path() / "other.db", wide);
    const SessionId o = begin(other, "2026-03-10T08:00:00Z");
    require_ok(other.add_signals(o, closure_frames()));
    require_ok(other.flush());
    CHECK(value_of(other.load_samples(-HUGE_VAL, HUGE_VAL))[0].eye_closed_s[kLeft] == Approx(88.0 / 30.0));
  }
  SECTION("a threshold that could never be reached is refused") {
    StoreOptions bad;
    for (double t : {0.0, -0.3, 3.5, std::nan("")}) {
      bad.eye_closed_threshold = t;
      CHECK_FALSE(bad.validate().empty());
    }
  }
}

TEST_CASE("a version 1 database is upgraded in place, keeps its sessions and its closed time comes from the blobs") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  create_version_1(db);
  std::vector<StoredFrame> frames;
  for (const FrameSignals& f : closure_frames()) frames.push_back(to_stored_frame(f));
  const std::int64_t ended = write_version_1_session(db, "2025-11-02T10:00:00Z", true, frames, 30);
  const std::int64_t crashed = write_version_1_session(db, "2025-11-03T10:00:00Z", false, frames, 25);

  SessionStore store = open_store(db);
  {
    RawDb raw(db);
    CHECK(raw.value("PRAGMA user_version") == std::to_string(session_schema::latest_version()));
    CHECK(raw.value("PRAGMA user_version") == "2");
    CHECK(raw.value("SELECT count(*) FROM signal_chunks WHERE closed_right_s IS NULL") == "7");
  }
  const auto listed = value_of(store.list_sessions());
  REQUIRE(listed.size() == 2);
  CHECK(listed[1].id == ended);
  CHECK(listed[1].events == 1);
  CHECK(listed[1].monitored_s == 2.5);
  const SessionRecord r = value_of(store.load_session(crashed));
  CHECK(r.signals.size() == frames.size());

  const auto samples = value_of(store.load_samples(moment("2025-11-01"), moment("2025-11-04")));
  REQUIRE(samples.size() == 2);
  for (const SessionSample& s : samples) {
    INFO("session " << s.id);
    // Frame times come back from the blob within 0.5 ms.
    CHECK(s.eye_closed_s[kRight] == Approx(29.0 / 30.0).margin(0.002));
    CHECK(s.eye_closed_s[kLeft] == Approx(3.0 / 30.0).margin(0.002));
    REQUIRE(s.events.size() == 1);
    CHECK(s.events[0].end_s == 1.9);
  }
  CHECK(samples[0].id == ended);
  CHECK(samples[0].monitored_s == 2.5);                               // as the session ended
  CHECK(samples[1].monitored_s == Approx(88.0 / 30.0).margin(1e-5));  // its chunks' sum

  // The new tables work on the upgraded file, and new chunks carry their closed time.
  Treatment t;
  t.day = *parse_date("2025-11-10");
  value_of(store.add_treatment(t));
  const SessionId fresh = begin(store, "2025-11-03T12:00:00Z");
  require_ok(store.add_signals(fresh, closure_frames()));
  require_ok(store.flush());
  RawDb raw(db);
  CHECK(raw.value("SELECT count(*) FROM signal_chunks WHERE closed_right_s IS NULL") == "7");
  const auto all = value_of(store.load_samples(-HUGE_VAL, HUGE_VAL));
  REQUIRE(all.size() == 3);
  CHECK(all[2].id == fresh);
  CHECK(all[2].eye_closed_s[kRight] == Approx(29.0 / 30.0));
}

TEST_CASE("a period holds the sessions that started from its first moment up to but not at its end, oldest first") {
  TempDir dir;
  SessionStore store = open_store(dir.path() / "hemitrack.db");
  const SessionId may3_half = begin(store, "2024-05-03T00:00:00.5Z");
  const SessionId may1 = begin(store, "2024-05-01T09:00:00Z");
  const SessionId may3 = begin(store, "2024-05-03T00:00:00Z");
  const SessionId may2_late = begin(store, "2024-05-02T23:59:59Z");
  const SessionId april = begin(store, "2024-04-30T23:59:59.999Z");
  const SessionId june = begin(store, "2024-06-01T00:00:00Z");

  const auto ids = [&](double from, double to) {
    std::vector<SessionId> out;
    for (const SessionSample& s : value_of(store.load_samples(from, to))) out.push_back(s.id);
    return out;
  };
  const double may1_day = moment("2024-05-01");
  CHECK(ids(may1_day, moment("2024-05-03")) == std::vector<SessionId>{may1, may2_late});
  CHECK(ids(moment("2024-05-02"), moment("2024-05-03")) == std::vector<SessionId>{may2_late});
  // Bounds inside a day: from is included, to is not.
  CHECK(ids(moment("2024-05-01T09:00:00Z"), moment("2024-05-03T00:00:00.5Z")) ==
        std::vector<SessionId>{may1, may2_late, may3});
  CHECK(ids(moment("2024-05-01T09:00:01Z"), moment("2024-05-03T00:00:01Z")) ==
        std::vector<SessionId>{may2_late, may3, may3_half});
  CHECK(ids(-HUGE_VAL, HUGE_VAL) == std::vector<SessionId>{april, may1, may2_late, may3, may3_half, june});
  CHECK(ids(moment("2024-05-04"), moment("2024-05-31")).empty());
  CHECK(ids(may1_day + 1, may1_day).empty());
  const auto nan = store.load_samples(std::nan(""), may1_day);
  REQUIRE(std::holds_alternative<StoreError>(nan));
  CHECK(std::get<StoreError>(nan).kind == StoreErrorKind::invalid);

  const auto first = value_of(store.load_samples(may1_day, may1_day + 1));
  REQUIRE(first.size() == 1);
  CHECK(first[0].start_day == Approx(may1_day + 9.0 / 24.0));
}

TEST_CASE("a period's sessions carry their events, tags and monitored time, ended or not") {
  TempDir dir;
  SessionStore store = open_store(dir.path() / "hemitrack.db");
  SessionInfo info;
  info.started_at = "2026-02-01T18:00:00Z";
  info.tags = {"tired", "screen-work"};
  const SessionId ended = value_of(store.begin_session(info));
  TwitchEvent tonic = make_event(2, 4.0, 5.5, Side::left);
  tonic.regions = {Region::eye, Region::mouth};
  tonic.kind = EventKind::tonic;
  tonic.peak_mouth = 0.031;
  tonic.peak_brow = 0.012;
  tonic.other_babinski = true;
  const std::vector<TwitchEvent> events = {tonic, make_event(1, 1.0, 1.2, Side::right)};
  require_ok(store.add_events(ended, events));
  require_ok(store.add_signals(ended, closure_frames()));
  require_ok(store.end_session(ended, {"2026-02-01T18:10:00Z", 600.0, 540.0}));

  const SessionId never_ended = begin(store, "2026-02-02T07:00:00Z");
  require_ok(store.add_event(never_ended, make_event(1, 0.5, 0.7, Side::left)));
  require_ok(store.add_signals(never_ended, closure_frames()));
  require_ok(store.flush());

  const auto samples = value_of(store.load_samples(moment("2026-02-01"), moment("2026-02-03")));
  REQUIRE(samples.size() == 2);
  const SessionSample& e = samples[0];
  CHECK(e.id == ended);
  CHECK(e.start_day == Approx(moment("2026-02-01T18:00:00Z")));
  CHECK(e.monitored_s == 540.0);  // end_session's figure
  CHECK(e.tags == info.tags);
  REQUIRE(e.events.size() == 2);
  CHECK(same_event(e.events[0], events[1]));  // by start
  CHECK(same_event(e.events[1], tonic));
  CHECK(e.eye_closed_s[kRight] == Approx(29.0 / 30.0));

  const SessionSample& c = samples[1];
  CHECK(c.id == never_ended);
  CHECK(c.monitored_s == Approx(88.0 / 30.0));  // what its chunks hold
  CHECK(c.eye_closed_s[kRight] == Approx(29.0 / 30.0));
  CHECK(c.events.size() == 1);
  CHECK(c.tags.empty());
}

TEST_CASE("a period's totals are read from an index, never from the signal blobs") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  { SessionStore store = open_store(db); }
  RawDb raw(db);
  // The query period_queries.cpp runs for each session; column 3 of the plan is its description.
  const std::string plan = raw.value(
      "EXPLAIN QUERY PLAN SELECT total(monitored_s), total(closed_right_s), total(closed_left_s), "
      "count(*) - count(closed_right_s) FROM signal_chunks WHERE session_id = 1",
      3);
  INFO(plan);
  CHECK_THAT(plan, Catch::Contains("COVERING INDEX signal_chunks_totals"));
  const std::string range = raw.value(
      "EXPLAIN QUERY PLAN SELECT id, started_at, ended_at, monitored_s, tags FROM sessions "
      "WHERE started_at >= '2026-01-01' AND started_at < '2026-02-01' ORDER BY started_at, id",
      3);
  INFO(range);
  CHECK_THAT(range, Catch::Contains("sessions_by_start"));
}
