#include "vision/frontal_detector.h"

namespace hemitrack {

const dlib::frontal_face_detector& frontal_detector_prototype() {
  static const dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
  return detector;
}

}  // namespace hemitrack
