#include "apps/cli/diary_command.h"

#include "apps/cli/exit_codes.h"
#include "apps/cli/history_command_support.h"
#include "storage/session_store.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace hemitrack {
namespace {

std::string answers_text(const Hfs7Answers& a) {
  std::string text;
  for (int v : a.answers) text += (text.empty() ? "" : " ") + std::to_string(v);
  return text;
}

std::string total_text(const Hfs7Answers& a) {
  return std::to_string(a.total()) + "/" + std::to_string(kHfs7Items * kHfs7MaxAnswer);
}

int add(SessionStore& store, const Hfs7Answers& answers) {
  auto added = store.add_hfs7(answers);
  if (auto* e = std::get_if<StoreError>(&added)) return store_failure(*e);
  std::printf("Recorded HFS-7 entry %lld for %s: %s.\n", static_cast<long long>(std::get<Hfs7Id>(added)),
              format_date(answers.day).c_str(), total_text(answers).c_str());
  return exit_code::ok;
}

int list(SessionStore& store) {
  auto listed = store.list_hfs7();
  if (auto* e = std::get_if<StoreError>(&listed)) return store_failure(*e);
  const auto& entries = std::get<std::vector<Hfs7Answers>>(listed);
  if (entries.empty()) {
    std::printf("No diary entries recorded yet (add one: hemitrack diary hfs7 --help).\n");
    return exit_code::ok;
  }
  std::printf("%5s  %-10s  %-13s  %5s  note\n", "ID", "date", "HFS-7 answers", "total");
  for (const Hfs7Answers& a : entries)
    std::printf("%5lld  %-10s  %-13s  %5s%s%s\n", static_cast<long long>(a.id), format_date(a.day).c_str(),
                answers_text(a).c_str(), total_text(a).c_str(), a.note.empty() ? "" : "  ", a.note.c_str());
  return exit_code::ok;
}

int remove(SessionStore& store, const DiaryArgs& args) {
  if (!args.yes) {
    auto listed = store.list_hfs7();
    if (auto* e = std::get_if<StoreError>(&listed)) return store_failure(*e);
    const auto& all = std::get<std::vector<Hfs7Answers>>(listed);
    const auto found = std::find_if(all.begin(), all.end(), [&](const Hfs7Answers& a) { return a.id == args.id; });
    // Unknown: let the store say so, in the same words as with --yes.
    if (found != all.end()) {
      const std::string question = "Delete HFS-7 entry " + std::to_string(args.id) + " (" + format_date(found->day) +
                                   ", " + total_text(*found) + ")?";
      if (const int code = confirm_deletion(question, "diary entry " + std::to_string(args.id)); code != exit_code::ok)
        return code;
    }
  }
  if (auto e = store.delete_hfs7(args.id)) return store_failure(*e);
  std::printf("Deleted diary entry %lld.\n", static_cast<long long>(args.id));
  return exit_code::ok;
}

}  // namespace

int run_diary(const DiaryArgs& args) {
  auto opened = open_history();
  if (const int* code = std::get_if<int>(&opened)) return *code;
  SessionStore& store = std::get<SessionStore>(opened);
  switch (args.action) {
    case DiaryArgs::Action::add_hfs7: return add(store, args.answers);
    case DiaryArgs::Action::list: return list(store);
    case DiaryArgs::Action::remove: return remove(store, args);
  }
  return exit_code::failure;
}

}  // namespace hemitrack
