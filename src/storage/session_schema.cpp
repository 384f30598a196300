#include "storage/session_schema.h"

#include <algorithm>
#include <cmath>

namespace hemitrack::session_schema {
namespace {

// Times are seconds from the start of the session's source (as in events.json); wall-clock times
// are ISO-8601 UTC text. Every table that belongs to a session goes with it (ON DELETE CASCADE);
// each has an index that starts with session_id, since every read is by session.
constexpr std::string_view kVersion1 = R"sql(
PRAGMA application_id = 1213027410;

CREATE TABLE sessions (
  id             INTEGER PRIMARY KEY,
  started_at     TEXT NOT NULL,
  ended_at       TEXT,
  source         TEXT NOT NULL DEFAULT '',
  source_kind    TEXT NOT NULL CHECK (source_kind IN ('camera', 'file')),
  duration_s     REAL,
  monitored_s    REAL,
  settings_json  TEXT NOT NULL DEFAULT '',
  tags           TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings: tags may hold commas
  mirrored       INTEGER NOT NULL DEFAULT 0,
  landmarks_only INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_start ON sessions (started_at);

-- number: TwitchEvent::id, unique within its session (the UNIQUE index also serves reads by session).
CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  session_id     INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  start_s        REAL NOT NULL,
  end_s          REAL NOT NULL,
  side           TEXT NOT NULL CHECK (side IN ('right', 'left')),
  regions        TEXT NOT NULL,  -- "eye+mouth", in the order eye, mouth, brow
  kind           TEXT NOT NULL CHECK (kind IN ('clonic', 'tonic')),
  peak_closure   REAL NOT NULL DEFAULT 0,
  peak_mouth     REAL NOT NULL DEFAULT 0,
  peak_brow      REAL NOT NULL DEFAULT 0,
  other_babinski INTEGER NOT NULL DEFAULT 0,
  UNIQUE (session_id, number)
);

CREATE TABLE blinks (
  id                 INTEGER PRIMARY KEY,
  session_id         INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  start_s            REAL NOT NULL,
  end_s              REAL NOT NULL,
  peak_closure_right REAL NOT NULL DEFAULT 0,
  peak_closure_left  REAL NOT NULL DEFAULT 0
);
CREATE INDEX blinks_by_session ON blinks (session_id, start_s);

-- One row per ~1 s of frames; data is the packed layout in session_schema.h. t1 is the last
-- frame's time and monitored_s the valid-face time of these frames, so a session that was never
-- ended can still be measured without unpacking.
CREATE TABLE signal_chunks (
  id          INTEGER PRIMARY KEY,
  session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  t0          REAL NOT NULL,
  t1          REAL NOT NULL,
  frames      INTEGER NOT NULL,
  monitored_s REAL NOT NULL,
  data        BLOB NOT NULL
);
CREATE INDEX signal_chunks_by_session ON signal_chunks (session_id, t0);

-- event_number: the TwitchEvent::id the clip shows; NULL for a clip the user asked for.
CREATE TABLE clips (
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  event_number INTEGER,
  path         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('auto', 'manual')),
  start_s      REAL NOT NULL,
  end_s        REAL NOT NULL,
  bytes        INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL
);
CREATE INDEX clips_by_session ON clips (session_id);
CREATE INDEX clips_by_age ON clips (kind, created_at);
)sql";

// The Botox cycle: what was done and when, the patient's own questionnaire, and how long each eye
// was closed. Dates the patient gives are calendar days ('YYYY-MM-DD', no time or zone: an
// injection is on a day, wherever the patient is). A few rows a year: these tables need no index.
//
// closed_right_s / closed_left_s: the monitored time of the chunk with that eye's closure at or
// above StoreOptions::eye_closed_threshold, measured like monitored_s, so that months of sessions
// give "% of time the eye was closed" without unpacking a blob. NULL in chunks written by version
// 1: the reader computes those from the blob. The covering index lets a period's totals be summed
// from the index alone, never touching the blobs' pages.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE signal_chunks ADD COLUMN closed_right_s REAL;
ALTER TABLE signal_chunks ADD COLUMN closed_left_s REAL;
CREATE INDEX signal_chunks_totals ON signal_chunks (session_id, monitored_s, closed_right_s, closed_left_s);

CREATE TABLE treatments (
  id         INTEGER PRIMARY KEY,
  given_on   TEXT NOT NULL CHECK (given_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind       TEXT NOT NULL CHECK (kind IN ('botox', 'decompression', 'medication')),
  product    TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

-- Units per muscle and side; the UNIQUE index also serves reads by treatment.
CREATE TABLE treatment_doses (
  id           INTEGER PRIMARY KEY,
  treatment_id INTEGER NOT NULL REFERENCES treatments (id) ON DELETE CASCADE,
  muscle       TEXT NOT NULL CHECK (muscle IN ('orbicularis-oculi', 'corrugator', 'frontalis',
                                              'zygomaticus-major', 'buccinator', 'masseter', 'platysma')),
  side         TEXT NOT NULL CHECK (side IN ('right', 'left')),
  units        REAL NOT NULL CHECK (units >= 0),
  UNIQUE (treatment_id, muscle, side)
);

-- HFS-7 answers, 0 (never) to 4 (always), in the questionnaire's order.
CREATE TABLE hfs7 (
  id          INTEGER PRIMARY KEY,
  answered_on TEXT NOT NULL CHECK (answered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  a1          INTEGER NOT NULL CHECK (a1 BETWEEN 0 AND 4),
  a2          INTEGER NOT NULL CHECK (a2 BETWEEN 0 AND 4),
  a3          INTEGER NOT NULL CHECK (a3 BETWEEN 0 AND 4),
  a4          INTEGER NOT NULL CHECK (a4 BETWEEN 0 AND 4),
  a5          INTEGER NOT NULL CHECK (a5 BETWEEN 0 AND 4),
  a6          INTEGER NOT NULL CHECK (a6 BETWEEN 0 AND 4),
  a7          INTEGER NOT NULL CHECK (a7 BETWEEN 0 AND 4),
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
)sql";

constexpr Migration kMigrations[] = {{1, kVersion1}, {2, kVersion2}};

std::int16_t to_fixed(double v) {
  if (!std::isfinite(v)) return 0;
  return static_cast<std::int16_t>(std::clamp(std::lround(v * kValueScale), -32767L, 32767L));
}

void put16(unsigned char* p, std::uint16_t v) {
  p[0] = static_cast<unsigned char>(v & 0xff);
  p[1] = static_cast<unsigned char>(v >> 8);
}

std::uint16_t get16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_version() { return kMigrations[std::size(kMigrations) - 1].version; }

double stored_value(double v) { return to_fixed(v) / kValueScale; }

ChunkTimes measure_chunk(std::span<const StoredFrame> frames, std::optional<double>& previous_time,
                         double eye_closed_threshold) {
  ChunkTimes times;
  for (const StoredFrame& f : frames) {
    const double share = f.valid && previous_time ? std::max(0.0, f.time_s - *previous_time) : 0.0;
    times.monitored_s += share;
    for (std::size_t side = 0; side < 2; ++side)
      if (stored_value(f.closure[side]) >= eye_closed_threshold) times.closed_s[side] += share;
    previous_time = f.time_s;
  }
  return times;
}

std::vector<unsigned char> pack_frames(double t0, std::span<const StoredFrame> frames) {
  std::vector<unsigned char> out(frames.size() * kFrameBytes);
  unsigned char* p = out.data();
  for (const StoredFrame& f : frames) {
    const long offset = std::lround((f.time_s - t0) / kTimeUnitS);
    put16(p, static_cast<std::uint16_t>(std::clamp(offset, 0L, 65535L)));
    const double values[6] = {f.closure[0], f.closure[1], f.mouth[0], f.mouth[1], f.brow[0], f.brow[1]};
    for (int i = 0; i < 6; ++i) put16(p + 2 + 2 * i, static_cast<std::uint16_t>(to_fixed(values[i])));
    p[14] = static_cast<unsigned char>((f.face_found ? 1 : 0) | (f.valid ? 2 : 0) | (f.settled ? 4 : 0) |
                                       (f.extreme_pose ? 8 : 0));
    p += kFrameBytes;
  }
  return out;
}

bool unpack_frames(double t0, std::int64_t count, const unsigned char* data, std::size_t bytes,
                   std::vector<StoredFrame>& out) {
  if (count < 0 || bytes != static_cast<std::size_t>(count) * kFrameBytes) return false;
  out.reserve(out.size() + static_cast<std::size_t>(count));
  for (const unsigned char* p = data; p != data + bytes; p += kFrameBytes) {
    StoredFrame f;
    f.time_s = t0 + get16(p) * kTimeUnitS;
    double values[6];
    for (int i = 0; i < 6; ++i) values[i] = static_cast<std::int16_t>(get16(p + 2 + 2 * i)) / kValueScale;
    f.closure = {values[0], values[1]};
    f.mouth = {values[2], values[3]};
    f.brow = {values[4], values[5]};
    f.face_found = (p[14] & 1) != 0;
    f.valid = (p[14] & 2) != 0;
    f.settled = (p[14] & 4) != 0;
    f.extreme_pose = (p[14] & 8) != 0;
    out.push_back(f);
  }
  return true;
}

}  // namespace hemitrack::session_schema
