#pragma once
// Sessions, their events, blinks, per-frame signals and video clips, kept in one SQLite database in
// the user's data folder, so a patient and their neurologist can look back across weeks and
// injection cycles.
//
// Written as it happens. begin_session, add_event(s), add_blinks, end_session, add_clip and
// delete_session are each one transaction, committed before the call returns. Signal frames are
// buffered and committed one chunk of StoreOptions::signal_chunk_s (1 s) of frame time at a time.
// With StoreOptions::sync_every_commit (the default) every commit also reaches the disk before
// the call returns, so a crash of the program or the system, or a power cut, loses at most the
// signal frames still buffered (about the last second) and never a committed event; the database
// itself always opens again. Without it (synchronous=NORMAL) a program crash still loses nothing
// committed, but a power cut may also lose commits made since SQLite last synced its log.
//
// Contract (requires / ensures):
//  - one SessionStore is one database connection, used from one thread at a time; a second thread
//    (the history view, say) opens its own store on the same file. Readers never block the writer.
//  - nothing throws; every failure is a StoreError whose message is one line naming the file.
//  - a file that is damaged, not a SQLite database, another program's database, or written by a
//    newer hemitrack is refused and left exactly as it was.
//  - a failed write changes nothing: what was committed before stays intact.
#include "core/events.h"
#include "core/hfs7.h"
#include "core/session_sample.h"
#include "core/session_summary.h"
#include "core/treatment.h"
#include "core/landmarks.h"
#include "core/signal_extractor.h"
#include "storage/clip_files.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct sqlite3;

namespace hemitrack {

enum class StoreErrorKind {
  cannot_create,  // the folder or the database file could not be created
  not_writable,   // the folder or the file exists but may not be written
  locked,         // another program kept the database busy beyond the busy timeout
  corrupt,        // damaged, or not a SQLite database at all; left untouched
  too_new,        // written by a newer hemitrack (schema version unknown here); left untouched
  disk_full,      // the disk (or StoreOptions::max_database_bytes) is full
  not_found,      // no such session or clip
  invalid,        // the caller's options or values are unusable
  other,          // anything else, including another program's SQLite database
};
std::string_view to_string(StoreErrorKind kind);

struct StoreError {
  StoreErrorKind kind = StoreErrorKind::other;
  std::string message;  // one line naming the file and the problem
};

struct StoreOptions {
  // How long a statement waits while another connection writes before giving up with `locked`.
  double busy_timeout_s = 2.0;
  // Frame time per stored signal chunk: also the most signal a crash can lose.
  double signal_chunk_s = 1.0;
  // Sync each commit to the disk (synchronous=FULL) rather than at checkpoints (NORMAL): see the
  // top of this file. At about one commit a second the cost is negligible.
  bool sync_every_commit = true;
  // A cap on the database file's size (0: none); writes beyond it fail with disk_full.
  std::int64_t max_database_bytes = 0;
  // Eyelid closure at or above which a monitored frame counts as "eye closed" in each stored signal
  // chunk's closed time (the trend's and the report's "% of time the eye was closed"). One fixed
  // value for every session, whatever sensitivity each was recorded with, so weeks compare.
  double eye_closed_threshold = kEyeClosedFrom;

  // "" when usable, otherwise the first problem, naming the field.
  std::string validate() const;
};

// $XDG_DATA_HOME/hemitrack when XDG_DATA_HOME is absolute, else $HOME/.local/share/hemitrack;
// when HOME is not usable either, hemitrack/ under the current folder, made absolute. Only
// computes the path: SessionStore::open creates missing folders (mode 0700).
std::filesystem::path default_data_dir();
// default_data_dir() / "hemitrack.db".
std::filesystem::path default_database_path();

using SessionId = std::int64_t;
using ClipId = std::int64_t;
using TreatmentId = std::int64_t;
using Hfs7Id = std::int64_t;

enum class SourceKind { camera, file };
std::string_view to_string(SourceKind kind);

struct SessionInfo {
  // ISO-8601 UTC, "2024-05-01T09:30:00Z" (fractional seconds allowed); empty: the time of
  // begin_session. UTC text sorts in time order, which the history relies on.
  std::string started_at;
  std::string source;  // camera name or number, or the video file's path
  SourceKind source_kind = SourceKind::camera;
  std::string settings_json;  // detector settings as the caller serialised them; "" if none
  std::vector<std::string> tags;  // e.g. "botox-day-3"; any text, commas included
  bool mirrored = false;
  bool landmarks_only = false;

  // "" when usable, otherwise the first problem, naming the field.
  std::string validate() const;
};

struct SessionEnd {
  std::string ended_at;  // ISO-8601 UTC; empty: the time of end_session
  double duration_s = 0.0;
  double monitored_s = 0.0;  // time with a valid face (SessionSummary::monitored_s)
};

// One stored frame of signals: FrameSignals without what the history does not need (pose, speed,
// spread). Values come back within the fixed-point step (1e-4) and clamped to +-3.2767; times
// within 0.5 ms.
struct StoredFrame {
  double time_s = 0.0;
  bool face_found = false;
  bool valid = false;
  bool settled = false;
  bool extreme_pose = false;
  std::array<double, 2> closure{};  // indexed by index_of(Side)
  std::array<double, 2> mouth{};
  std::array<double, 2> brow{};
};
StoredFrame to_stored_frame(const FrameSignals& s);

// ClipKind (clip_files.h) is stored as its to_string(): "auto" / "manual".

struct NewClip {
  SessionId session = 0;
  std::optional<int> event_number;  // TwitchEvent::id of the event it shows; none for manual clips
  std::filesystem::path path;
  ClipKind kind = ClipKind::automatic;
  double start_s = 0.0;  // session time covered, including the pre-roll
  double end_s = 0.0;
  std::int64_t bytes = 0;
};

struct ClipInfo : NewClip {
  ClipId id = 0;
  std::string created_at;  // ISO-8601 UTC
};

// One line of the history list.
struct SessionListing {
  SessionId id = 0;
  std::string started_at;
  std::string ended_at;  // empty while recording, or when the program stopped without ending it
  std::string source;
  SourceKind source_kind = SourceKind::camera;
  std::vector<std::string> tags;
  // As given to end_session; for a session never ended, the span and valid time of its stored
  // signal chunks (what survived).
  double duration_s = 0.0;
  double monitored_s = 0.0;
  int events = 0;
  std::optional<double> events_per_hour;  // per hour of monitored time; none without monitored time
  std::optional<Side> dominant_side;      // the side with more events; none without events or on a tie
  double longest_event_s = 0.0;

  bool finished() const { return !ended_at.empty(); }
};

struct SessionRecord {
  SessionId id = 0;
  SessionInfo info;  // started_at filled in
  std::string ended_at;
  double duration_s = 0.0;   // as in SessionListing
  double monitored_s = 0.0;
  std::vector<TwitchEvent> events;  // by start time
  std::vector<Blink> blinks;
  std::vector<StoredFrame> signals;  // committed frames only: flush() first for a session being written
  std::vector<ClipInfo> clips;
};

class SessionStore {
 public:
  // Opens or creates the database at `path`, creating missing folders (0700) and the file (0600).
  // Checks the whole file (PRAGMA quick_check) before changing anything, then turns on WAL, applies
  // missing schema steps, and is ready. See StoreErrorKind for what can go wrong.
  static std::variant<SessionStore, StoreError> open(const std::filesystem::path& path,
                                                     const StoreOptions& options = {});

  SessionStore(SessionStore&&) noexcept;
  SessionStore& operator=(SessionStore&&) noexcept;
  // Writes any buffered signal frames (best effort: call flush() to learn of failures) and closes.
  ~SessionStore();

  const std::filesystem::path& path() const { return path_; }

  // --- writing, as it happens ---
  std::variant<SessionId, StoreError> begin_session(const SessionInfo& info);
  std::optional<StoreError> add_event(SessionId id, const TwitchEvent& event);
  // All or none, in one transaction (an offline analysis's whole list, say). Each event's
  // TwitchEvent::id must be new in the session.
  std::optional<StoreError> add_events(SessionId id, std::span<const TwitchEvent> events);
  std::optional<StoreError> add_blinks(SessionId id, std::span<const Blink> blinks);
  // Buffers the frames (in time order) and commits each chunk once a frame past its end arrives.
  // On failure the frames stay buffered and are retried by the next call; beyond
  // kMaxBufferedFrames the oldest are dropped (counted by dropped_signal_frames()).
  std::optional<StoreError> add_signals(SessionId id, std::span<const FrameSignals> frames);
  // Commits every buffered frame of every session.
  std::optional<StoreError> flush();
  // Commits the session's buffered frames, then records how it ended.
  std::optional<StoreError> end_session(SessionId id, const SessionEnd& end);
  // The session and everything in it. Returns the paths of its clips so the caller can delete the
  // files (the store never touches video files).
  std::variant<std::vector<std::filesystem::path>, StoreError> delete_session(SessionId id);

  std::variant<ClipId, StoreError> add_clip(const NewClip& clip);
  std::optional<StoreError> remove_clip(ClipId id);  // the record only; the caller deletes the file

  // --- reading ---
  std::variant<std::vector<SessionListing>, StoreError> list_sessions() const;  // newest first
  std::variant<SessionRecord, StoreError> load_session(SessionId id) const;
  // Frames with from_s <= time_s <= to_s (a chart's window), committed ones only.
  std::variant<std::vector<StoredFrame>, StoreError> load_signals(SessionId id, double from_s, double to_s) const;
  std::variant<std::vector<ClipInfo>, StoreError> list_clips() const;  // oldest first
  // The automatic clips to delete, oldest first, so that all clips together fit in budget_bytes.
  // Manual clips count towards the total but are never proposed: the user asked for them.
  std::variant<std::vector<ClipInfo>, StoreError> clips_over_budget(std::int64_t budget_bytes) const;

  // --- treatments and the diary (treatment_records.cpp) ---
  // Each is one transaction. The id fields of the arguments are ignored; validate() must pass
  // (otherwise `invalid`, naming the field).
  std::variant<TreatmentId, StoreError> add_treatment(const Treatment& treatment);
  std::variant<std::vector<Treatment>, StoreError> list_treatments() const;  // by day, oldest first
  std::optional<StoreError> delete_treatment(TreatmentId id);
  std::variant<Hfs7Id, StoreError> add_hfs7(const Hfs7Answers& answers);
  std::variant<std::vector<Hfs7Answers>, StoreError> list_hfs7() const;  // by day, oldest first
  std::optional<StoreError> delete_hfs7(Hfs7Id id);
  // Replaces the session's context tags (stress, tired, caffeine, screen work, talking, any text).
  std::optional<StoreError> set_tags(SessionId id, const std::vector<std::string>& tags);

  // --- periods (period_queries.cpp) ---
  // Sessions that started in [from_day, to_day) (fractional days since 1970-01-01 UTC), oldest
  // first, with their events, monitored time and eye-closed time per side. Sessions never ended
  // count what their stored signal chunks hold.
  std::variant<std::vector<SessionSample>, StoreError> load_samples(double from_day, double to_day) const;

  // --- export ---
  // The events.json shape (DESIGN §4, so read_events_json reads it) plus a "session" object
  // (start, end, tags, settings, rate) and the clips.
  std::variant<std::string, StoreError> export_session_json(SessionId id) const;
  // The events table, the columns of `hemitrack analyze`'s events.csv.
  std::variant<std::string, StoreError> export_session_csv(SessionId id) const;
  // The same, written atomically (temporary file, then rename).
  std::optional<StoreError> save_session_json(SessionId id, const std::filesystem::path& file) const;
  std::optional<StoreError> save_session_csv(SessionId id, const std::filesystem::path& file) const;

  static constexpr std::size_t kMaxBufferedFrames = 36000;  // 10 minutes at 60 fps
  std::int64_t dropped_signal_frames() const { return dropped_frames_; }

 private:
  struct DbCloser {
    void operator()(sqlite3* db) const;
  };
  struct Pending {
    std::vector<StoredFrame> frames;
    std::optional<double> previous_time;  // of the last frame committed: the first pending frame's interval
  };

  SessionStore(std::filesystem::path path, StoreOptions options, std::unique_ptr<sqlite3, DbCloser> db);
  // Commits the buffered chunks of one session: the complete ones, or all with `everything`.
  std::optional<StoreError> write_pending(SessionId id, bool everything);
  StoreError error(int rc, std::string_view doing) const;

  std::filesystem::path path_;
  StoreOptions options_;
  std::unique_ptr<sqlite3, DbCloser> db_;
  std::map<SessionId, Pending> pending_;
  std::int64_t dropped_frames_ = 0;
};

}  // namespace hemitrack
