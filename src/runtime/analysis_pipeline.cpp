#include "runtime/analysis_pipeline.h"

#include <opencv2/core.hpp>

#include <cassert>

namespace hemitrack {

std::string AnalysisConfig::validate() const {
  if (auto e = tracker.validate(); !e.empty()) return "tracker: " + e;
  if (auto e = signals.validate(); !e.empty()) return "signals: " + e;
  if (auto e = detector.validate(); !e.empty()) return "detector: " + e;
  if (!(closed_for_summary > 0.0 && closed_for_summary <= 1.0)) return "closed_for_summary must be in (0, 1]";
  return {};
}

AnalysisPipeline::AnalysisPipeline(std::shared_ptr<const ShapeModel> predictor, AnalysisConfig config)
    : predictor_(std::move(predictor)),
      config_(config),
      tracker_(*predictor_, config.tracker),
      extractor_(config.signals),
      detector_(config.detector),
      summary_(config.closed_for_summary) {
  assert(config_.validate().empty());
}

FrameAnalysis AnalysisPipeline::process(Frame& frame) {
  // Un-mirror first, so that every stage below sees the person's right side on the image's left.
  if (config_.mirrored) cv::flip(frame.bgr, frame.bgr, 1);
  FrameAnalysis out;
  out.time_s = frame.time_s;
  out.index = frame.index;
  out.observation = tracker_.process(frame.bgr, frame.time_s);
  out.signals = extractor_.push(frame.time_s, out.observation.measurement);
  summary_.add_frame(out.signals);
  detector_.push(out.signals);
  collect();
  return out;
}

void AnalysisPipeline::finish() {
  detector_.finish();
  collect();
}

void AnalysisPipeline::recalibrate() { extractor_ = SignalExtractor(config_.signals); }

void AnalysisPipeline::collect() {
  for (auto& e : detector_.take_events()) {
    all_events_.push_back(e);
    new_events_.push_back(std::move(e));
  }
  for (auto& b : detector_.take_blinks()) {
    all_blinks_.push_back(b);
    new_blinks_.push_back(b);
  }
}

std::vector<TwitchEvent> AnalysisPipeline::take_events() { return std::exchange(new_events_, {}); }
std::vector<Blink> AnalysisPipeline::take_blinks() { return std::exchange(new_blinks_, {}); }

}  // namespace hemitrack
