#pragma once
// dlib's HOG face detector, built once per process. get_frontal_face_detector() decodes an
// embedded description and factors every filter (a third of a second here); a copy of the built
// detector costs next to nothing.
#include <dlib/image_processing/frontal_face_detector.h>

namespace hemitrack {

// Thread-safe; the first call builds the detector, later calls return the same one.
const dlib::frontal_face_detector& frontal_detector_prototype();

}  // namespace hemitrack
