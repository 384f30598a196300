#pragma once
// Analyses a whole file, every frame, deterministically. Decoding runs on its own thread so that
// it overlaps with analysis; results do not depend on the timing of either.
#include "runtime/analysis_pipeline.h"
#include "vision/frame_source.h"

#include <atomic>
#include <cstdint>
#include <functional>

namespace hemitrack {

struct OfflineResult {
  SourceInfo source;
  std::int64_t frames = 0;
  std::int64_t frames_with_face = 0;
  double duration_s = 0.0;
  double fps = 0.0;        // the stream's declared rate, else the measured one
  bool damaged = false;    // the source broke off before its declared end; results cover what was read
  bool stopped = false;    // the caller asked to stop early; results cover what was read
  std::vector<TwitchEvent> events;
  std::vector<Blink> blinks;
  SessionSummary summary;

  double face_found_fraction() const { return frames > 0 ? static_cast<double>(frames_with_face) / frames : 0.0; }
};

using FrameCallback = std::function<void(const FrameAnalysis&)>;
using ProgressCallback = std::function<void(std::int64_t frames_done, std::int64_t frames_total)>;

// `stop`, when given, is polled between frames: setting it ends the analysis early with the
// results so far (as for Ctrl-C).
OfflineResult analyze_offline(FrameSource& source, AnalysisPipeline& pipeline, const FrameCallback& on_frame = {},
                              const ProgressCallback& on_progress = {}, const std::atomic<bool>* stop = nullptr);

}  // namespace hemitrack
