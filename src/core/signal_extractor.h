#pragma once
// Turns raw per-side measurements into per-side signals relative to that side's own relaxed
// baseline: eyelid closure 0..1, mouth-corner excursion and brow movement in inter-ocular units.
// Baselines adapt over a rolling window, so slow drift (posture, lighting, fatigue) is absorbed
// while blinks and twitches, which are brief, do not move them.
#include "core/face_measurement.h"
#include "core/landmarks.h"
#include "core/rolling_quantile.h"

#include <array>
#include <optional>
#include <utility>
#include <string>

namespace hemitrack {

struct SignalConfig {
  double baseline_window_s = 20.0;
  // The open-eye aspect ratio is an upper quantile: closures only ever lower the ratio.
  double open_eye_quantile = 0.85;
  // Aspect ratio of a fully closed eye as a fraction of the open one; closure reads 1 there.
  double closed_eye_fraction = 0.4;
  double min_quality = 0.4;  // frames tracked worse than this carry no signal
  // Head movement faster than this (inter-ocular distances per second, translation plus scale
  // change) makes the landmark fit lag and the lids read as closing: such frames carry no signal.
  double max_head_speed = 1.2;

  std::string validate() const;
};

struct FrameSignals {
  double time_s = 0.0;
  bool face_found = false;
  bool valid = false;  // face found, tracked well enough, pose comparable
  double quality = 0.0;
  std::array<double, 2> closure{};  // 0 open .. 1 closed, per side (index_of(Side))
  // Mouth-corner pull from its baseline along the zygomaticus major's line of action (up and
  // outward), inter-ocular units; negative when the corner moves in or down (speech, frowning).
  std::array<double, 2> mouth{};
  std::array<double, 2> brow{};     // brow height above its baseline, inter-ocular units (+ raised)
  HeadPose pose;
  bool extreme_pose = false;
  double head_speed = 0.0;  // inter-ocular distances per second
};

class SignalExtractor {
 public:
  explicit SignalExtractor(SignalConfig config);
  FrameSignals push(double time_s, const FaceMeasurement& m);
  // Open-eye aspect ratio in use for a side; 0 before any valid frame.
  double open_eye_baseline(Side side) const;
  void reset();

 private:
  struct SideBaselines {
    RollingQuantile ear;
    RollingQuantile mouth_outward;
    RollingQuantile mouth_down;
    RollingQuantile brow;
  };
  SignalConfig config_;
  std::array<SideBaselines, 2> baselines_;
  std::optional<std::pair<double, FaceFrame>> previous_face_;
};

}  // namespace hemitrack
