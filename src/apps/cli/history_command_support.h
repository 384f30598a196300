#pragma once
// What the history commands (sessions, treatments, diary) do the same way: errors as one line on
// standard error with their exit code, opening the history database, asking before deleting.
#include "storage/session_store.h"

#include <string>
#include <variant>

namespace hemitrack {

// Prints "hemitrack: <message>" to standard error; returns `code`.
int print_failure(int code, const std::string& message);

// The exit code for a store failure, after printing it: 3 for an unknown id (as for an unknown
// input), 2 for a value the store refused, 9 when the database itself cannot be used.
int store_failure(const StoreError& e);

// The history database (default_database_path()), or the exit code after printing why not.
std::variant<SessionStore, int> open_history();

// Asks `question` ("Delete ...?") on the terminal before something is deleted. Without a
// terminal no one can answer: refuses, telling the user about --yes. Returns exit_code::ok to go
// ahead, otherwise the exit code (1) after saying that nothing was deleted.
int confirm_deletion(const std::string& question, const std::string& what);

// "2026-11-22T03:40:12.5Z" -> "2026-11-22 03:40 UTC"
std::string readable_time(const std::string& iso);

}  // namespace hemitrack
