// "% of time the eye was closed" is one figure: the live dashboard and `analyze` (SessionSummary)
// and the stored history that the trend and the report read (signal chunks) count the same frames.
#include "runtime/analysis_pipeline.h"
#include "storage/session_schema.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace hemitrack;

TEST_CASE("a held closure that reads shallow counts as closed in the session summary and the stored history alike") {
  // 10 s at 30 fps; the right eye held shut for 2 s but read at 0.35, as a small or bespectacled
  // face reads a tonic spasm (docs/accuracy.md), after 0.9 on the frame the lid shuts.
  std::vector<FrameSignals> frames;
  for (int i = 0; i < 300; ++i) {
    FrameSignals s;
    s.time_s = i / 30.0;
    s.face_found = s.valid = s.settled = true;
    s.why_not = NotMeasured::no;
    s.closure = {s.time_s >= 4.0 && s.time_s < 6.0 ? 0.35 : 0.02, 0.02};
    if (i == 120) s.closure[0] = 0.9;
    frames.push_back(s);
  }
  TwitchEvent spasm;
  spasm.side = Side::right;
  spasm.start_s = 4.0;
  spasm.end_s = 6.0;
  spasm.kind = EventKind::tonic;
  spasm.regions = {Region::eye};

  SummaryBuilder live(AnalysisConfig{}.closed_for_summary);
  std::vector<StoredFrame> stored;
  for (const auto& s : frames) {
    live.add_frame(s);
    stored.push_back(to_stored_frame(s));
  }
  const SessionSummary summary = live.build({spasm}, {});
  std::optional<double> previous;
  const session_schema::ChunkTimes history = session_schema::measure_chunk(stored, previous, StoreOptions{}.eye_closed_threshold);

  REQUIRE(summary.affected_side == Side::right);
  CHECK(summary.affected_eye_closed_pct == Approx(20.0).margin(0.5));
  CHECK(summary.affected_eye_closed_pct == Approx(100.0 * history.closed_s[index_of(Side::right)] / history.monitored_s));
}
