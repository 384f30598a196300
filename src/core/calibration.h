#pragma once
// The guided neutral-face calibration at the start of a live session: the person looks at the
// screen and blinks normally for about ten seconds of usable face time while the resting face is
// learned. Detection runs throughout with the adaptive baselines; this only follows progress and
// judges whether what was seen is a usable resting face.
#include "core/signal_extractor.h"

#include <array>
#include <string>

namespace hemitrack {

struct CalibrationConfig {
  double target_s = 10.0;             // usable face time to collect
  double max_unusable_fraction = 0.5; // more frames than this without a usable face: advise to retry
  std::string validate() const;
};

struct CalibrationStatus {
  bool active = false;
  bool done = false;
  double progress = 0.0;  // 0..1 of target usable face time
  double usable_s = 0.0;
  double elapsed_s = 0.0;
  int blinks_seen = 0;
  std::array<double, 2> open_eye_ratio{};  // per side (index_of(Side)), set when done
  // One plain sentence for the person: what to do now, or how the calibration went.
  std::string advice;
};

class CalibrationTracker {
 public:
  explicit CalibrationTracker(CalibrationConfig config = {});
  void start(double time_s);
  // Requires: frames in time order.
  void push(const FrameSignals& s);
  void add_blinks(int count);
  // Records the learned open-eye ratios once calibration is done.
  void set_open_eye_ratio(const std::array<double, 2>& ratio);
  const CalibrationStatus& status() const { return status_; }

 private:
  CalibrationConfig config_;
  CalibrationStatus status_;
  double start_s_ = 0.0;
  double last_s_ = 0.0;
  bool started_clock_ = false;
  long frames_ = 0;
  long unusable_frames_ = 0;
};

}  // namespace hemitrack
