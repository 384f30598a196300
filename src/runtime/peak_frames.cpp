#include "runtime/peak_frames.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace hemitrack {

double contraction_strength(const FrameSignals& s, const TwitchEvent& event) {
  if (!s.valid) return -1.0;
  const auto side = static_cast<std::size_t>(index_of(event.side));
  if (event.involves(Region::eye)) return s.closure[side];
  if (event.involves(Region::mouth)) return s.mouth[side];
  return std::abs(s.brow[side]);
}

PeakFrameKeeper::PeakFrameKeeper(double keep_s, int max_width) : keep_s_(keep_s), max_width_(max_width) {}

void PeakFrameKeeper::add(const cv::Mat& bgr, const FrameAnalysis& analysis) {
  Kept k;
  k.signals = analysis.signals;
  k.frame.time_s = analysis.time_s;
  k.frame.face_found = analysis.observation.measurement.face_found;
  const double scale = bgr.cols > max_width_ ? static_cast<double>(max_width_) / bgr.cols : 1.0;
  if (scale < 1.0)
    cv::resize(bgr, k.frame.bgr, cv::Size(), scale, scale, cv::INTER_AREA);
  else
    k.frame.bgr = bgr.clone();
  k.frame.landmarks = analysis.observation.landmarks;
  for (auto& p : k.frame.landmarks) {
    p.x *= scale;
    p.y *= scale;
  }
  kept_.push_back(std::move(k));
  while (!kept_.empty() && kept_.front().frame.time_s < analysis.time_s - keep_s_) kept_.pop_front();
}

PeakFrame PeakFrameKeeper::peak_of(const TwitchEvent& event) const {
  const Kept* best = nullptr;
  double best_strength = -2.0;
  for (const Kept& k : kept_) {
    if (k.frame.time_s < event.start_s || k.frame.time_s > event.end_s) continue;
    const double strength = contraction_strength(k.signals, event);
    if (strength > best_strength) {
      best_strength = strength;
      best = &k;
    }
  }
  if (!best) return {};
  PeakFrame out = best->frame;
  out.event_id = event.id;
  return out;
}

}  // namespace hemitrack
