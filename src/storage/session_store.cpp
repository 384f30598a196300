// Opening the session database, and everything that writes to it. Reading and export are in
// session_queries.cpp.
#include "storage/session_store.h"

#include "storage/messages.h"
#include "storage/private_folders.h"

#include "storage/session_rows.h"
#include "storage/session_schema.h"
#include "storage/sqlite_support.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hemitrack {
namespace {

namespace fs = std::filesystem;
using session_rows::utc_now;
using sqlite::Statement;
using sqlite::Transaction;

StoreError fail(StoreErrorKind kind, const fs::path& path, const std::string& problem) {
  return StoreError{kind, sqlite::one_line(sqlite::where(path) + problem)};
}

// Health data: the folders are readable by the user only (private_folders.h).
std::optional<StoreError> create_data_folders(const fs::path& folder, const fs::path& db) {
  const auto e = create_private_folders(folder);
  if (!e) return std::nullopt;
  return fail(e->error == ENOSPC ? StoreErrorKind::disk_full : StoreErrorKind::cannot_create, db, e->message);
}

// The folder and an empty file (0600) exist and may be written, or the reason why not. SQLite
// itself would create the file with 0644, and needs the folder writable for its -wal and -shm files.
std::optional<StoreError> prepare_file(const fs::path& path) {
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (auto e = create_data_folders(folder, path)) return e;
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    return fail(StoreErrorKind::not_writable, path, "the folder may not be written (" + system_reason(errno) + ")");

  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      ::close(fd);
      return std::nullopt;
    }
    const int err = errno;
    if (err == EEXIST) return std::nullopt;  // created by someone else meanwhile
    const auto kind = (err == EACCES || err == EPERM || err == EROFS) ? StoreErrorKind::not_writable
                      : (err == ENOSPC || err == EDQUOT)              ? StoreErrorKind::disk_full
                                                                      : StoreErrorKind::cannot_create;
    return fail(kind, path, "cannot create the file: " + system_reason(err));
  }
  if (ec) return fail(StoreErrorKind::other, path, "cannot be checked: " + ec.message());
  if (status.type() != fs::file_type::regular) return fail(StoreErrorKind::other, path, "is not a regular file");
  if (::access(path.c_str(), R_OK | W_OK) != 0)
    return fail(StoreErrorKind::not_writable, path, "the file may not be written (" + system_reason(errno) + ")");
  return std::nullopt;
}

// The whole file is read and checked before anything is written to it. A damaged file stays as
// it is, for the user (or a recovery tool) to rescue what they can.
std::optional<StoreError> check_file(sqlite3* db, const fs::path& path) {
  Statement check(db, "PRAGMA quick_check(1)");
  const int rc = check.step();
  if (rc != SQLITE_ROW) {
    StoreError e = sqlite::to_store_error(db, rc, path, "cannot be read");
    if (e.kind == StoreErrorKind::corrupt) e.message += "; it was left untouched";
    return e;
  }
  if (const std::string verdict = check.text(0); verdict != "ok")
    return fail(StoreErrorKind::corrupt, path, "is damaged (" + verdict + "); it was left untouched");

  const auto pragma = [&](const char* sql, std::int64_t& value) -> std::optional<StoreError> {
    Statement s(db, sql);
    const int r = s.step();
    if (r != SQLITE_ROW) return sqlite::to_store_error(db, r, path, "cannot be read");
    value = s.integer(0);
    return std::nullopt;
  };
  std::int64_t version = 0, app = 0, tables = 0;
  if (auto e = pragma("PRAGMA user_version", version)) return e;
  if (auto e = pragma("PRAGMA application_id", app)) return e;
  if (auto e = pragma("SELECT count(*) FROM sqlite_master", tables)) return e;
  if (app != 0 && app != session_schema::kApplicationId)
    return fail(StoreErrorKind::other, path, "belongs to another program; it was left untouched");
  if (app == 0 && (version != 0 || tables != 0))
    return fail(StoreErrorKind::other, path, "is another program's SQLite database; it was left untouched");
  if (version > session_schema::latest_version())
    return fail(StoreErrorKind::too_new, path,
                "was written by a newer hemitrack (schema " + std::to_string(version) + ", this one knows up to " +
                    std::to_string(session_schema::latest_version()) + "); it was left untouched");
  return std::nullopt;
}

std::optional<StoreError> configure(sqlite3* db, const fs::path& path, const StoreOptions& options) {
  {
    Statement wal(db, "PRAGMA journal_mode=WAL");
    const int rc = wal.step();
    if (rc != SQLITE_ROW) return sqlite::to_store_error(db, rc, path, "cannot switch to write-ahead logging");
    if (wal.text(0) != "wal")
      return fail(StoreErrorKind::other, path,
                  "cannot use write-ahead logging (journal mode stays '" + wal.text(0) + "'; a network file system?)");
  }
  const char* sync = options.sync_every_commit ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
  if (int rc = sqlite::exec(db, sync); rc != SQLITE_OK) return sqlite::to_store_error(db, rc, path, "cannot be set up");
  if (int rc = sqlite::exec(db, "PRAGMA foreign_keys=ON"); rc != SQLITE_OK)
    return sqlite::to_store_error(db, rc, path, "cannot be set up");
  if (options.max_database_bytes > 0) {
    const std::int64_t page_size = [&] {
      Statement s(db, "PRAGMA page_size");
      return s.step() == SQLITE_ROW ? s.integer(0) : 4096;
    }();
    const std::int64_t pages = std::max<std::int64_t>(1, options.max_database_bytes / page_size);
    const std::string sql = "PRAGMA max_page_count=" + std::to_string(pages);
    if (int rc = sqlite::exec(db, sql.c_str()); rc != SQLITE_OK)
      return sqlite::to_store_error(db, rc, path, "cannot be set up");
  }
  return std::nullopt;
}

// Applies the schema steps the file lacks, each in its own transaction. The version is read again
// inside each transaction: another program opening the same new file may have applied it first.
std::optional<StoreError> migrate(sqlite3* db, const fs::path& path) {
  {
    // Up to date (the usual case): no transaction, so opening never waits for another writer.
    Statement version(db, "PRAGMA user_version");
    if (const int rc = version.step(); rc != SQLITE_ROW) return sqlite::to_store_error(db, rc, path, "cannot be read");
    if (version.integer(0) >= session_schema::latest_version()) return std::nullopt;
  }
  for (const auto& step : session_schema::migrations()) {
    Transaction tx(db);
    if (tx.begin_result() != SQLITE_OK)
      return sqlite::to_store_error(db, tx.begin_result(), path, "cannot update the schema");
    Statement current(db, "PRAGMA user_version");
    if (const int rc = current.step(); rc != SQLITE_ROW)
      return sqlite::to_store_error(db, rc, path, "cannot update the schema");
    if (current.integer(0) >= step.version) continue;
    const std::string doing = "cannot update the schema to version " + std::to_string(step.version);
    const std::string sql = std::string(step.sql) + ";PRAGMA user_version=" + std::to_string(step.version) + ";";
    if (int rc = sqlite::exec(db, sql.c_str()); rc != SQLITE_OK) return sqlite::to_store_error(db, rc, path, doing);
    if (int rc = tx.commit(); rc != SQLITE_OK) return sqlite::to_store_error(db, rc, path, doing);
  }
  return std::nullopt;
}

// "YYYY-MM-DDTHH:MM:SS", optional ".fff...", then "Z".
bool is_utc_timestamp(const std::string& s) {
  const std::string_view shape = "dddd-dd-ddTdd:dd:dd";
  if (s.size() < shape.size() + 1 || s.back() != 'Z') return false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const bool digit = s[i] >= '0' && s[i] <= '9';
    if (shape[i] == 'd' ? !digit : s[i] != shape[i]) return false;
  }
  const std::string_view rest(s.data() + shape.size(), s.size() - shape.size() - 1);
  if (rest.empty()) return true;
  return rest.size() >= 2 && rest[0] == '.' &&
         std::all_of(rest.begin() + 1, rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string regions_text(const std::vector<Region>& regions) {
  std::string text;
  for (Region r : regions) text += (text.empty() ? "" : "+") + std::string(to_string(r));
  return text;
}

}  // namespace

std::string_view to_string(StoreErrorKind kind) {
  switch (kind) {
    case StoreErrorKind::cannot_create: return "cannot_create";
    case StoreErrorKind::not_writable: return "not_writable";
    case StoreErrorKind::locked: return "locked";
    case StoreErrorKind::corrupt: return "corrupt";
    case StoreErrorKind::too_new: return "too_new";
    case StoreErrorKind::disk_full: return "disk_full";
    case StoreErrorKind::not_found: return "not_found";
    case StoreErrorKind::invalid: return "invalid";
    case StoreErrorKind::other: return "other";
  }
  return "?";
}

std::string_view to_string(SourceKind kind) { return kind == SourceKind::file ? "file" : "camera"; }

std::string StoreOptions::validate() const {
  if (!(busy_timeout_s >= 0.0 && busy_timeout_s <= 600.0)) return "busy_timeout_s must be in [0, 600]";
  // Chunk offsets are 16-bit milliseconds.
  if (!(signal_chunk_s > 0.0 && signal_chunk_s <= 60.0)) return "signal_chunk_s must be in (0, 60]";
  if (max_database_bytes < 0) return "max_database_bytes must not be negative";
  // Stored closure values end at +-3.2767: a higher threshold could never be reached.
  if (!(eye_closed_threshold > 0.0 && eye_closed_threshold <= 3.2767))
    return "eye_closed_threshold must be in (0, 3.2767]";
  return {};
}

std::string SessionInfo::validate() const {
  if (!started_at.empty() && !is_utc_timestamp(started_at))
    return "started_at must be ISO-8601 UTC like 2024-05-01T09:30:00Z, not '" + started_at + "'";
  return {};
}

std::filesystem::path default_data_dir() { return user_folder("XDG_DATA_HOME", ".local/share", "hemitrack"); }

std::filesystem::path default_database_path() { return default_data_dir() / "hemitrack.db"; }

StoredFrame to_stored_frame(const FrameSignals& s) {
  StoredFrame f;
  f.time_s = s.time_s;
  f.face_found = s.face_found;
  f.valid = s.valid;
  f.settled = s.settled;
  f.extreme_pose = s.extreme_pose;
  f.closure = s.closure;
  f.mouth = s.mouth;
  f.brow = s.brow;
  return f;
}

void SessionStore::DbCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

SessionStore::SessionStore(std::filesystem::path path, StoreOptions options, std::unique_ptr<sqlite3, DbCloser> db)
    : path_(std::move(path)), options_(options), db_(std::move(db)) {}

SessionStore::SessionStore(SessionStore&&) noexcept = default;

SessionStore& SessionStore::operator=(SessionStore&& other) noexcept {
  if (this != &other) {
    if (db_) flush();
    path_ = std::move(other.path_);
    options_ = other.options_;
    db_ = std::move(other.db_);
    pending_ = std::move(other.pending_);
    dropped_frames_ = other.dropped_frames_;
  }
  return *this;
}

SessionStore::~SessionStore() {
  if (db_) flush();
}

StoreError SessionStore::error(int rc, std::string_view doing) const {
  return sqlite::to_store_error(db_.get(), rc, path_, doing);
}

std::variant<SessionStore, StoreError> SessionStore::open(const std::filesystem::path& path,
                                                          const StoreOptions& options) {
  if (auto problem = options.validate(); !problem.empty())
    return fail(StoreErrorKind::invalid, path, "unusable options: " + problem);
  if (path.empty()) return StoreError{StoreErrorKind::invalid, "session database: no file name given"};
  if (auto e = prepare_file(path)) return *e;

  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<sqlite3, DbCloser> db(raw);
  if (rc != SQLITE_OK) return sqlite::to_store_error(raw, rc, path, "cannot be opened");
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, static_cast<int>(std::lround(options.busy_timeout_s * 1000.0)));
  // Closing the last connection folds the log into the file; a file refused below must not be
  // written even that way. Turned back on once the file is known to be ours.
  sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  if (sqlite3_db_readonly(raw, "main") == 1)
    return fail(StoreErrorKind::not_writable, path, "the file may only be read");

  if (auto e = check_file(raw, path)) return *e;
  if (auto e = configure(raw, path, options)) return *e;
  if (auto e = migrate(raw, path)) return *e;
  sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
  return SessionStore(path, options, std::move(db));
}

std::variant<SessionId, StoreError> SessionStore::begin_session(const SessionInfo& info) {
  if (auto problem = info.validate(); !problem.empty())
    return fail(StoreErrorKind::invalid, path_, "cannot begin a session: " + problem);
  Statement insert(db_.get(),
                   "INSERT INTO sessions (started_at, source, source_kind, settings_json, tags, mirrored, "
                   "landmarks_only) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, info.started_at.empty() ? utc_now() : info.started_at)
      .bind(2, std::string_view(info.source))
      .bind(3, to_string(info.source_kind))
      .bind(4, std::string_view(info.settings_json))
      .bind(5, std::string_view(session_rows::tags_to_text(info.tags)))
      .bind(6, info.mirrored)
      .bind(7, info.landmarks_only);
  // A single statement outside a transaction commits by itself.
  if (const int rc = insert.step(); rc != SQLITE_DONE) return error(rc, "cannot begin a session");
  return static_cast<SessionId>(sqlite3_last_insert_rowid(db_.get()));
}

std::optional<StoreError> SessionStore::add_event(SessionId id, const TwitchEvent& event) {
  return add_events(id, std::span<const TwitchEvent>(&event, 1));
}

std::optional<StoreError> SessionStore::add_events(SessionId id, std::span<const TwitchEvent> events) {
  const std::string doing = "cannot add events to session " + std::to_string(id);
  Transaction tx(db_.get());
  if (tx.begin_result() != SQLITE_OK) return error(tx.begin_result(), doing);
  for (const TwitchEvent& e : events) {
    Statement insert(db_.get(),
                     "INSERT INTO events (session_id, number, start_s, end_s, side, regions, kind, peak_closure, "
                     "peak_mouth, peak_brow, other_babinski) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, id)
        .bind(2, e.id)
        .bind(3, e.start_s)
        .bind(4, e.end_s)
        .bind(5, to_string(e.side))
        .bind(6, std::string_view(regions_text(e.regions)))
        .bind(7, to_string(e.kind))
        .bind(8, e.peak_closure)
        .bind(9, e.peak_mouth)
        .bind(10, e.peak_brow)
        .bind(11, e.other_babinski);
    if (const int rc = insert.step(); rc != SQLITE_DONE) {
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return fail(StoreErrorKind::not_found, path_, doing + ": no such session");
      if (rc == SQLITE_CONSTRAINT_UNIQUE)
        return fail(StoreErrorKind::invalid, path_, doing + ": event " + std::to_string(e.id) + " is already stored");
      return error(rc, doing);
    }
  }
  if (const int rc = tx.commit(); rc != SQLITE_OK) return error(rc, doing);
  return std::nullopt;
}

std::optional<StoreError> SessionStore::add_blinks(SessionId id, std::span<const Blink> blinks) {
  const std::string doing = "cannot add blinks to session " + std::to_string(id);
  Transaction tx(db_.get());
  if (tx.begin_result() != SQLITE_OK) return error(tx.begin_result(), doing);
  for (const Blink& b : blinks) {
    Statement insert(db_.get(),
                     "INSERT INTO blinks (session_id, start_s, end_s, peak_closure_right, peak_closure_left) "
                     "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, id).bind(2, b.start_s).bind(3, b.end_s).bind(4, b.peak_closure_right).bind(5, b.peak_closure_left);
    if (const int rc = insert.step(); rc != SQLITE_DONE) {
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        return fail(StoreErrorKind::not_found, path_, doing + ": no such session");
      return error(rc, doing);
    }
  }
  if (const int rc = tx.commit(); rc != SQLITE_OK) return error(rc, doing);
  return std::nullopt;
}

std::optional<StoreError> SessionStore::add_signals(SessionId id, std::span<const FrameSignals> frames) {
  Pending& pending = pending_[id];
  for (const FrameSignals& s : frames) pending.frames.push_back(to_stored_frame(s));
  return write_pending(id, false);
}

std::optional<StoreError> SessionStore::write_pending(SessionId id, bool everything) {
  const auto found = pending_.find(id);
  if (found == pending_.end() || found->second.frames.empty()) return std::nullopt;
  Pending& pending = found->second;
  const std::vector<StoredFrame>& frames = pending.frames;

  // Split into chunks: a chunk ends before the first frame signal_chunk_s past its start, and
  // before a frame that goes back in time (a source that restarted its clock).
  struct Chunk {
    std::size_t begin, end;
  };
  std::vector<Chunk> chunks;
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= frames.size(); ++i) {
    const bool last = i == frames.size();
    if (last && !everything) break;  // the open chunk waits for more frames
    if (last || frames[i].time_s - frames[begin].time_s >= options_.signal_chunk_s ||
        frames[i].time_s < frames[i - 1].time_s) {
      chunks.push_back({begin, i});
      begin = i;
    }
  }
  if (chunks.empty()) return std::nullopt;

  const std::string doing = "cannot store signals of session " + std::to_string(id);
  std::optional<StoreError> failure;
  {
    Transaction tx(db_.get());
    int rc = tx.begin_result();
    std::optional<double> previous = pending.previous_time;
    for (std::size_t c = 0; rc == SQLITE_OK && c < chunks.size(); ++c) {
      const std::span<const StoredFrame> chunk(frames.data() + chunks[c].begin, chunks[c].end - chunks[c].begin);
      const session_schema::ChunkTimes times =
          session_schema::measure_chunk(chunk, previous, options_.eye_closed_threshold);
      const double t0 = chunk.front().time_s;
      const std::vector<unsigned char> blob = session_schema::pack_frames(t0, chunk);
      Statement insert(db_.get(),
                       "INSERT INTO signal_chunks (session_id, t0, t1, frames, monitored_s, data, closed_right_s, "
                       "closed_left_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      insert.bind(1, id)
          .bind(2, t0)
          .bind(3, chunk.back().time_s)
          .bind(4, static_cast<std::int64_t>(chunk.size()))
          .bind(5, times.monitored_s)
          .bind_blob(6, blob.data(), blob.size())
          .bind(7, times.closed_s[index_of(Side::right)])
          .bind(8, times.closed_s[index_of(Side::left)]);
      if (rc = insert.step(); rc == SQLITE_DONE) rc = SQLITE_OK;
    }
    if (rc == SQLITE_OK) rc = tx.commit();
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
      pending_.erase(found);  // these frames can never be stored
      return fail(StoreErrorKind::not_found, path_, doing + ": no such session");
    }
    if (rc != SQLITE_OK) {
      failure = error(rc, doing);
    } else {
      pending.previous_time = previous;
      pending.frames.erase(pending.frames.begin(),
                           pending.frames.begin() + static_cast<std::ptrdiff_t>(chunks.back().end));
    }
  }
  if (failure && pending.frames.size() > kMaxBufferedFrames) {
    const std::size_t drop = pending.frames.size() - kMaxBufferedFrames;
    pending.frames.erase(pending.frames.begin(), pending.frames.begin() + static_cast<std::ptrdiff_t>(drop));
    pending.previous_time.reset();  // the next frame's interval is unknown across the gap
    dropped_frames_ += static_cast<std::int64_t>(drop);
  }
  return failure;
}

std::optional<StoreError> SessionStore::flush() {
  std::optional<StoreError> first;
  std::vector<SessionId> ids;
  for (const auto& [id, pending] : pending_) ids.push_back(id);
  for (SessionId id : ids)
    if (auto e = write_pending(id, true); e && !first) first = e;
  return first;
}

std::optional<StoreError> SessionStore::end_session(SessionId id, const SessionEnd& end) {
  const std::string doing = "cannot end session " + std::to_string(id);
  if (!end.ended_at.empty() && !is_utc_timestamp(end.ended_at))
    return fail(StoreErrorKind::invalid, path_, doing + ": ended_at must be ISO-8601 UTC, not '" + end.ended_at + "'");
  if (auto e = write_pending(id, true)) return e;
  pending_.erase(id);
  Statement update(db_.get(), "UPDATE sessions SET ended_at = ?, duration_s = ?, monitored_s = ? WHERE id = ?");
  update.bind(1, end.ended_at.empty() ? utc_now() : end.ended_at)
      .bind(2, end.duration_s)
      .bind(3, end.monitored_s)
      .bind(4, id);
  if (const int rc = update.step(); rc != SQLITE_DONE) return error(rc, doing);
  if (sqlite3_changes(db_.get()) == 0) return fail(StoreErrorKind::not_found, path_, doing + ": no such session");
  return std::nullopt;
}

std::variant<std::vector<std::filesystem::path>, StoreError> SessionStore::delete_session(SessionId id) {
  const std::string doing = "cannot delete session " + std::to_string(id);
  pending_.erase(id);
  Transaction tx(db_.get());
  if (tx.begin_result() != SQLITE_OK) return error(tx.begin_result(), doing);
  std::vector<fs::path> clip_files;
  Statement clips(db_.get(), "SELECT path FROM clips WHERE session_id = ? ORDER BY id");
  clips.bind(1, id);
  int rc;
  while ((rc = clips.step()) == SQLITE_ROW) clip_files.emplace_back(clips.text(0));
  if (rc != SQLITE_DONE) return error(rc, doing);
  Statement remove(db_.get(), "DELETE FROM sessions WHERE id = ?");
  remove.bind(1, id);
  if (rc = remove.step(); rc != SQLITE_DONE) return error(rc, doing);
  if (sqlite3_changes(db_.get()) == 0) return fail(StoreErrorKind::not_found, path_, doing + ": no such session");
  if (rc = tx.commit(); rc != SQLITE_OK) return error(rc, doing);
  return clip_files;
}

std::variant<ClipId, StoreError> SessionStore::add_clip(const NewClip& clip) {
  const std::string doing = "cannot record clip '" + clip.path.string() + "'";
  if (clip.path.empty()) return fail(StoreErrorKind::invalid, path_, "cannot record a clip without a file name");
  Statement insert(db_.get(),
                   "INSERT INTO clips (session_id, event_number, path, kind, start_s, end_s, bytes, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, clip.session);
  if (clip.event_number)
    insert.bind(2, *clip.event_number);
  else
    insert.bind_null(2);
  insert.bind(3, std::string_view(clip.path.string()))
      .bind(4, to_string(clip.kind))
      .bind(5, clip.start_s)
      .bind(6, clip.end_s)
      .bind(7, clip.bytes)
      .bind(8, std::string_view(utc_now()));
  if (const int rc = insert.step(); rc != SQLITE_DONE) {
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
      return fail(StoreErrorKind::not_found, path_, doing + ": no session " + std::to_string(clip.session));
    return error(rc, doing);
  }
  return static_cast<ClipId>(sqlite3_last_insert_rowid(db_.get()));
}

std::optional<StoreError> SessionStore::remove_clip(ClipId id) {
  const std::string doing = "cannot remove clip " + std::to_string(id);
  Statement remove(db_.get(), "DELETE FROM clips WHERE id = ?");
  remove.bind(1, id);
  if (const int rc = remove.step(); rc != SQLITE_DONE) return error(rc, doing);
  if (sqlite3_changes(db_.get()) == 0) return fail(StoreErrorKind::not_found, path_, doing + ": no such clip");
  return std::nullopt;
}

}  // namespace hemitrack
