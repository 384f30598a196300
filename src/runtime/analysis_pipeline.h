#pragma once
// The analysis of one frame, shared by every front end (CLI, dashboard, tests, benchmark):
// tracking -> per-side signals -> twitch detector -> running summary.
// Contract: one pipeline per analysis thread; frames in time order.
#include "core/detector_config.h"
#include "core/session_summary.h"
#include "core/signal_extractor.h"
#include "core/twitch_detector.h"
#include "vision/face_tracker.h"
#include "vision/frame_source.h"
#include "vision/shape_model.h"

#include <memory>
#include <string>
#include <vector>

namespace hemitrack {

struct AnalysisConfig {
  bool mirrored = false;  // the source shows the person as in a mirror (selfie cameras)
  TrackerConfig tracker;
  SignalConfig signals;
  DetectorConfig detector;
  // Closure from which an eye counts as closed for "% of time the eye was closed".
  double closed_for_summary = kEyeClosedFrom;

  std::string validate() const;
};

struct FrameAnalysis {
  double time_s = 0.0;
  std::int64_t index = 0;
  FaceObservation observation;  // landmarks in the (un-mirrored) analysed image
  FrameSignals signals;
};

class AnalysisPipeline {
 public:
  // Requires: config.validate() is empty.
  AnalysisPipeline(std::shared_ptr<const ShapeModel> predictor, AnalysisConfig config);

  // Requires: frame.bgr is 8-bit BGR. The frame is flipped in place for a mirrored source.
  FrameAnalysis process(Frame& frame);
  // End of input: classifies what is still pending.
  void finish();
  // Forgets the learned resting face (open eyes, mouth corners, brows, noise) and learns it anew
  // from the next frames, e.g. after the person moved, put on glasses or the light changed.
  // Events and blinks found so far are kept.
  void recalibrate();
  // Open-eye aspect ratio the closure of a side is measured against; 0 until it was learned.
  double open_eye_baseline(Side side) const { return extractor_.open_eye_baseline(side); }

  // Events and blinks completed since the previous call.
  std::vector<TwitchEvent> take_events();
  std::vector<Blink> take_blinks();

  // Everything completed so far (the running session).
  const std::vector<TwitchEvent>& events() const { return all_events_; }
  const std::vector<Blink>& blinks() const { return all_blinks_; }
  SessionSummary summary() const { return summary_.build(all_events_, all_blinks_); }
  const AnalysisConfig& config() const { return config_; }

 private:
  void collect();

  std::shared_ptr<const ShapeModel> predictor_;
  AnalysisConfig config_;
  FaceTracker tracker_;
  SignalExtractor extractor_;
  TwitchDetector detector_;
  SummaryBuilder summary_;
  std::vector<TwitchEvent> all_events_, new_events_;
  std::vector<Blink> all_blinks_, new_blinks_;
};

}  // namespace hemitrack
