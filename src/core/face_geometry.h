#pragma once
// Geometry of one fitted face: the eye-line face frame and the per-side raw measurements that the
// signals are built from. Everything here is a pure function of landmark coordinates.
#include "core/landmarks.h"

namespace hemitrack {

// A similarity frame anchored on the eye corners, which barely move when a lid closes or a mouth
// corner is pulled. Origin: midpoint of the two eye centres (each the midpoint of its corners).
// x runs from the person's right eye towards their left eye, y points down the face, and one unit
// is the inter-ocular distance, so measures are comparable across faces and camera distances.
struct FaceFrame {
  Point2 origin;
  Point2 x_axis;  // unit vector
  Point2 y_axis;  // unit vector, x_axis turned 90 degrees towards the chin
  double inter_ocular = 0.0;

  // Requires: inter_ocular > 0.
  Point2 to_face(Point2 image_point) const;
  Point2 to_image(Point2 face_point) const;
  double roll_degrees() const;
};

FaceFrame face_frame_from(const Shape68& shape);

// How far the eye line turned from `before` to `now` (two fits of one face) more than the rest of
// the face did, in radians. The rest is the median turn of the lines joining the brows' outer ends
// and the upper jaw's mirror pairs, which a lid or a mouth corner does not move. When the head
// rolls, every line turns alike; when one side's fit slips (an eye half shut can pull that side's
// whole fit askew for a frame), the eye line turns several degrees more than the rest.
double eye_line_turn_beyond_face(const Shape68& before, const Shape68& now);

// Soukupová & Čech's eye aspect ratio: lid opening over eye width; about 0.3 open, < 0.15 closed.
double eye_aspect_ratio(const Shape68& shape, Side side);

// Raw, unnormalised-by-baseline measurements of one side of the face.
struct SideMeasure {
  double eye_aspect_ratio = 0.0;
  double mouth_outward = 0.0;  // mouth corner distance from the midline, inter-ocular units
  double mouth_down = 0.0;     // mouth corner distance below the eye line, inter-ocular units
  double brow_height = 0.0;    // brow above the eye corners, inter-ocular units
};

SideMeasure measure_side(const Shape68& shape, Side side, const FaceFrame& frame);

// For a fit on a face made symmetric from one half (see vision/side_fitter.h), both halves of the
// shape describe the same real half; averaging them halves the predictor's noise.
SideMeasure measure_symmetric_fit(const Shape68& shape);

struct HeadPose {
  double roll_deg = 0.0;
  double yaw_deg = 0.0;
  double pitch_deg = 0.0;
};

}  // namespace hemitrack
