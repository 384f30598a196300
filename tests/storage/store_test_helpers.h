#pragma once
// What the session store's tests share: a raw SQLite connection beside the store, opening a store
// or failing the test, unwrapping results, and small sessions and events.
#include "storage/session_store.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace hemitrack::test {

// A plain SQLite connection beside the store: to look at the file the way another program would.
class RawDb {
 public:
  explicit RawDb(const std::filesystem::path& path) {
    REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
  }
  ~RawDb() { sqlite3_close_v2(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  int exec(const std::string& sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr); }
  // A column (the first unless told) of the first row, as text.
  std::string value(const std::string& sql, int column = 0) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, column) != nullptr)
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

inline bool one_line(const std::string& s) {
  return s.find('\n') == std::string::npos && s.find('\r') == std::string::npos;
}

inline SessionStore open_store(const std::filesystem::path& path, const StoreOptions& options = {}) {
  auto opened = SessionStore::open(path, options);
  if (auto* e = std::get_if<StoreError>(&opened)) FAIL(e->message);
  return std::move(std::get<SessionStore>(opened));
}

template <class T>
T value_of(std::variant<T, StoreError> v) {
  if (auto* e = std::get_if<StoreError>(&v)) FAIL(e->message);
  return std::move(std::get<T>(v));
}

inline void require_ok(const std::optional<StoreError>& e) {
  if (e) FAIL(e->message);
}

inline SessionId begin(SessionStore& store, const std::string& started_at = "2024-05-01T09:30:00Z") {
  SessionInfo info;
  info.started_at = started_at;
  info.source = "camera 0";
  return value_of(store.begin_session(info));
}

inline TwitchEvent make_event(int id, double start_s, double end_s, Side side) {
  TwitchEvent e;
  e.id = id;
  e.start_s = start_s;
  e.end_s = end_s;
  e.side = side;
  e.regions = {Region::eye};
  e.peak_closure = 0.6;
  return e;
}

inline bool same_event(const TwitchEvent& a, const TwitchEvent& b) {
  return a.id == b.id && a.start_s == b.start_s && a.end_s == b.end_s && a.side == b.side && a.regions == b.regions &&
         a.kind == b.kind && a.peak_closure == b.peak_closure && a.peak_mouth == b.peak_mouth &&
         a.peak_brow == b.peak_brow && a.other_babinski == b.other_babinski;
}

}  // namespace hemitrack::test
