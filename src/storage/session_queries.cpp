// Reading the session database, and exporting a session for the neurologist.
#include "storage/atomic_file.h"
#include "storage/session_schema.h"
#include "storage/session_store.h"

#include "storage/event_format.h"
#include "storage/session_rows.h"
#include "storage/sqlite_support.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace hemitrack {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using sqlite::Statement;

using session_rows::event_from;
using session_rows::fail;
using session_rows::kEventColumns;
using session_rows::tags_from;

constexpr const char* kClipColumns = "id, session_id, event_number, path, kind, start_s, end_s, bytes, created_at";

ClipInfo clip_from(const Statement& row) {
  ClipInfo c;
  c.id = row.integer(0);
  c.session = row.integer(1);
  if (!row.is_null(2)) c.event_number = static_cast<int>(row.integer(2));
  c.path = row.text(3);
  c.kind = row.text(4) == "manual" ? ClipKind::manual : ClipKind::automatic;
  c.start_s = row.real(5);
  c.end_s = row.real(6);
  c.bytes = row.integer(7);
  c.created_at = row.text(8);
  return c;
}


std::optional<double> per_hour(int events, double monitored_s) {
  if (!(monitored_s > 0.0)) return std::nullopt;
  return events / (monitored_s / 3600.0);
}

// What survived of a session that was never ended: the span and valid time of its chunks.
int measure_unfinished(sqlite3* db, SessionId id, double& duration_s, double& monitored_s) {
  Statement s(db, "SELECT min(t0), max(t1), total(monitored_s) FROM signal_chunks WHERE session_id = ?");
  s.bind(1, id);
  const int rc = s.step();
  if (rc != SQLITE_ROW) return rc;
  duration_s = s.is_null(0) ? 0.0 : s.real(1) - s.real(0);
  monitored_s = s.real(2);
  return SQLITE_OK;
}


std::optional<StoreError> save(const std::variant<std::string, StoreError>& text, const fs::path& file) {
  if (auto* e = std::get_if<StoreError>(&text)) return *e;
  if (auto reason = write_atomically(file, std::get<std::string>(text)))
    return StoreError{StoreErrorKind::other, sqlite::one_line("cannot write '" + file.string() + "': " + *reason)};
  return std::nullopt;
}

}  // namespace

std::variant<std::vector<SessionListing>, StoreError> SessionStore::list_sessions() const {
  const std::string doing = "cannot list sessions";
  Statement rows(db_.get(),
                 "SELECT s.id, s.started_at, s.ended_at, s.source, s.source_kind, s.tags, s.duration_s, "
                 "s.monitored_s, count(e.id), total(e.side = 'right'), total(e.side = 'left'), "
                 "max(e.end_s - e.start_s) "
                 "FROM sessions s LEFT JOIN events e ON e.session_id = s.id "
                 "GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC");
  std::vector<SessionListing> out;
  int rc;
  while ((rc = rows.step()) == SQLITE_ROW) {
    SessionListing l;
    l.id = rows.integer(0);
    l.started_at = rows.text(1);
    l.ended_at = rows.text(2);
    l.source = rows.text(3);
    l.source_kind = rows.text(4) == "file" ? SourceKind::file : SourceKind::camera;
    l.tags = tags_from(rows.text(5));
    l.duration_s = rows.real(6);
    l.monitored_s = rows.real(7);
    l.events = static_cast<int>(rows.integer(8));
    const double right = rows.real(9), left = rows.real(10);
    if (right != left) l.dominant_side = right > left ? Side::right : Side::left;
    l.longest_event_s = rows.is_null(11) ? 0.0 : rows.real(11);
    out.push_back(std::move(l));
  }
  if (rc != SQLITE_DONE) return error(rc, doing);
  for (SessionListing& l : out) {
    if (!l.finished())
      if (const int r = measure_unfinished(db_.get(), l.id, l.duration_s, l.monitored_s); r != SQLITE_OK)
        return error(r, doing);
    l.events_per_hour = per_hour(l.events, l.monitored_s);
  }
  return out;
}

std::variant<SessionRecord, StoreError> SessionStore::load_session(SessionId id) const {
  const std::string doing = "cannot read session " + std::to_string(id);
  SessionRecord r;
  r.id = id;
  {
    Statement s(db_.get(),
                "SELECT started_at, ended_at, source, source_kind, settings_json, tags, mirrored, landmarks_only, "
                "duration_s, monitored_s FROM sessions WHERE id = ?");
    s.bind(1, id);
    const int rc = s.step();
    if (rc == SQLITE_DONE) return fail(StoreErrorKind::not_found, path_, doing + ": no such session");
    if (rc != SQLITE_ROW) return error(rc, doing);
    r.info.started_at = s.text(0);
    r.ended_at = s.text(1);
    r.info.source = s.text(2);
    r.info.source_kind = s.text(3) == "file" ? SourceKind::file : SourceKind::camera;
    r.info.settings_json = s.text(4);
    r.info.tags = tags_from(s.text(5));
    r.info.mirrored = s.integer(6) != 0;
    r.info.landmarks_only = s.integer(7) != 0;
    r.duration_s = s.real(8);
    r.monitored_s = s.real(9);
  }
  if (r.ended_at.empty())
    if (const int rc = measure_unfinished(db_.get(), id, r.duration_s, r.monitored_s); rc != SQLITE_OK)
      return error(rc, doing);

  Statement events(db_.get(), std::string("SELECT ") + kEventColumns +
                                  " FROM events WHERE session_id = ? ORDER BY start_s, number");
  events.bind(1, id);
  int rc;
  while ((rc = events.step()) == SQLITE_ROW) r.events.push_back(event_from(events));
  if (rc != SQLITE_DONE) return error(rc, doing);

  Statement blinks(db_.get(),
                   "SELECT start_s, end_s, peak_closure_right, peak_closure_left FROM blinks WHERE session_id = ? "
                   "ORDER BY start_s, id");
  blinks.bind(1, id);
  while ((rc = blinks.step()) == SQLITE_ROW)
    r.blinks.push_back({blinks.real(0), blinks.real(1), blinks.real(2), blinks.real(3)});
  if (rc != SQLITE_DONE) return error(rc, doing);

  auto signals = load_signals(id, -HUGE_VAL, HUGE_VAL);
  if (auto* e = std::get_if<StoreError>(&signals)) return *e;
  r.signals = std::move(std::get<std::vector<StoredFrame>>(signals));

  Statement clips(db_.get(), std::string("SELECT ") + kClipColumns + " FROM clips WHERE session_id = ? ORDER BY id");
  clips.bind(1, id);
  while ((rc = clips.step()) == SQLITE_ROW) r.clips.push_back(clip_from(clips));
  if (rc != SQLITE_DONE) return error(rc, doing);
  return r;
}

std::variant<std::vector<StoredFrame>, StoreError> SessionStore::load_signals(SessionId id, double from_s,
                                                                              double to_s) const {
  const std::string doing = "cannot read the signals of session " + std::to_string(id);
  // Chunks are read in the order they were written: that is frame order even when a source
  // restarted its clock.
  Statement s(db_.get(),
              "SELECT t0, frames, data FROM signal_chunks WHERE session_id = ? AND t0 <= ? AND t1 >= ? ORDER BY id");
  s.bind(1, id).bind(2, to_s).bind(3, from_s);
  std::vector<StoredFrame> frames, chunk;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) {
    chunk.clear();
    if (!session_schema::unpack_frames(s.real(0), s.integer(1), s.blob(2), s.blob_bytes(2), chunk))
      return fail(StoreErrorKind::corrupt, path_, doing + ": a signal chunk does not match its frame count");
    for (const StoredFrame& f : chunk)
      if (f.time_s >= from_s && f.time_s <= to_s) frames.push_back(f);
  }
  if (rc != SQLITE_DONE) return error(rc, doing);
  return frames;
}

std::variant<std::vector<ClipInfo>, StoreError> SessionStore::list_clips() const {
  Statement s(db_.get(), std::string("SELECT ") + kClipColumns + " FROM clips ORDER BY created_at, id");
  std::vector<ClipInfo> clips;
  int rc;
  while ((rc = s.step()) == SQLITE_ROW) clips.push_back(clip_from(s));
  if (rc != SQLITE_DONE) return error(rc, "cannot list clips");
  return clips;
}

std::variant<std::vector<ClipInfo>, StoreError> SessionStore::clips_over_budget(std::int64_t budget_bytes) const {
  auto listed = list_clips();
  if (auto* e = std::get_if<StoreError>(&listed)) return *e;
  const auto& clips = std::get<std::vector<ClipInfo>>(listed);
  std::int64_t total = 0;
  for (const ClipInfo& c : clips) total += c.bytes;
  std::vector<ClipInfo> chosen;
  for (const ClipInfo& c : clips) {  // oldest first
    if (total <= budget_bytes) break;
    if (c.kind != ClipKind::automatic) continue;
    chosen.push_back(c);
    total -= c.bytes;
  }
  return chosen;
}

std::variant<std::string, StoreError> SessionStore::export_session_json(SessionId id) const {
  auto loaded = load_session(id);
  if (auto* e = std::get_if<StoreError>(&loaded)) return *e;
  const SessionRecord& r = std::get<SessionRecord>(loaded);

  const json events = events_to_json(r.events);
  const json blinks = blinks_to_json(r.blinks);
  json clips = json::array();
  for (const auto& c : r.clips)
    clips.push_back({{"file", c.path.filename().string()},
                     {"kind", std::string(to_string(c.kind))},
                     {"event_id", c.event_number ? json(*c.event_number) : json(nullptr)},
                     {"start_s", round_to(c.start_s, 3)},
                     {"end_s", round_to(c.end_s, 3)}});
  // Settings are embedded as JSON when they are JSON, else kept as text.
  json settings = r.info.settings_json.empty() ? json(nullptr) : json::parse(r.info.settings_json, nullptr, false);
  if (settings.is_discarded()) settings = r.info.settings_json;
  const auto rate = per_hour(static_cast<int>(r.events.size()), r.monitored_s);
  const json session = {{"id", r.id},
                        {"started_at", r.info.started_at},
                        {"ended_at", r.ended_at.empty() ? json(nullptr) : json(r.ended_at)},
                        {"source_kind", std::string(to_string(r.info.source_kind))},
                        {"tags", r.info.tags},
                        {"landmarks_only", r.info.landmarks_only},
                        {"settings", settings},
                        {"events_per_hour", rate ? json(round_to(*rate, 2)) : json(nullptr)}};
  const json doc = {{"source", r.info.source},
                    {"duration_s", round_to(r.duration_s, 3)},
                    {"monitored_s", round_to(r.monitored_s, 3)},
                    {"mirrored", r.info.mirrored},
                    {"session", session},
                    {"events", events},
                    {"blinks", blinks},
                    {"clips", clips}};
  return doc.dump(2) + "\n";
}

std::variant<std::string, StoreError> SessionStore::export_session_csv(SessionId id) const {
  auto loaded = load_session(id);
  if (auto* e = std::get_if<StoreError>(&loaded)) return *e;
  return events_csv(std::get<SessionRecord>(loaded).events);
}

std::optional<StoreError> SessionStore::save_session_json(SessionId id, const std::filesystem::path& file) const {
  return save(export_session_json(id), file);
}

std::optional<StoreError> SessionStore::save_session_csv(SessionId id, const std::filesystem::path& file) const {
  return save(export_session_csv(id), file);
}

}  // namespace hemitrack
