#include "apps/cli/history_record.h"

namespace hemitrack {

std::variant<SessionId, StoreError> record_analysis(SessionStore& store, const OfflineResult& result,
                                                    const std::vector<FrameSignals>& signals, bool mirrored,
                                                    const std::vector<std::string>& tags) {
  SessionInfo info;
  info.source = result.source.name;
  info.source_kind = SourceKind::file;
  info.mirrored = mirrored;
  info.tags = tags;
  info.settings_json = R"({"sensitivity":"normal"})";
  auto begun = store.begin_session(info);
  if (auto* e = std::get_if<StoreError>(&begun)) return *e;
  const SessionId id = std::get<SessionId>(begun);

  std::optional<StoreError> failed = store.add_events(id, result.events);
  if (!failed) failed = store.add_blinks(id, result.blinks);
  if (!failed) failed = store.add_signals(id, signals);
  if (!failed) failed = store.end_session(id, SessionEnd{{}, result.duration_s, result.summary.monitored_s});
  if (failed) {
    store.delete_session(id);  // best effort: a half-stored file would mislead the history
    return *failed;
  }
  return id;
}

}  // namespace hemitrack
