#pragma once
// Head orientation from a full 68-point fit, by fitting a generic 3-D face to the landmarks.
#include "core/face_geometry.h"
#include "core/landmarks.h"

#include <opencv2/core.hpp>

namespace hemitrack {

// Yaw > 0: the face turns towards the person's left; pitch > 0: chin up; roll > 0: the person's
// left eye lower than the right in the image. Degrees. A focal length of one image width is assumed
// (typical webcams), which is accurate enough to flag poses that make the two sides incomparable.
HeadPose estimate_head_pose(const Shape68& landmarks, cv::Size image_size);

}  // namespace hemitrack
