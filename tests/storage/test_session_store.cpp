// The SQLite session store on real database files in temporary folders: round trips, schema and
// migrations, refusing damaged or foreign files without touching them, permissions, locks, a
// writer killed mid-session, a full disk, history figures, clips and exports.
#include "storage/analysis_files.h"
#include "storage/session_schema.h"
#include "storage/session_store.h"
#include "env_var.h"
#include "storage/store_test_helpers.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hemitrack;
namespace fs = std::filesystem;

namespace {

using test::TempDir;

using test::EnvVar;
using namespace test;

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
  REQUIRE(out.good());
}

bool running_as_root() { return ::geteuid() == 0; }

StoreError open_error(const fs::path& path, const StoreOptions& options = {}) {
  auto opened = SessionStore::open(path, options);
  REQUIRE(std::holds_alternative<StoreError>(opened));
  const StoreError e = std::get<StoreError>(opened);
  INFO(e.message);
  CHECK(one_line(e.message));
  CHECK(e.message.find(path.string()) != std::string::npos);
  return e;
}

// `seconds` of frames at `fps` from `t0`, values varying by frame, every tenth frame without a face.
std::vector<FrameSignals> make_frames(double t0, double seconds, double fps) {
  std::vector<FrameSignals> frames;
  const int n = static_cast<int>(std::lround(seconds * fps));
  for (int i = 0; i < n; ++i) {
    FrameSignals s;
    s.time_s = t0 + i / fps;
    s.face_found = i % 10 != 0;
    s.valid = s.face_found;
    s.settled = s.valid && i > 30;
    s.extreme_pose = i % 17 == 0;
    s.closure = {0.01 * (i % 100), 0.9 - 0.007 * (i % 90)};
    s.mouth = {0.002 * (i % 25) - 0.02, -0.0031 * (i % 7)};
    s.brow = {0.0013 * (i % 40) - 0.026, 0.04};
    frames.push_back(s);
  }
  return frames;
}

void check_same_frames(const std::vector<StoredFrame>& got, const std::vector<FrameSignals>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("frame " << i);
    CHECK(std::abs(got[i].time_s - want[i].time_s) <= 0.0005 + 1e-9);
    CHECK(got[i].face_found == want[i].face_found);
    CHECK(got[i].valid == want[i].valid);
    CHECK(got[i].settled == want[i].settled);
    CHECK(got[i].extreme_pose == want[i].extreme_pose);
    for (int k = 0; k < 2; ++k) {
      CHECK(std::abs(got[i].closure[k] - want[i].closure[k]) <= 0.5e-4 + 1e-9);
      CHECK(std::abs(got[i].mouth[k] - want[i].mouth[k]) <= 0.5e-4 + 1e-9);
      CHECK(std::abs(got[i].brow[k] - want[i].brow[k]) <= 0.5e-4 + 1e-9);
    }
  }
}

}  // namespace

TEST_CASE("a session is written and read back as it was") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  SessionInfo info;
  info.started_at = "2024-05-01T09:30:00.250Z";
  info.source = "/videos/clinic visit.mp4";
  info.source_kind = SourceKind::file;
  info.settings_json = R"({"sensitivity":"normal"})";
  info.tags = {"botox, day 3", "after coffee"};
  info.mirrored = true;
  info.landmarks_only = true;

  TwitchEvent tonic = make_event(2, 20.125, 21.75, Side::right);
  tonic.regions = {Region::eye, Region::mouth, Region::brow};
  tonic.kind = EventKind::tonic;
  tonic.peak_closure = 0.9125;
  tonic.peak_mouth = 0.04375;
  tonic.peak_brow = -0.0123;
  tonic.other_babinski = true;
  const std::vector<TwitchEvent> events = {make_event(1, 12.4, 12.63, Side::left), tonic};
  const std::vector<Blink> blinks = {{3.1, 3.32, 0.81, 0.79}, {40.0, 40.2, 0.7, 0.72}};
  const std::vector<FrameSignals> frames = make_frames(0.0, 3.5, 30.0);

  SessionId id = 0;
  {
    SessionStore store = open_store(db);
    id = value_of(store.begin_session(info));
    require_ok(store.add_event(id, events[0]));
    require_ok(store.add_events(id, std::span<const TwitchEvent>(events).subspan(1)));
    require_ok(store.add_blinks(id, blinks));
    // Handed over a few frames at a time, as the live loop does.
    for (std::size_t i = 0; i < frames.size(); i += 4) {
      const std::size_t n = std::min<std::size_t>(4, frames.size() - i);
      require_ok(store.add_signals(id, std::span<const FrameSignals>(frames).subspan(i, n)));
    }
    // Whole seconds are committed as they fill; the last half second waits for more frames.
    const auto committed = value_of(store.load_session(id)).signals;
    CHECK(committed.size() >= 90);
    CHECK(committed.size() < frames.size());
    require_ok(store.end_session(id, {"2024-05-01T09:31:00Z", 60.0, 55.5}));
  }
  SessionStore store = open_store(db);
  const SessionRecord r = value_of(store.load_session(id));
  CHECK(r.id == id);
  CHECK(r.info.started_at == info.started_at);
  CHECK(r.info.source == info.source);
  CHECK(r.info.source_kind == SourceKind::file);
  CHECK(r.info.settings_json == info.settings_json);
  CHECK(r.info.tags == info.tags);
  CHECK(r.info.mirrored);
  CHECK(r.info.landmarks_only);
  CHECK(r.ended_at == "2024-05-01T09:31:00Z");
  CHECK(r.duration_s == 60.0);
  CHECK(r.monitored_s == 55.5);
  REQUIRE(r.events.size() == events.size());
  for (std::size_t i = 0; i < events.size(); ++i) CHECK(same_event(r.events[i], events[i]));
  REQUIRE(r.blinks.size() == blinks.size());
  for (std::size_t i = 0; i < blinks.size(); ++i) {
    CHECK(r.blinks[i].start_s == blinks[i].start_s);
    CHECK(r.blinks[i].end_s == blinks[i].end_s);
    CHECK(r.blinks[i].peak_closure_right == blinks[i].peak_closure_right);
    CHECK(r.blinks[i].peak_closure_left == blinks[i].peak_closure_left);
  }
  check_same_frames(r.signals, frames);
  CHECK(r.clips.empty());

  // A window of the trace, as a chart asks for it.
  const auto window = value_of(store.load_signals(id, 1.0, 2.0));
  REQUIRE_FALSE(window.empty());
  CHECK(window.front().time_s == Approx(1.0).margin(0.001));
  CHECK(window.back().time_s == Approx(2.0).margin(0.001));
  CHECK(window.size() == 31);
}

TEST_CASE("signal frames are committed a chunk a second and the rest by flush, end or closing") {
  TempDir dir;
  const fs::path db = dir.path() / "s.db";
  SessionId a = 0, b = 0;
  const auto frames = make_frames(100.0, 2.5, 30.0);
  {
    SessionStore store = open_store(db);
    a = begin(store);
    b = begin(store);
    require_ok(store.add_signals(a, frames));
    RawDb raw(db);
    CHECK(raw.value("SELECT count(*) FROM signal_chunks") == "2");  // [100, 101) and [101, 102)
    CHECK(raw.value("SELECT frames FROM signal_chunks ORDER BY id LIMIT 1") == "30");
    CHECK(raw.value("SELECT length(data) FROM signal_chunks ORDER BY id LIMIT 1") ==
          std::to_string(30 * session_schema::kFrameBytes));
    require_ok(store.flush());
    CHECK(raw.value("SELECT count(*) FROM signal_chunks") == "3");

    // A source whose clock went back starts a new chunk rather than a negative offset.
    auto restarted = make_frames(0.0, 0.5, 30.0);
    auto more = make_frames(0.5, 0.5, 30.0);
    restarted.insert(restarted.begin(), more.begin(), more.end());
    require_ok(store.add_signals(b, restarted));
    // Left buffered: closing the store writes it.
  }
  SessionStore store = open_store(db);
  check_same_frames(value_of(store.load_session(a)).signals, frames);
  auto expected_b = make_frames(0.5, 0.5, 30.0);
  const auto first = make_frames(0.0, 0.5, 30.0);
  expected_b.insert(expected_b.end(), first.begin(), first.end());
  check_same_frames(value_of(store.load_session(b)).signals, expected_b);
}

TEST_CASE("the stored signal layout: 15 bytes a frame, fixed point, clamped") {
  StoredFrame f;
  f.time_s = 10.0421;
  f.face_found = true;
  f.settled = true;
  f.closure = {0.12344, -0.5};
  f.mouth = {5.0, -5.0};  // beyond the range: clamped
  f.brow = {std::nan(""), 0.00005};
  const auto blob = session_schema::pack_frames(10.0, std::span<const StoredFrame>(&f, 1));
  REQUIRE(blob.size() == session_schema::kFrameBytes);
  CHECK(blob[0] == 42);  // 42 ms, little-endian
  CHECK(blob[1] == 0);
  CHECK(blob[14] == (1 | 4));
  std::vector<StoredFrame> out;
  REQUIRE(session_schema::unpack_frames(10.0, 1, blob.data(), blob.size(), out));
  REQUIRE(out.size() == 1);
  CHECK(out[0].time_s == Approx(10.042));
  CHECK(out[0].closure[0] == Approx(0.1234));
  CHECK(out[0].closure[1] == Approx(-0.5));
  CHECK(out[0].mouth[0] == Approx(3.2767));
  CHECK(out[0].mouth[1] == Approx(-3.2767));
  CHECK(out[0].brow[0] == 0.0);
  CHECK(out[0].brow[1] == Approx(0.0001));
  CHECK(out[0].face_found);
  CHECK_FALSE(out[0].valid);
  CHECK(out[0].settled);
  CHECK_FALSE(session_schema::unpack_frames(10.0, 2, blob.data(), blob.size(), out));
  CHECK(out.size() == 1);
}

TEST_CASE("the database uses WAL, records its schema version and keeps its data across reopening") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  SessionId id = 0;
  {
    SessionStore store = open_store(db);
    id = begin(store);
    require_ok(store.add_event(id, make_event(1, 1.0, 1.2, Side::left)));
  }
  {
    RawDb raw(db);
    CHECK(raw.value("PRAGMA journal_mode") == "wal");
    CHECK(raw.value("PRAGMA user_version") == std::to_string(session_schema::latest_version()));
    CHECK(raw.value("PRAGMA application_id") == std::to_string(session_schema::kApplicationId));
    CHECK(raw.value("PRAGMA foreign_key_list(events)") != "");
  }
  SessionStore store = open_store(db);
  const auto r = value_of(store.load_session(id));
  REQUIRE(r.events.size() == 1);
  CHECK(r.events[0].side == Side::left);
  CHECK(value_of(store.list_sessions()).size() == 1);
}

TEST_CASE("the schema steps are numbered 1, 2, 3 ... in order") {
  const auto steps = session_schema::migrations();
  REQUIRE_FALSE(steps.empty());
  for (std::size_t i = 0; i < steps.size(); ++i) CHECK(steps[i].version == static_cast<int>(i) + 1);
  CHECK(session_schema::latest_version() == static_cast<int>(steps.size()));
}

TEST_CASE("an empty database is brought to the latest schema") {
  TempDir dir;
  SECTION("an empty SQLite database") {
    const fs::path db = dir.path() / "empty.db";
    {
      RawDb raw(db);
      REQUIRE(raw.exec("PRAGMA user_version") == SQLITE_OK);
    }
    SessionStore store = open_store(db);
    begin(store);
    RawDb raw(db);
    CHECK(raw.value("PRAGMA user_version") == std::to_string(session_schema::latest_version()));
    CHECK(raw.value("SELECT count(*) FROM sqlite_master WHERE type = 'table'") == "8");
  }
  SECTION("a file of zero bytes") {
    const fs::path db = dir.path() / "zero.db";
    write_bytes(db, "");
    SessionStore store = open_store(db);
    CHECK(value_of(store.list_sessions()).empty());
  }
}

TEST_CASE("a database from a newer hemitrack is refused and left byte for byte") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  {
    RawDb raw(db);
    REQUIRE(raw.exec("CREATE TABLE sessions (id INTEGER PRIMARY KEY, future TEXT);"
                     "INSERT INTO sessions (future) VALUES ('from 2031');"
                     "PRAGMA application_id = " + std::to_string(session_schema::kApplicationId) + ";"
                     "PRAGMA user_version = " + std::to_string(session_schema::latest_version() + 1)) == SQLITE_OK);
  }
  const std::string before = read_bytes(db);
  const StoreError e = open_error(db);
  CHECK(e.kind == StoreErrorKind::too_new);
  CHECK(e.message.find("newer hemitrack") != std::string::npos);
  CHECK(read_bytes(db) == before);
}

TEST_CASE("another program's SQLite database is refused and left byte for byte") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  {
    RawDb raw(db);
    REQUIRE(raw.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')") == SQLITE_OK);
  }
  const std::string before = read_bytes(db);
  CHECK(open_error(db).kind == StoreErrorKind::other);
  CHECK(read_bytes(db) == before);
}

TEST_CASE("a file that is not a database is refused as corrupt and left byte for byte") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  std::mt19937 random(7);
  std::string noise(4096, '\0');
  for (char& c : noise) c = static_cast<char>(random() & 0xff);
  write_bytes(db, noise);
  const StoreError e = open_error(db);
  CHECK(e.kind == StoreErrorKind::corrupt);
  CHECK(read_bytes(db) == noise);
}

TEST_CASE("a damaged database is refused as corrupt and left byte for byte") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  {
    SessionStore store = open_store(db);
    const SessionId id = begin(store);
    for (int i = 1; i <= 400; ++i) require_ok(store.add_event(id, make_event(i, i, i + 0.2, Side::left)));
    require_ok(store.add_signals(id, make_frames(0.0, 120.0, 30.0)));
  }
  std::string bytes = read_bytes(db);
  REQUIRE(bytes.size() > 64 * 1024);
  // Three pages in the middle of the file overwritten, as a bad sector or a stray write would.
  const std::size_t page = 4096, middle = (bytes.size() / 2) / page * page;
  for (std::size_t i = middle; i < middle + 3 * page; ++i) bytes[i] = static_cast<char>(0xff);
  write_bytes(db, bytes);
  const StoreError e = open_error(db);
  CHECK(e.kind == StoreErrorKind::corrupt);
  CHECK(e.message.find("left untouched") != std::string::npos);
  CHECK(read_bytes(db) == bytes);
}

TEST_CASE("a place that cannot be written is reported, not crashed on") {
  TempDir dir;
  SECTION("a folder path that runs through a regular file") {
    write_bytes(dir.path() / "file", "x");
    const StoreError e = open_error(dir.path() / "file" / "data" / "hemitrack.db");
    CHECK(e.kind == StoreErrorKind::cannot_create);
  }
  SECTION("a read-only folder") {
    if (running_as_root()) {
      // Permission bits do not stop root; sysfs refuses new files to everyone.
      std::error_code ec;
      if (!fs::is_directory("/sys", ec) || ::access("/sys", W_OK) != 0) {
        WARN("no folder refuses root here; read-only folder not tested");
        return;
      }
      const fs::path db = "/sys/hemitrack-test-" + std::to_string(::getpid()) + ".db";
      auto opened = SessionStore::open(db);
      if (std::holds_alternative<SessionStore>(opened)) {
        fs::remove(db, ec);
        WARN("/sys accepted a file; read-only folder not tested");
        return;
      }
      CHECK(std::get<StoreError>(opened).kind == StoreErrorKind::not_writable);
      return;
    }
    const fs::path folder = dir.path() / "locked";
    fs::create_directories(folder);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK(open_error(folder / "hemitrack.db").kind == StoreErrorKind::not_writable);
    CHECK(open_error(folder / "more" / "hemitrack.db").kind == StoreErrorKind::cannot_create);
  }
  SECTION("a database file that may only be read") {
    if (running_as_root()) {
      WARN("running as root: file permissions do not apply; read-only file not tested");
      return;
    }
    const fs::path db = dir.path() / "hemitrack.db";
    { SessionStore store = open_store(db); begin(store); }
    fs::permissions(db, fs::perms::owner_read);
    const std::string before = read_bytes(db);
    CHECK(open_error(db).kind == StoreErrorKind::not_writable);
    CHECK(read_bytes(db) == before);
  }
}

TEST_CASE("a database another program holds gives locked within the busy timeout, then works again") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  StoreOptions options;
  options.busy_timeout_s = 0.5;
  using clock = std::chrono::steady_clock;
  const auto seconds_since = [](clock::time_point t) {
    return std::chrono::duration<double>(clock::now() - t).count();
  };

  SECTION("while the store writes") {
    SessionStore store = open_store(db, options);
    const SessionId id = begin(store);
    RawDb other(db);
    REQUIRE(other.exec("BEGIN EXCLUSIVE; INSERT INTO sessions (started_at, source_kind) VALUES ('x', 'camera')") ==
            SQLITE_OK);
    const auto start = clock::now();
    const auto e = store.add_event(id, make_event(1, 1.0, 1.1, Side::left));
    REQUIRE(e);
    CHECK(e->kind == StoreErrorKind::locked);
    CHECK(one_line(e->message));
    CHECK(seconds_since(start) >= 0.4);
    CHECK(seconds_since(start) < 2.0);
    // Signal frames wait in the buffer meanwhile.
    const auto frames = make_frames(0.0, 1.5, 30.0);
    const auto s = store.add_signals(id, frames);
    CHECK((s && s->kind == StoreErrorKind::locked));
    REQUIRE(other.exec("COMMIT") == SQLITE_OK);
    require_ok(store.add_event(id, make_event(1, 1.0, 1.1, Side::left)));
    require_ok(store.flush());
    const auto r = value_of(store.load_session(id));
    CHECK(r.events.size() == 1);
    check_same_frames(r.signals, frames);
  }
  SECTION("while the store opens") {
    { SessionStore store = open_store(db, options); }
    RawDb other(db);
    REQUIRE(other.exec("BEGIN EXCLUSIVE; INSERT INTO sessions (started_at, source_kind) VALUES ('x', 'camera')") ==
            SQLITE_OK);
    const auto start = clock::now();
    auto opened = SessionStore::open(db, options);
    // WAL lets the store open and read; its first write has to wait.
    std::optional<StoreError> e;
    if (auto* store = std::get_if<SessionStore>(&opened)) {
      auto begun = store->begin_session({});
      REQUIRE(std::holds_alternative<StoreError>(begun));
      e = std::get<StoreError>(begun);
    } else {
      e = std::get<StoreError>(opened);
    }
    CHECK(e->kind == StoreErrorKind::locked);
    CHECK(seconds_since(start) < 2.5);
    REQUIRE(other.exec("COMMIT") == SQLITE_OK);
    SessionStore store = open_store(db, options);
    begin(store);
  }
}

TEST_CASE("a writer killed mid-session loses at most the last second") {
#ifndef HEMITRACK_SESSION_WRITER
  FAIL("built without HEMITRACK_SESSION_WRITER (the path of the session_writer helper)");
#else
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  int out[2];
  REQUIRE(::pipe(out) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(HEMITRACK_SESSION_WRITER, HEMITRACK_SESSION_WRITER, db.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);

  // Read what it reports for about two seconds of writing, kill it without warning, then read
  // what it printed before it died.
  std::string text;
  char buf[4096];
  const auto read_some = [&](int timeout_ms) {
    pollfd p{out[0], POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) return false;
    text.append(buf, static_cast<std::size_t>(n));
    return true;
  };
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(2300)) read_some(50);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  while (read_some(1000)) {
  }
  ::close(out[0]);
  REQUIRE(WIFSIGNALED(status));
  INFO(text.substr(0, 400));
  REQUIRE(text.find("error") == std::string::npos);

  SessionId id = 0;
  std::vector<int> printed_events;
  double frames_to = -1.0;
  std::istringstream lines(text.substr(0, text.rfind('\n') + 1));  // a line cut off by the kill is ignored
  for (std::string line; std::getline(lines, line);) {
    long long session = 0;
    int n = 0;
    double t = 0.0;
    if (std::sscanf(line.c_str(), "session %lld", &session) == 1) id = session;
    if (std::sscanf(line.c_str(), "event %d at %lf", &n, &t) == 2) printed_events.push_back(n);
    if (std::sscanf(line.c_str(), "frames to %lf", &t) == 1) frames_to = t;
  }
  REQUIRE(id > 0);
  REQUIRE(printed_events.size() >= 10);

  SessionStore store = open_store(db);  // opening runs quick_check
  {
    RawDb raw(db);
    CHECK(raw.value("PRAGMA integrity_check") == "ok");
  }
  const SessionRecord r = value_of(store.load_session(id));
  CHECK(r.ended_at.empty());  // never ended
  // Every event reported as stored was committed before it was reported.
  std::vector<int> stored;
  for (const auto& e : r.events) stored.push_back(e.id);
  for (int n : printed_events) CHECK(std::find(stored.begin(), stored.end(), n) != stored.end());
  CHECK_FALSE(r.blinks.empty());
  // Signals: all but the chunk still buffered (up to 1 s) and the frame in flight.
  REQUIRE_FALSE(r.signals.empty());
  INFO("frames handed over up to " << frames_to << " s, stored up to " << r.signals.back().time_s << " s");
  CHECK(r.signals.back().time_s >= frames_to - 1.1);
  // The history still measures what survived.
  const auto listed = value_of(store.list_sessions());
  REQUIRE(listed.size() == 1);
  CHECK_FALSE(listed[0].finished());
  CHECK(listed[0].duration_s > 0.5);
  CHECK(listed[0].monitored_s == Approx(listed[0].duration_s).margin(0.05));
#endif
}

TEST_CASE("deleting a session removes everything in it and returns its clip files") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  SessionStore store = open_store(db);
  const SessionId keep = begin(store), gone = begin(store);
  for (SessionId id : {keep, gone}) {
    require_ok(store.add_event(id, make_event(1, 1.0, 1.2, Side::left)));
    const Blink blink{2.0, 2.2, 0.8, 0.8};
    require_ok(store.add_blinks(id, std::span<const Blink>(&blink, 1)));
    require_ok(store.add_signals(id, make_frames(0.0, 2.0, 30.0)));
    NewClip clip;
    clip.session = id;
    clip.event_number = 1;
    clip.path = dir.path() / ("clip-" + std::to_string(id) + ".mp4");
    clip.bytes = 1000;
    value_of(store.add_clip(clip));
  }
  require_ok(store.flush());

  const auto files = value_of(store.delete_session(gone));
  REQUIRE(files.size() == 1);
  CHECK(files[0] == dir.path() / ("clip-" + std::to_string(gone) + ".mp4"));
  RawDb raw(db);
  for (const char* table : {"events", "blinks", "signal_chunks", "clips"}) {
    INFO(table);
    const std::string count = std::string("SELECT count(*) FROM ") + table + " WHERE session_id = ";
    CHECK(raw.value(count + std::to_string(gone)) == "0");
    CHECK(raw.value(count + std::to_string(keep)) != "0");
  }
  auto again = store.delete_session(gone);
  REQUIRE(std::holds_alternative<StoreError>(again));
  CHECK(std::get<StoreError>(again).kind == StoreErrorKind::not_found);
  CHECK(std::get<StoreError>(store.load_session(gone)).kind == StoreErrorKind::not_found);
}

TEST_CASE("the history list gives each session's rate per monitored hour, dominant side and longest event") {
  TempDir dir;
  SessionStore store = open_store(dir.path() / "hemitrack.db");
  const SessionId older = begin(store, "2024-05-01T09:00:00Z");
  const SessionId newer = begin(store, "2024-05-02T09:00:00Z");
  const SessionId quiet = begin(store, "2024-05-03T09:00:00Z");
  const SessionId crashed = begin(store, "2024-05-04T09:00:00Z");
  // 6 events in half an hour of monitored time: 12 an hour. Four on the left.
  std::vector<TwitchEvent> events = {make_event(1, 10, 10.2, Side::left), make_event(2, 20, 20.3, Side::right),
                                     make_event(3, 30, 31.5, Side::left), make_event(4, 40, 40.1, Side::left),
                                     make_event(5, 50, 50.2, Side::right), make_event(6, 60, 60.2, Side::left)};
  require_ok(store.add_events(older, events));
  require_ok(store.end_session(older, {"2024-05-01T10:00:00Z", 3600.0, 1800.0}));
  // A tie has no dominant side.
  require_ok(store.add_events(newer, std::span<const TwitchEvent>(events).subspan(0, 2)));
  require_ok(store.end_session(newer, {"", 600.0, 600.0}));
  require_ok(store.end_session(quiet, {"", 100.0, 0.0}));
  // Never ended: measured from its stored signals (2 s, every tenth frame without a face).
  require_ok(store.add_event(crashed, make_event(1, 1.0, 1.4, Side::right)));
  require_ok(store.add_signals(crashed, make_frames(5.0, 2.0, 30.0)));
  require_ok(store.flush());

  const auto list = value_of(store.list_sessions());
  REQUIRE(list.size() == 4);
  CHECK(list[0].id == crashed);  // newest first
  CHECK(list[1].id == quiet);
  CHECK(list[2].id == newer);
  CHECK(list[3].id == older);

  const SessionListing& o = list[3];
  CHECK(o.finished());
  CHECK(o.started_at == "2024-05-01T09:00:00Z");
  CHECK(o.duration_s == 3600.0);
  CHECK(o.monitored_s == 1800.0);
  CHECK(o.events == 6);
  REQUIRE(o.events_per_hour);
  CHECK(*o.events_per_hour == Approx(12.0));
  CHECK(o.dominant_side == Side::left);
  CHECK(o.longest_event_s == Approx(1.5));

  CHECK(list[2].events == 2);
  CHECK(*list[2].events_per_hour == Approx(12.0));
  CHECK_FALSE(list[2].dominant_side);
  CHECK_FALSE(list[2].ended_at.empty());

  CHECK(list[1].events == 0);
  CHECK_FALSE(list[1].events_per_hour);  // no monitored time: no rate
  CHECK_FALSE(list[1].dominant_side);
  CHECK(list[1].longest_event_s == 0.0);

  const SessionListing& c = list[0];
  CHECK_FALSE(c.finished());
  CHECK(c.duration_s == Approx(59.0 / 30.0));
  // Each valid frame counts the interval since the frame before it (as SummaryBuilder does):
  // 60 frames, 6 without a face (the first among them), so 54 valid frames of 1/30 s.
  CHECK(c.monitored_s == Approx(54.0 / 30.0));
  CHECK(c.dominant_side == Side::right);
  CHECK(*c.events_per_hour == Approx(3600.0 / (54.0 / 30.0)));
}

TEST_CASE("stored monitored time matches the session summary's") {
  TempDir dir;
  SessionStore store = open_store(dir.path() / "hemitrack.db");
  const SessionId id = begin(store, "2024-05-04T09:00:00Z");
  const auto frames = make_frames(0.0, 7.3, 25.0);
  SummaryBuilder summary(0.5);
  for (const auto& f : frames) summary.add_frame(f);
  require_ok(store.add_signals(id, frames));
  require_ok(store.flush());
  CHECK(value_of(store.list_sessions())[0].monitored_s == Approx(summary.build({}, {}).monitored_s));
}

TEST_CASE("a full disk is reported as disk_full and what was committed survives") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  StoreOptions small;
  small.max_database_bytes = 160 * 1024;  // stands in for a full disk
  SessionId id = 0;
  int stored = 0;
  {
    SessionStore store = open_store(db, small);
    id = begin(store);
    std::optional<StoreError> e;
    for (int i = 1; i <= 20000 && !e; ++i) {
      e = store.add_event(id, make_event(i, i, i + 0.1, Side::left));
      if (!e) stored = i;
    }
    REQUIRE(e);
    INFO(e->message);
    CHECK(e->kind == StoreErrorKind::disk_full);
    CHECK(one_line(e->message));
    CHECK(e->message.find(db.string()) != std::string::npos);
    CHECK(stored > 100);
    // Signals too; the frames stay buffered for a later try.
    const auto s = store.add_signals(id, make_frames(0.0, 600.0, 30.0));
    REQUIRE(s);
    CHECK(s->kind == StoreErrorKind::disk_full);
    // Reading still works.
    CHECK(value_of(store.load_session(id)).events.size() == static_cast<std::size_t>(stored));
  }
  SessionStore store = open_store(db);
  const auto r = value_of(store.load_session(id));
  REQUIRE(r.events.size() == static_cast<std::size_t>(stored));
  CHECK(r.events.back().id == stored);
  RawDb raw(db);
  CHECK(raw.value("PRAGMA integrity_check") == "ok");
}

TEST_CASE("clips are listed oldest first and the budget proposes only automatic ones") {
  TempDir dir;
  SessionStore store = open_store(dir.path() / "hemitrack.db");
  const SessionId id = begin(store);
  const auto add = [&](const char* name, ClipKind kind, std::int64_t bytes) {
    NewClip c;
    c.session = id;
    c.path = dir.path() / name;
    c.kind = kind;
    c.bytes = bytes;
    c.start_s = 1.0;
    c.end_s = 4.0;
    if (kind == ClipKind::automatic) c.event_number = 1;
    return value_of(store.add_clip(c));
  };
  add("a.mp4", ClipKind::automatic, 100);
  add("m.mp4", ClipKind::manual, 500);
  const ClipId b = add("b.mp4", ClipKind::automatic, 100);
  add("c.mp4", ClipKind::automatic, 100);

  const auto all = value_of(store.list_clips());
  REQUIRE(all.size() == 4);
  CHECK(all[0].path.filename() == "a.mp4");
  CHECK(all[0].event_number == 1);
  CHECK_FALSE(all[1].event_number);
  CHECK(all[1].kind == ClipKind::manual);
  CHECK_FALSE(all[0].created_at.empty());

  CHECK(value_of(store.clips_over_budget(800)).empty());
  const auto two = value_of(store.clips_over_budget(650));  // 800 -> 600: the two oldest automatic
  REQUIRE(two.size() == 2);
  CHECK(two[0].path.filename() == "a.mp4");
  CHECK(two[1].path.filename() == "b.mp4");
  CHECK(value_of(store.clips_over_budget(0)).size() == 3);  // never the manual one

  require_ok(store.remove_clip(b));
  CHECK(value_of(store.list_clips()).size() == 3);
  CHECK(store.remove_clip(b)->kind == StoreErrorKind::not_found);
  NewClip orphan;
  orphan.session = 9999;
  orphan.path = "x.mp4";
  CHECK(std::get<StoreError>(store.add_clip(orphan)).kind == StoreErrorKind::not_found);
}

TEST_CASE("a session exports as events.json-shaped JSON and as the events CSV") {
  TempDir dir;
  SessionStore store = open_store(dir.path() / "hemitrack.db");
  SessionInfo info;
  info.started_at = "2024-05-01T09:00:00Z";
  info.source = "clinic.mp4";
  info.source_kind = SourceKind::file;
  info.settings_json = R"({"eye_on": 0.28})";
  info.tags = {"before botox"};
  const SessionId id = value_of(store.begin_session(info));
  TwitchEvent e2 = make_event(2, 5.0, 6.5, Side::right);
  e2.regions = {Region::eye, Region::mouth};
  e2.kind = EventKind::tonic;
  e2.other_babinski = true;
  const std::vector<TwitchEvent> events = {make_event(1, 1.5, 1.75, Side::left), e2};
  require_ok(store.add_events(id, events));
  const Blink blink{3.0, 3.2, 0.8, 0.82};
  require_ok(store.add_blinks(id, std::span<const Blink>(&blink, 1)));
  require_ok(store.end_session(id, {"2024-05-01T09:10:00Z", 600.0, 360.0}));

  const fs::path out_dir = dir.path() / "export";
  fs::create_directories(out_dir);
  require_ok(store.save_session_json(id, out_dir / "session.json"));
  auto read = read_events_json(out_dir / "session.json");
  if (auto* e = std::get_if<ReadError>(&read)) FAIL(e->message);
  const AnalysisRecord& rec = std::get<AnalysisRecord>(read);
  CHECK(rec.source == "clinic.mp4");
  CHECK(rec.duration_s == 600.0);
  REQUIRE(rec.events.size() == 2);
  CHECK(rec.events[1].id == 2);
  CHECK(rec.events[1].side == Side::right);
  CHECK(rec.events[1].regions == e2.regions);
  CHECK(rec.events[1].kind == EventKind::tonic);
  CHECK(rec.events[1].other_babinski);
  REQUIRE(rec.blinks.size() == 1);
  const std::string json_text = value_of(store.export_session_json(id));
  CHECK(json_text.find("\"events_per_hour\": 20.0") != std::string::npos);
  CHECK(json_text.find("\"eye_on\": 0.28") != std::string::npos);  // settings embedded as JSON
  CHECK(json_text.find("before botox") != std::string::npos);

  require_ok(store.save_session_csv(id, out_dir / "events.csv"));
  const std::string csv = read_bytes(out_dir / "events.csv");
  CHECK(csv == value_of(store.export_session_csv(id)));
  CHECK(csv ==
        "id,start_s,end_s,duration_s,side,regions,kind,peak_closure,peak_mouth,peak_brow,other_babinski\n"
        "1,1.500,1.750,0.250,left,eye,clonic,0.600,0.0000,0.0000,0\n"
        "2,5.000,6.500,1.500,right,eye+mouth,tonic,0.600,0.0000,0.0000,1\n");

  CHECK(std::get<StoreError>(store.export_session_csv(id + 1)).kind == StoreErrorKind::not_found);
  const auto unwritable = store.save_session_csv(id, dir.path() / "no such folder" / "events.csv");
  REQUIRE(unwritable);
  CHECK(one_line(unwritable->message));
}

TEST_CASE("the data folder follows XDG_DATA_HOME and HOME, and is created private") {
  TempDir dir;
  {
    EnvVar xdg("XDG_DATA_HOME", (dir.path() / "xdg").c_str());
    CHECK(default_data_dir() == dir.path() / "xdg" / "hemitrack");
    CHECK(default_database_path() == dir.path() / "xdg" / "hemitrack" / "hemitrack.db");
  }
  {
    EnvVar xdg("XDG_DATA_HOME", "relative/data");
    EnvVar home("HOME", dir.path().c_str());
    CHECK(default_data_dir() == dir.path() / ".local" / "share" / "hemitrack");
  }
  {
    EnvVar xdg("XDG_DATA_HOME", nullptr);
    EnvVar home("HOME", "");
    CHECK(default_data_dir().is_absolute());
  }
  EnvVar xdg("XDG_DATA_HOME", (dir.path() / "new" / "data").c_str());
  {
    SessionStore store = open_store(default_database_path());
    begin(store);
  }
  struct stat st {};
  REQUIRE(::stat((dir.path() / "new").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat(default_data_dir().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat(default_database_path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("unusable options, values and session numbers are refused with one line") {
  TempDir dir;
  const fs::path db = dir.path() / "hemitrack.db";
  StoreOptions bad;
  bad.signal_chunk_s = 0.0;
  CHECK_FALSE(bad.validate().empty());
  CHECK(open_error(db, bad).kind == StoreErrorKind::invalid);
  CHECK(StoreOptions{}.validate().empty());

  SessionStore store = open_store(db);
  SessionInfo info;
  info.started_at = "yesterday";
  CHECK_FALSE(info.validate().empty());
  CHECK(std::get<StoreError>(store.begin_session(info)).kind == StoreErrorKind::invalid);
  info.started_at = "2024-05-01 09:30:00";  // local time without a zone: ambiguous
  CHECK(std::get<StoreError>(store.begin_session(info)).kind == StoreErrorKind::invalid);

  const SessionId id = begin(store);
  const auto missing = store.add_event(id + 100, make_event(1, 1.0, 1.1, Side::left));
  REQUIRE(missing);
  CHECK(missing->kind == StoreErrorKind::not_found);
  const auto frames = make_frames(0.0, 2.0, 30.0);
  const auto lost = store.add_signals(id + 100, frames);
  REQUIRE(lost);
  CHECK(lost->kind == StoreErrorKind::not_found);
  require_ok(store.flush());  // nothing left over from the unknown session
  CHECK(store.end_session(id + 100, {})->kind == StoreErrorKind::not_found);

  require_ok(store.add_event(id, make_event(1, 1.0, 1.1, Side::left)));
  const auto twice = store.add_event(id, make_event(1, 1.0, 1.1, Side::left));
  REQUIRE(twice);
  CHECK(twice->kind == StoreErrorKind::invalid);
  CHECK(value_of(store.load_session(id)).events.size() == 1);
}
