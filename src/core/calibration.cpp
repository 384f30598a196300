#include "core/calibration.h"

#include <algorithm>

namespace hemitrack {

std::string CalibrationConfig::validate() const {
  if (!(target_s > 0.0 && target_s <= 120.0)) return "target_s must be in (0, 120]";
  if (!(max_unusable_fraction > 0.0 && max_unusable_fraction <= 1.0)) return "max_unusable_fraction must be in (0, 1]";
  return {};
}

CalibrationTracker::CalibrationTracker(CalibrationConfig config) : config_(config) {}

void CalibrationTracker::start(double time_s) {
  status_ = CalibrationStatus{};
  status_.active = true;
  status_.advice = "Look at the screen and blink normally.";
  start_s_ = last_s_ = time_s;
  started_clock_ = false;
  frames_ = unusable_frames_ = 0;
}

void CalibrationTracker::push(const FrameSignals& s) {
  if (!status_.active) return;
  // The first frame after start() only sets the clock: its time may precede start().
  const double dt = started_clock_ ? std::max(0.0, s.time_s - last_s_) : 0.0;
  started_clock_ = true;
  last_s_ = s.time_s;
  status_.elapsed_s += dt;
  ++frames_;
  if (s.valid) {
    status_.usable_s += dt;
  } else {
    ++unusable_frames_;
  }
  // Frame intervals summed in floating point fall a hair short of a round target.
  status_.progress = std::min(1.0, status_.usable_s / config_.target_s + 1e-9);

  const double unusable = frames_ > 0 ? static_cast<double>(unusable_frames_) / frames_ : 0.0;
  if (status_.progress >= 1.0) {
    status_.active = false;
    status_.done = true;
    status_.advice = unusable > config_.max_unusable_fraction
                         ? "Done, but the face was often hard to see: recalibrate when you sit steadily facing the camera."
                         : "Done: your resting face is learned. hemitrack keeps adapting to slow changes.";
  } else if (s.valid) {
    status_.advice = "Look at the screen and blink normally.";
  } else if (!s.face_found) {
    status_.advice = "No face in view: sit in front of the camera.";
  } else if (s.extreme_pose) {
    status_.advice = "Turn towards the camera and look at the screen.";
  } else {
    status_.advice = "Hold still for a moment.";
  }
}

void CalibrationTracker::add_blinks(int count) {
  if (status_.active) status_.blinks_seen += count;
}

void CalibrationTracker::set_open_eye_ratio(const std::array<double, 2>& ratio) { status_.open_eye_ratio = ratio; }

}  // namespace hemitrack
