#pragma once
#include "storage/messages.h"
// A thin layer over the SQLite C API for the session store: statements and transactions that
// clean up after themselves, and SQLite's result codes turned into StoreError. Internal to storage.
#include "storage/session_store.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hemitrack::sqlite {

// A prepared statement. Binding errors are kept and returned by step(), so a chain of binds needs
// no checks of its own.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, double value);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, const void* data, std::size_t bytes);
  Statement& bind_null(int index);

  // SQLITE_ROW, SQLITE_DONE, or the error (also a preparation or binding error).
  int step();

  double real(int column) const;
  std::int64_t integer(int column) const;
  std::string text(int column) const;
  bool is_null(int column) const;
  const unsigned char* blob(int column) const;
  std::size_t blob_bytes(int column) const;

 private:
  Statement& keep(int rc);
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

// Runs statements without results (several, separated by ';').
int exec(sqlite3* db, const char* sql);

// A write transaction, taken at once (BEGIN IMMEDIATE) so that waiting for another writer happens
// here, under the busy timeout, and never as a deadlock halfway through. Rolled back unless
// committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  int begin_result() const { return begin_rc_; }
  int commit();

 private:
  sqlite3* db_;
  int begin_rc_;
  bool open_;
};

// The error for result code `rc` from an operation on `db` (may be null) described by `doing`,
// e.g. "cannot add an event". Call right after the failure: it reads the connection's message.
StoreError to_store_error(sqlite3* db, int rc, const std::filesystem::path& path, std::string_view doing);

// "session database '<path>': " — how every message starts.
std::string where(const std::filesystem::path& path);

using hemitrack::one_line;  // storage/messages.h

}  // namespace hemitrack::sqlite
