#pragma once
// Keeps a finished analysis of a file in the history database, as one session.
#include "runtime/offline_analysis.h"
#include "storage/session_store.h"

#include <optional>
#include <vector>

namespace hemitrack {

// All or nothing where the store allows it: on failure the error names the database and the
// problem, and a session left half-written is removed again.
std::variant<SessionId, StoreError> record_analysis(SessionStore& store, const OfflineResult& result,
                                                    const std::vector<FrameSignals>& signals, bool mirrored,
                                                    const std::vector<std::string>& tags);

}  // namespace hemitrack
