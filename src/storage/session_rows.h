#pragma once
// Rows of the session database turned back into values, for every file that reads it. Internal
// to storage.
#include "storage/sqlite_support.h"

#include <string>
#include <vector>

namespace hemitrack::session_rows {

// The tags column (a JSON array of strings); anything else reads as no tags.
std::vector<std::string> tags_from(const std::string& text);
// ... and back, as begin_session and set_tags write it.
std::string tags_to_text(const std::vector<std::string>& tags);

// The columns event_from reads, in its order: "SELECT <kEventColumns> FROM events ...".
inline constexpr const char* kEventColumns =
    "number, start_s, end_s, side, regions, kind, peak_closure, peak_mouth, peak_brow, other_babinski";
TwitchEvent event_from(const sqlite::Statement& row);

// The current time as the database keeps wall-clock times: ISO-8601 UTC, "2024-05-01T09:30:00Z".
std::string utc_now();

// A StoreError of `kind` whose message starts with the database's name.
StoreError fail(StoreErrorKind kind, const std::filesystem::path& path, const std::string& problem);

}  // namespace hemitrack::session_rows
