#include "apps/cli/sessions_command.h"

#include "apps/cli/exit_codes.h"
#include "apps/cli/history_command_support.h"
#include "storage/session_store.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <system_error>

namespace hemitrack {
namespace {

std::string clock(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buf;
}

int list(SessionStore& store) {
  auto listed = store.list_sessions();
  if (auto* e = std::get_if<StoreError>(&listed)) return store_failure(*e);
  const auto& sessions = std::get<std::vector<SessionListing>>(listed);
  if (sessions.empty()) {
    std::printf("No sessions yet (history: %s).\n", store.path().string().c_str());
    return exit_code::ok;
  }
  std::printf("%5s  %-20s  %9s  %9s  %6s  %8s  %-5s  %7s  %s\n", "ID", "started", "duration", "monitored", "events",
              "per hour", "side", "longest", "source");
  for (const SessionListing& s : sessions) {
    char rate[16] = "-";
    if (s.events_per_hour) std::snprintf(rate, sizeof rate, "%.1f", *s.events_per_hour);
    std::printf("%5lld  %-20s  %9s  %9s  %6d  %8s  %-5s  %6.2fs  %s%s\n", static_cast<long long>(s.id),
                readable_time(s.started_at).c_str(), clock(s.duration_s).c_str(), clock(s.monitored_s).c_str(),
                s.events, rate, s.dominant_side ? std::string(to_string(*s.dominant_side)).c_str() : "-",
                s.longest_event_s, s.source.c_str(), s.finished() ? "" : "  (not ended)");
  }
  return exit_code::ok;
}

int show(SessionStore& store, SessionId id) {
  auto loaded = store.load_session(id);
  if (auto* e = std::get_if<StoreError>(&loaded)) return store_failure(*e);
  const SessionRecord& r = std::get<SessionRecord>(loaded);
  std::printf("Session %lld: %s, %s\n", static_cast<long long>(r.id), r.info.source.c_str(),
              std::string(to_string(r.info.source_kind)).c_str());
  std::printf("  started %s, ended %s\n", readable_time(r.info.started_at).c_str(), readable_time(r.ended_at).c_str());
  std::printf("  duration %s, monitored with a face %s\n", clock(r.duration_s).c_str(), clock(r.monitored_s).c_str());
  if (!r.info.tags.empty()) {
    std::string tags;
    for (const auto& t : r.info.tags) tags += (tags.empty() ? "" : ", ") + t;
    std::printf("  tags: %s\n", tags.c_str());
  }
  int per_side[2] = {0, 0};
  for (const auto& e : r.events) ++per_side[index_of(e.side)];
  std::printf("  one-sided twitches: %zu (right %d, left %d); blinks: %zu; clips: %zu\n", r.events.size(), per_side[0],
              per_side[1], r.blinks.size(), r.clips.size());
  if (r.monitored_s > 0)
    std::printf("  %.1f twitches per hour of monitored time\n", static_cast<double>(r.events.size()) * 3600.0 / r.monitored_s);
  if (!r.events.empty()) std::printf("\n  %8s  %8s  %-5s  %-18s  %-6s  %s\n", "start s", "length s", "side", "regions", "kind", "peak closure");
  for (const auto& e : r.events) {
    std::string regions;
    for (Region g : e.regions) regions += (regions.empty() ? "" : "+") + std::string(to_string(g));
    std::printf("  %8.2f  %8.2f  %-5s  %-18s  %-6s  %.2f%s\n", e.start_s, e.duration_s(),
                std::string(to_string(e.side)).c_str(), regions.c_str(), std::string(to_string(e.kind)).c_str(),
                e.peak_closure, e.other_babinski ? "  brow rose with the eye (other Babinski sign)" : "");
  }
  for (const auto& c : r.clips)
    std::printf("  clip (%s): %s\n", std::string(to_string(c.kind)).c_str(), c.path.string().c_str());
  return exit_code::ok;
}

int export_session(SessionStore& store, const SessionsArgs& args) {
  const bool csv = args.action == SessionsArgs::Action::export_csv;
  if (args.output) {
    const auto err = csv ? store.save_session_csv(args.id, *args.output) : store.save_session_json(args.id, *args.output);
    if (!err) return exit_code::ok;
    return err->kind == StoreErrorKind::not_found ? store_failure(*err)
                                                  : print_failure(exit_code::output_unwritable, err->message);
  }
  auto text = csv ? store.export_session_csv(args.id) : store.export_session_json(args.id);
  if (auto* e = std::get_if<StoreError>(&text)) return store_failure(*e);
  std::cout << std::get<std::string>(text);
  return exit_code::ok;
}

int remove(SessionStore& store, const SessionsArgs& args) {
  auto loaded = store.load_session(args.id);
  if (auto* e = std::get_if<StoreError>(&loaded)) return store_failure(*e);
  const SessionRecord& r = std::get<SessionRecord>(loaded);
  if (!args.yes) {
    char question[160];
    std::snprintf(question, sizeof question, "Delete session %lld (%s, %zu twitches, %zu clips)?",
                  static_cast<long long>(r.id), readable_time(r.info.started_at).c_str(), r.events.size(),
                  r.clips.size());
    if (const int code = confirm_deletion(question, "session " + std::to_string(args.id)); code != exit_code::ok)
      return code;
  }
  auto deleted = store.delete_session(args.id);
  if (auto* e = std::get_if<StoreError>(&deleted)) return store_failure(*e);
  int clips_left = 0;
  for (const auto& clip : std::get<std::vector<std::filesystem::path>>(deleted)) {
    std::error_code ec;
    std::filesystem::remove(clip, ec);
    if (ec) ++clips_left;
  }
  std::printf("Deleted session %lld.\n", static_cast<long long>(args.id));
  if (clips_left > 0) std::fprintf(stderr, "hemitrack: %d clip files could not be removed\n", clips_left);
  return exit_code::ok;
}

int tag(SessionStore& store, const SessionsArgs& args) {
  if (auto e = store.set_tags(args.id, args.tags)) return store_failure(*e);
  if (args.tags.empty()) {
    std::printf("Session %lld has no tags now.\n", static_cast<long long>(args.id));
  } else {
    std::string tags;
    for (const auto& t : args.tags) tags += (tags.empty() ? "" : ", ") + t;
    std::printf("Session %lld tagged: %s\n", static_cast<long long>(args.id), tags.c_str());
  }
  return exit_code::ok;
}

}  // namespace

int run_sessions(const SessionsArgs& args) {
  auto opened = open_history();
  if (const int* code = std::get_if<int>(&opened)) return *code;
  SessionStore& store = std::get<SessionStore>(opened);
  switch (args.action) {
    case SessionsArgs::Action::list: return list(store);
    case SessionsArgs::Action::show: return show(store, args.id);
    case SessionsArgs::Action::export_csv:
    case SessionsArgs::Action::export_json: return export_session(store, args);
    case SessionsArgs::Action::remove: return remove(store, args);
    case SessionsArgs::Action::tag: return tag(store, args);
  }
  return exit_code::failure;
}

}  // namespace hemitrack
