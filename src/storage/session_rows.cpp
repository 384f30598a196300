#include "storage/session_rows.h"

#include <nlohmann/json.hpp>

#include <ctime>

namespace hemitrack::session_rows {
namespace {

std::vector<Region> regions_from(const std::string& text) {
  std::vector<Region> regions;
  std::size_t from = 0;
  while (from < text.size()) {
    std::size_t to = text.find('+', from);
    if (to == std::string::npos) to = text.size();
    const std::string_view name(text.data() + from, to - from);
    for (Region r : {Region::eye, Region::mouth, Region::brow})
      if (name == to_string(r)) regions.push_back(r);
    from = to + 1;
  }
  return regions;
}

}  // namespace

std::vector<std::string> tags_from(const std::string& text) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> tags;
  if (!doc.is_array()) return tags;
  for (const auto& t : doc)
    if (t.is_string()) tags.push_back(t.get<std::string>());
  return tags;
}

// Text that is not UTF-8 (a tag typed in another encoding) is kept with U+FFFD in place of the
// bad bytes rather than refused: dump() would throw otherwise.
std::string tags_to_text(const std::vector<std::string>& tags) {
  return nlohmann::json(tags).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TwitchEvent event_from(const sqlite::Statement& row) {
  TwitchEvent e;
  e.id = static_cast<int>(row.integer(0));
  e.start_s = row.real(1);
  e.end_s = row.real(2);
  e.side = row.text(3) == "left" ? Side::left : Side::right;
  e.regions = regions_from(row.text(4));
  e.kind = row.text(5) == "tonic" ? EventKind::tonic : EventKind::clonic;
  e.peak_closure = row.real(6);
  e.peak_mouth = row.real(7);
  e.peak_brow = row.real(8);
  e.other_babinski = row.integer(9) != 0;
  return e;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

StoreError fail(StoreErrorKind kind, const std::filesystem::path& path, const std::string& problem) {
  return StoreError{kind, sqlite::one_line(sqlite::where(path) + problem)};
}

}  // namespace hemitrack::session_rows
