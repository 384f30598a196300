// The sessions of a period as the trend and the before/after comparison read them: weeks or
// months of sessions at once, so each is measured from the signal chunks' totals (an index holds
// them) and a blob is unpacked only for chunks written before those totals existed.
#include "storage/session_rows.h"
#include "storage/session_schema.h"
#include "storage/session_store.h"
#include "storage/sqlite_support.h"

#include <algorithm>
#include <cmath>

namespace hemitrack {
namespace {

using session_rows::fail;
using sqlite::Statement;

// started_at text bounds for the index on it. Every started_at begins with its UTC date and UTC
// text sorts in time order, so the sessions that started in [from_day, to_day) all lie in
// [date of floor(from_day), date of ceil(to_day)); the exact test is made on the parsed moment.
// Beyond the years a date can be written in the bound is open: "" sorts before every date, "~"
// after.
struct TextRange {
  std::string from, to;
};

TextRange text_range(double from_day, double to_day) {
  static const double first = *parse_date("0000-01-01");
  static const double last = *parse_date("9999-12-31");
  TextRange r{"", "~"};
  if (std::floor(from_day) > first) r.from = format_date(static_cast<DayNumber>(std::min(std::floor(from_day), last)));
  if (std::ceil(to_day) <= last) r.to = format_date(static_cast<DayNumber>(std::max(std::ceil(to_day), first)));
  return r;
}

struct Found {
  SessionSample sample;
  bool finished = false;
};

}  // namespace

std::variant<std::vector<SessionSample>, StoreError> SessionStore::load_samples(double from_day, double to_day) const {
  const std::string doing = "cannot read the sessions of a period";
  if (std::isnan(from_day) || std::isnan(to_day))
    return fail(StoreErrorKind::invalid, path_, doing + ": the period's bounds must be numbers");
  if (!(from_day < to_day)) return std::vector<SessionSample>{};

  std::vector<Found> found;
  {
    const TextRange range = text_range(from_day, to_day);
    Statement rows(db_.get(),
                   "SELECT id, started_at, ended_at, monitored_s, tags FROM sessions "
                   "WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id");
    rows.bind(1, std::string_view(range.from)).bind(2, std::string_view(range.to));
    int rc;
    while ((rc = rows.step()) == SQLITE_ROW) {
      const auto start = parse_moment(rows.text(1));
      if (!start || *start < from_day || *start >= to_day) continue;
      Found f;
      f.sample.id = rows.integer(0);
      f.sample.start_day = *start;
      f.finished = !rows.text(2).empty();
      f.sample.monitored_s = rows.real(3);
      f.sample.tags = session_rows::tags_from(rows.text(4));
      found.push_back(std::move(f));
    }
    if (rc != SQLITE_DONE) return error(rc, doing);
  }
  // Text order puts "09:30:00.5Z" before "09:30:00Z"; the moments themselves decide.
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.sample.start_day < b.sample.start_day; });

  std::vector<SessionSample> out;
  out.reserve(found.size());
  for (Found& f : found) {
    SessionSample& s = f.sample;
    std::int64_t unmeasured_chunks = 0;
    {
      // Served by the covering index signal_chunks_totals: the blobs' pages are not read.
      Statement totals(db_.get(),
                       "SELECT total(monitored_s), total(closed_right_s), total(closed_left_s), "
                       "count(*) - count(closed_right_s) FROM signal_chunks WHERE session_id = ?");
      totals.bind(1, s.id);
      if (const int rc = totals.step(); rc != SQLITE_ROW) return error(rc, doing);
      if (!f.finished) s.monitored_s = totals.real(0);  // what survived of a session never ended
      s.eye_closed_s = {totals.real(1), totals.real(2)};
      unmeasured_chunks = totals.integer(3);
    }
    if (unmeasured_chunks > 0) {
      // Chunks from schema version 1: measured from their frames, each chunk's first frame
      // counting the interval since the chunk before (its t1), as write_pending measures them.
      Statement chunks(db_.get(),
                       "SELECT t0, t1, frames, closed_right_s IS NULL, "
                       "CASE WHEN closed_right_s IS NULL THEN data END "
                       "FROM signal_chunks WHERE session_id = ? ORDER BY id");
      chunks.bind(1, s.id);
      std::optional<double> previous;
      std::vector<StoredFrame> frames;
      int rc;
      while ((rc = chunks.step()) == SQLITE_ROW) {
        if (chunks.integer(3) != 0) {
          frames.clear();
          if (!session_schema::unpack_frames(chunks.real(0), chunks.integer(2), chunks.blob(4), chunks.blob_bytes(4),
                                             frames))
            return fail(
                StoreErrorKind::corrupt, path_,
                doing + ": a signal chunk of session " + std::to_string(s.id) + " does not match its frame count");
          const auto times = session_schema::measure_chunk(frames, previous, options_.eye_closed_threshold);
          for (std::size_t side = 0; side < 2; ++side) s.eye_closed_s[side] += times.closed_s[side];
        }
        previous = chunks.real(1);
      }
      if (rc != SQLITE_DONE) return error(rc, doing);
    }
    {
      Statement events(db_.get(), std::string("SELECT ") + session_rows::kEventColumns +
                                      " FROM events WHERE session_id = ? ORDER BY start_s, number");
      events.bind(1, s.id);
      int rc;
      while ((rc = events.step()) == SQLITE_ROW) s.events.push_back(session_rows::event_from(events));
      if (rc != SQLITE_DONE) return error(rc, doing);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace hemitrack
