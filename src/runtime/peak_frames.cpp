#include "runtime/peak_frames.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
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

namespace {

// The face with a margin (a square 1.5 times the landmarks' extent), inside the image; the whole
// image when no face was found.
cv::Rect face_region(const cv::Mat& bgr, const FrameAnalysis& analysis) {
  const cv::Rect whole(0, 0, bgr.cols, bgr.rows);
  if (!analysis.observation.measurement.face_found) return whole;
  double x0 = bgr.cols, y0 = bgr.rows, x1 = 0, y1 = 0;
  for (const Point2& p : analysis.observation.landmarks) {
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
  }
  const double side = std::max(x1 - x0, y1 - y0) * 1.5;
  const cv::Rect square(static_cast<int>((x0 + x1 - side) / 2), static_cast<int>((y0 + y1 - side) / 2),
                        static_cast<int>(side), static_cast<int>(side));
  const cv::Rect inside = square & whole;
  return inside.area() > 0 ? inside : whole;
}

}  // namespace

void PeakFrameKeeper::add(const cv::Mat& bgr, const FrameAnalysis& analysis) {
  Kept k;
  k.signals = analysis.signals;
  k.frame.time_s = analysis.time_s;
  k.frame.face_found = analysis.observation.measurement.face_found;
  const cv::Rect region = face_region(bgr, analysis);
  const double scale = region.width > max_width_ ? static_cast<double>(max_width_) / region.width : 1.0;
  if (scale < 1.0)
    cv::resize(bgr(region), k.frame.bgr, cv::Size(), scale, scale, cv::INTER_AREA);
  else
    k.frame.bgr = bgr(region).clone();
  k.frame.landmarks = analysis.observation.landmarks;
  for (auto& p : k.frame.landmarks) {
    p.x = (p.x - region.x) * scale;
    p.y = (p.y - region.y) * scale;
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
