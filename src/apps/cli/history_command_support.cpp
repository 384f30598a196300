#include "apps/cli/history_command_support.h"

#include "apps/cli/exit_codes.h"

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace hemitrack {

int print_failure(int code, const std::string& message) {
  std::cerr << "hemitrack: " << message << "\n";
  return code;
}

int store_failure(const StoreError& e) {
  switch (e.kind) {
    case StoreErrorKind::not_found: return print_failure(exit_code::input_unreadable, e.message);
    case StoreErrorKind::invalid: return print_failure(exit_code::usage, e.message);
    default: return print_failure(exit_code::not_stored, e.message);
  }
}

std::variant<SessionStore, int> open_history() {
  auto opened = SessionStore::open(default_database_path());
  if (auto* e = std::get_if<StoreError>(&opened)) return print_failure(exit_code::not_stored, e->message);
  return std::move(std::get<SessionStore>(opened));
}

int confirm_deletion(const std::string& question, const std::string& what) {
  if (!isatty(STDIN_FILENO))
    return print_failure(exit_code::failure,
                         "not deleting " + what + " without confirmation (add --yes when no one can answer)");
  std::printf("%s This cannot be undone. [y/N] ", question.c_str());
  std::fflush(stdout);
  std::string answer;
  std::getline(std::cin, answer);
  if (answer == "y" || answer == "Y" || answer == "yes") return exit_code::ok;
  std::printf("Nothing deleted.\n");
  return exit_code::failure;
}

std::string readable_time(const std::string& iso) {
  if (iso.size() < 16) return iso.empty() ? "-" : iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

}  // namespace hemitrack
