#pragma once
// Which face box the per-side fits start from.
//
// The predictor was trained on the face detector's boxes, and for most faces the detector's box
// is the one it fits best. But those boxes come in the steps of the detector's image pyramid, and
// on some faces (a moustache, glasses over a laughing face) the step it lands on is too large: the
// fitted eyes slide up towards the brows and every measure is noisy. The box at which the model's
// mean shape matches the fitted landmarks varies smoothly with the face and is the other
// candidate. On a checked frame both candidates are fitted and judged by their fits' mirror
// mismatch (SideFit): the fits see mirror-symmetric faces, so a better fit is a more symmetric
// one. The mean over many checks decides, with hysteresis, because every change of box shifts
// both sides' landmarks a little and must not happen back and forth.
#include "core/landmarks.h"
#include "vision/shape_model.h"
#include "vision/side_fitter.h"

namespace hemitrack {

// The box, in face-frame units, at which the model's mean shape best matches `upright_shape`
// (least squares over scale and shift). The jaw line is left out: its points follow the box they
// were fitted from more than the face.
// Requires: upright_shape is a fit in an upright crop (eye line horizontal).
FaceBoxModel mean_shape_box(const ShapeModel& model, const Shape68& upright_shape);

class FaceBoxPreference {
 public:
  // Whether this detector check should compare the two candidates: every check until the choice
  // has settled, then every fourth, which keeps the extra fits to a few percent of the work.
  bool comparison_due();
  // One frame's comparison: the detector box's mirror mismatch minus the mean-shape box's.
  void add(double detector_minus_mean_shape);
  bool prefers_mean_shape() const { return prefers_mean_shape_; }

 private:
  double mean_difference_ = 0.0;
  int comparisons_ = 0;
  int checks_ = 0;
  bool prefers_mean_shape_ = false;
};

}  // namespace hemitrack
