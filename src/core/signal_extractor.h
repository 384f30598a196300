#pragma once
// Turns raw per-side measurements into per-side signals relative to that side's own relaxed
// baseline: eyelid closure 0..1, mouth-corner excursion and brow movement in inter-ocular units.
// Baselines adapt over a rolling window, so slow drift (posture, lighting, fatigue) is absorbed
// while blinks and twitches, which are brief, do not move them.
#include "core/face_measurement.h"
#include "core/landmarks.h"
#include "core/rolling_quantile.h"

#include <array>
#include <deque>
#include <optional>
#include <utility>
#include <string>
#include <string_view>

namespace hemitrack {

struct SignalConfig {
  double baseline_window_s = 20.0;
  // The open-eye aspect ratio is an upper quantile: closures only ever lower the ratio.
  double open_eye_quantile = 0.85;
  // Aspect ratio of a fully closed eye as a fraction of the open one; closure reads 1 there.
  double closed_eye_fraction = 0.4;
  // Frames tracked worse than this carry no signal: below it the two side fits disagree in scale,
  // which is how a misfit (a hand, a fast turn) shows.
  double min_quality = 0.7;
  // Head movement faster than this (inter-ocular distances per second, translation plus scale
  // change) makes the landmark fit lag and the lids read as closing: such frames carry no signal.
  double max_head_speed = 1.2;
  // Valid face time needed before baselines and noise levels are trusted for detection.
  double warmup_s = 1.5;
  // Window over which the footage's own noise level is estimated (see FrameSignals::spread).
  double noise_window_s = 30.0;
  // The mouth's noise is how far its left-right difference moves within this time: about the rise
  // of a twitch, and of the unequal part of a syllable.
  double mouth_noise_lag_s = 0.2;
  // Share of the eyelid closure read from the eye's picture (FaceMeasurement::eye_change) rather
  // than from the lid landmarks' aspect ratio. The picture follows closures the landmarks miss and
  // is far steadier on an open eye, but it also reads glasses rims and a lowered gaze: at a share
  // of 0.5 the injected events were found as well, but the 6-17 fps webcam recordings (glasses)
  // gained 3 false one-sided events (docs/accuracy.md).
  double appearance_weight = 0.35;
  // Rise of the picture's change over its resting level that reads as a fully closed eye. Real
  // blinks rose by 0.4-1.0 on 640x480 webcam footage, but by only 0.07-0.14 on a small face
  // (inter-ocular distance ~35 px), whose closed eye holds few pixels: there the lid landmarks
  // carry most of the closure, as before.
  double closed_eye_change = 0.4;

  std::string validate() const;
};

// Why a frame could not be compared side to side (FrameSignals::valid false), first reason first.
enum class NotMeasured { no = 0, no_face, head_turned, hard_to_follow, moving };
constexpr std::size_t kNotMeasuredReasons = 5;
std::string_view to_string(NotMeasured why);  // "no_face", "head_turned", ... ("" for no)

struct FrameSignals {
  double time_s = 0.0;
  bool face_found = false;
  bool valid = false;  // face found, tracked well enough, pose comparable
  NotMeasured why_not = NotMeasured::no_face;  // NotMeasured::no exactly when valid
  bool settled = false;  // valid, and the baselines have seen enough of this face to compare with
  double quality = 0.0;
  std::array<double, 2> closure{};  // 0 open .. 1 closed, per side (index_of(Side))
  // Mouth-corner rise above its baseline, inter-ocular units: the zygomaticus major pulls the
  // corner up and out. Only the rise is used: turning the head shifts the corners sideways
  // (one out, one in) and would read as a one-sided pull, while it leaves their height alone.
  // Speech mostly opens the mouth downwards, which reads negative. Taken from optical flow when
  // available (FaceMeasurement::mouth_flow_rise), else from the corner landmarks.
  std::array<double, 2> mouth{};
  std::array<double, 2> brow{};     // brow height above its baseline, inter-ocular units (+ raised)
  HeadPose pose;
  bool extreme_pose = false;
  double head_speed = 0.0;  // inter-ocular distances per second
  // How much each region's signal scatters on this footage (robust: median absolute deviation,
  // scaled to a standard deviation), indexed by Region; 0 until about two seconds were seen. For
  // the eyes it is the frame-to-frame scatter of the left-right difference, which blinks, gaze and
  // lighting do not inflate; for the mouth the scatter of the left-right difference, which the
  // unequal part of speech inflates; for the brow the scatter of its level.
  // Noisy footage (small faces, low light, compression, talking) raises the thresholds with it.
  std::array<double, 3> spread{};
};

class SignalExtractor {
 public:
  explicit SignalExtractor(SignalConfig config);
  FrameSignals push(double time_s, const FaceMeasurement& m);
  // Open-eye aspect ratio in use for a side; 0 before any valid frame.
  double open_eye_baseline(Side side) const;

 private:
  struct SideBaselines {
    RollingQuantile ear;
    RollingQuantile mouth_down;
    RollingQuantile brow;
    RollingQuantile mouth_flow;
    RollingQuantile eye_change;
  };
  static SideBaselines side_baselines(const SignalConfig& c);
  void update_spread(double time_s, const FrameSignals& s);

  SignalConfig config_;
  std::array<SideBaselines, 2> baselines_;
  std::array<std::deque<std::pair<double, double>>, 3> spread_samples_;
  std::array<double, 3> spread_{};
  std::optional<double> last_asymmetry_;
  std::deque<std::pair<double, double>> recent_mouth_asymmetry_;  // (time, right - left), valid run
  double valid_time_s_ = 0.0;
  std::optional<double> last_valid_time_;
  int frames_since_spread_ = 0;
  std::deque<std::pair<double, FaceFrame>> recent_faces_;
};

}  // namespace hemitrack
