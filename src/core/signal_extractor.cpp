#include "core/signal_extractor.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace hemitrack {

std::string SignalConfig::validate() const {
  if (!(baseline_window_s >= 1.0)) return "baseline_window_s must be at least 1 s";
  if (!(open_eye_quantile > 0.5 && open_eye_quantile < 1.0)) return "open_eye_quantile must be in (0.5, 1)";
  if (!(closed_eye_fraction >= 0.0 && closed_eye_fraction < 0.9)) return "closed_eye_fraction must be in [0, 0.9)";
  if (!(min_quality >= 0.0 && min_quality <= 1.0)) return "min_quality must be in [0, 1]";
  if (!(max_head_speed > 0.0)) return "max_head_speed must be positive";
  if (!(noise_window_s >= 1.0)) return "noise_window_s must be at least 1 s";
  if (!(mouth_noise_lag_s > 0.0 && mouth_noise_lag_s < noise_window_s)) return "mouth_noise_lag_s must be in (0, noise_window_s)";
  if (!(warmup_s >= 0.0)) return "warmup_s must not be negative";
  if (!(appearance_weight >= 0.0 && appearance_weight <= 1.0)) return "appearance_weight must be in [0, 1]";
  if (!(closed_eye_change > 0.0)) return "closed_eye_change must be positive";
  return {};
}

std::string_view to_string(NotMeasured why) {
  switch (why) {
    case NotMeasured::no: return "";
    case NotMeasured::no_face: return "no_face";
    case NotMeasured::head_turned: return "head_turned";
    case NotMeasured::hard_to_follow: return "hard_to_follow";
    case NotMeasured::moving: return "moving";
  }
  return "";
}

namespace {
constexpr std::size_t kMinSpreadSamples = 60;  // about two seconds of webcam frames
constexpr double kLagSlackS = 0.1;  // how much older than the lag a sample to compare with may be
constexpr double kSpeedSpan_s = 0.2;

RollingQuantile median_over(double window) { return RollingQuantile(window, 0.5); }
}  // namespace

SignalExtractor::SideBaselines SignalExtractor::side_baselines(const SignalConfig& c) {
  const double w = c.baseline_window_s;
  return {RollingQuantile(w, c.open_eye_quantile), median_over(w), median_over(w), median_over(w), median_over(w)};
}

SignalExtractor::SignalExtractor(SignalConfig config)
    : config_(config), baselines_{side_baselines(config), side_baselines(config)} {}

double SignalExtractor::open_eye_baseline(Side side) const {
  const auto& b = baselines_[static_cast<std::size_t>(index_of(side))].ear;
  return b.empty() ? 0.0 : b.value();
}

FrameSignals SignalExtractor::push(double time_s, const FaceMeasurement& m) {
  FrameSignals out;
  out.time_s = time_s;
  out.face_found = m.face_found;
  out.quality = m.quality;
  out.pose = m.pose;
  out.extreme_pose = m.extreme_pose;
  // Head speed over a span of frames, not from one frame to the next: landmark jitter of a pixel
  // or two would otherwise read as motion on small faces.
  if (m.face_found) {
    recent_faces_.emplace_back(time_s, m.frame);
    while (recent_faces_.size() > 2 && recent_faces_[1].first <= time_s - kSpeedSpan_s) recent_faces_.pop_front();
    const auto& [t0, a] = recent_faces_.front();
    if (time_s > t0) {
      const FaceFrame& b = m.frame;
      const double shift = std::hypot(b.origin.x - a.origin.x, b.origin.y - a.origin.y) / b.inter_ocular;
      const double zoom = std::abs(std::log(b.inter_ocular / a.inter_ocular));
      out.head_speed = (shift + zoom) / (time_s - t0);
    }
  } else {
    recent_faces_.clear();
  }
  out.why_not = !m.face_found                             ? NotMeasured::no_face
                : m.extreme_pose                          ? NotMeasured::head_turned
                : m.quality < config_.min_quality         ? NotMeasured::hard_to_follow
                : out.head_speed > config_.max_head_speed ? NotMeasured::moving
                                                          : NotMeasured::no;
  out.valid = out.why_not == NotMeasured::no;
  if (!out.valid) {
    last_valid_time_.reset();
    last_asymmetry_.reset();
    recent_mouth_asymmetry_.clear();
    return out;
  }
  if (last_valid_time_) valid_time_s_ += time_s - *last_valid_time_;
  last_valid_time_ = time_s;
  out.settled = valid_time_s_ >= config_.warmup_s;

  for (Side side : kBothSides) {
    const auto i = static_cast<std::size_t>(index_of(side));
    const SideMeasure& s = m.side[i];
    SideBaselines& b = baselines_[i];
    b.ear.add(time_s, s.eye_aspect_ratio);
    b.mouth_down.add(time_s, s.mouth_down);
    b.brow.add(time_s, s.brow_height);

    const double open = b.ear.value();
    const double span = open * (1.0 - config_.closed_eye_fraction);
    out.closure[i] = span > 0.0 ? std::clamp((open - s.eye_aspect_ratio) / span, 0.0, 1.0) : 0.0;
    if (m.eye_change) {
      const double change = (*m.eye_change)[i];
      b.eye_change.add(time_s, change);
      const double rise = change - b.eye_change.value();
      const double by_picture = std::clamp(rise / config_.closed_eye_change, 0.0, 1.0);
      out.closure[i] = (1.0 - config_.appearance_weight) * out.closure[i] + config_.appearance_weight * by_picture;
    }
    if (m.mouth_flow_rise) {
      b.mouth_flow.add(time_s, (*m.mouth_flow_rise)[i]);
      out.mouth[i] = (*m.mouth_flow_rise)[i] - b.mouth_flow.value();
    } else {
      out.mouth[i] = b.mouth_down.value() - s.mouth_down;
    }
    out.brow[i] = s.brow_height - b.brow.value();
  }
  update_spread(time_s, out);
  out.spread = spread_;
  return out;
}

// Eyes: the scatter of frame-to-frame changes of the left-right difference. A closure, even a long
// one, adds only its two edges to them, so footage full of events does not look noisier than it
// is; slow wandering is left to the detector's resting-level check.
void SignalExtractor::update_spread(double time_s, const FrameSignals& s) {
  const double asymmetry = s.closure[0] - s.closure[1];
  if (last_asymmetry_) spread_samples_[0].emplace_back(time_s, (asymmetry - *last_asymmetry_) / std::sqrt(2.0));
  last_asymmetry_ = asymmetry;
  // Mouth: speech and smiles move both corners, which the detector's partner check already
  // rejects; what can pass for a one-sided pull is the part of the movement that differs between
  // the corners, within the time a pull takes to rise. So the noise is the scatter of the
  // left-right difference's changes over that time. The difference's own level would count
  // one-sided pulls as noise for as long as they last: footage with frequent tonic mouth spasms
  // read two to three times noisier than the same footage without them (docs/accuracy.md).
  const double mouth_asymmetry = s.mouth[0] - s.mouth[1];
  recent_mouth_asymmetry_.emplace_back(time_s, mouth_asymmetry);
  const double lagged_from = time_s - config_.mouth_noise_lag_s;
  while (recent_mouth_asymmetry_.size() > 1 && recent_mouth_asymmetry_[1].first <= lagged_from)
    recent_mouth_asymmetry_.pop_front();
  // A gap in the frames (a dropped or slow frame) longer than a few frames gives no sample.
  const auto& [then, before] = recent_mouth_asymmetry_.front();
  if (then <= lagged_from && then >= lagged_from - kLagSlackS)
    spread_samples_[1].emplace_back(time_s, (mouth_asymmetry - before) / std::sqrt(2.0));
  // Brow: its level's own scatter.
  spread_samples_[2].emplace_back(time_s, s.brow[0]);
  spread_samples_[2].emplace_back(time_s, s.brow[1]);
  for (auto& q : spread_samples_)
    while (!q.empty() && q.front().first < time_s - config_.noise_window_s) q.pop_front();
  // The scatter moves slowly; recomputing it a few times a second is plenty.
  if (++frames_since_spread_ < 8) return;
  frames_since_spread_ = 0;
  std::vector<double> v;
  for (std::size_t r = 0; r < spread_samples_.size(); ++r) {
    if (spread_samples_[r].size() < kMinSpreadSamples) continue;
    v.clear();
    for (const auto& [t, x] : spread_samples_[r]) v.push_back(x);
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    const double median = r == 2 ? *mid : 0.0;  // eye and mouth samples are changes: they scatter around zero
    for (double& x : v) x = std::abs(x - median);
    std::nth_element(v.begin(), mid, v.end());
    spread_[r] = 1.4826 * *mid;
  }
}

}  // namespace hemitrack
