#include "storage/sqlite_support.h"

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace hemitrack::sqlite {

Statement::Statement(sqlite3* db, std::string_view sql) {
  rc_ = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::keep(int rc) {
  if (rc_ == SQLITE_OK && rc != SQLITE_OK) rc_ = rc;
  return *this;
}

Statement& Statement::bind(int index, double value) {
  return rc_ == SQLITE_OK ? keep(sqlite3_bind_double(stmt_, index, value)) : *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  return rc_ == SQLITE_OK ? keep(sqlite3_bind_int64(stmt_, index, value)) : *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  return rc_ == SQLITE_OK
             ? keep(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8))
             : *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t bytes) {
  return rc_ == SQLITE_OK ? keep(sqlite3_bind_blob64(stmt_, index, data, bytes, SQLITE_TRANSIENT)) : *this;
}

Statement& Statement::bind_null(int index) {
  return rc_ == SQLITE_OK ? keep(sqlite3_bind_null(stmt_, index)) : *this;
}

int Statement::step() {
  if (rc_ != SQLITE_OK) return rc_;
  const int rc = sqlite3_step(stmt_);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) rc_ = rc;
  return rc;
}

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

const unsigned char* Statement::blob(int column) const {
  return static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
}

std::size_t Statement::blob_bytes(int column) const {
  return static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
}

int exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }

Transaction::Transaction(sqlite3* db)
    : db_(db), begin_rc_(exec(db, "BEGIN IMMEDIATE")), open_(begin_rc_ == SQLITE_OK) {}

Transaction::~Transaction() {
  // SQLite may already have rolled back by itself (after SQLITE_FULL, for one).
  if (open_ && sqlite3_get_autocommit(db_) == 0) exec(db_, "ROLLBACK");
}

int Transaction::commit() {
  const int rc = exec(db_, "COMMIT");
  if (rc == SQLITE_OK) open_ = false;
  return rc;
}

std::string where(const std::filesystem::path& path) { return "session database '" + path.string() + "': "; }


StoreError to_store_error(sqlite3* db, int rc, const std::filesystem::path& path, std::string_view doing) {
  const int primary = rc & 0xff;
  const int sys = db != nullptr ? sqlite3_system_errno(db) : 0;
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if ((primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR) && sys != 0)
    detail += " (" + std::error_code(sys, std::generic_category()).message() + ")";

  StoreErrorKind kind = StoreErrorKind::other;
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      kind = StoreErrorKind::locked;
      detail = "another program kept the database busy (" + detail + ")";
      break;
    case SQLITE_FULL: kind = StoreErrorKind::disk_full; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: kind = StoreErrorKind::corrupt; break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: kind = StoreErrorKind::not_writable; break;
    case SQLITE_CANTOPEN:
      kind = (sys == EACCES || sys == EPERM || sys == EROFS) ? StoreErrorKind::not_writable
             : (sys == ENOSPC || sys == EDQUOT)              ? StoreErrorKind::disk_full
                                                             : StoreErrorKind::cannot_create;
      break;
    case SQLITE_IOERR:
      kind = (sys == ENOSPC || sys == EDQUOT) ? StoreErrorKind::disk_full
             : sys == EROFS                   ? StoreErrorKind::not_writable
                                              : StoreErrorKind::other;
      break;
    case SQLITE_CONSTRAINT:
      kind = rc == SQLITE_CONSTRAINT_FOREIGNKEY ? StoreErrorKind::not_found : StoreErrorKind::invalid;
      break;
    default: break;
  }
  return StoreError{kind, one_line(where(path) + std::string(doing) + ": " + detail)};
}

}  // namespace hemitrack::sqlite
