#pragma once
// How far each eye's picture has moved away from the same eye open.
//
// On small or blurred faces the 68-point model's lid points follow a closing lid only part of the
// way, and during a held closure they can spread back to an open eye (docs/accuracy.md). The eye
// corners stay where they are. So each eye is also compared as a picture: the rows of a patch
// between its corners in the upright face crop (each row's brightness and its spread along the
// row), against the same rows of that eye open. A closing lid replaces the band of white, iris
// and white with skin and a lash line, whichever way that moves the brightness; the iris moving
// sideways when the person looks elsewhere leaves the rows much as they were.
#include "core/landmarks.h"

#include <opencv2/core.hpp>

#include <array>

namespace hemitrack {

class EyeAppearance {
 public:
  // Requires: `upright_grey` is the upright face crop (SideFitter geometry), `crop_landmarks` are
  // this frame's landmarks in its coordinates, and frames come in time order. Returns, per side
  // (index_of(Side)), one minus the normalised correlation of the eye's rows with that eye's open
  // rows: about 0.01 for an open eye; a real blink rose to 0.4-1.0 on 640x480 webcam footage and
  // to 0.07-0.14 on a small face (inter-ocular distance ~35 px). 0 while the open rows are still
  // being learned (the first frames after a reset).
  std::array<double, 2> update(double time_s, const cv::Mat& upright_grey, const Shape68& crop_landmarks);
  void reset();

 private:
  struct OpenEye {
    cv::Mat rows;             // running average of the rows of frames that looked open
    double typical = 0.0;     // running level of the change on frames taken as open
    double accepted_s = 0.0;  // when a frame last looked open
    int frames = 0;           // frames taken in since the open rows were started
  };
  std::array<OpenEye, 2> open_;  // indexed by index_of(Side)
  double previous_time_s_ = 0.0;
};

}  // namespace hemitrack
