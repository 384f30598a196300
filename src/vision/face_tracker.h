#pragma once
// Finds the main face and follows it frame to frame.
//
// Contract: one FaceTracker per analysis thread (dlib objects are never shared across threads).
// The first frame, and any frame after the face was lost, runs the HOG detector on the whole
// image; otherwise the face is followed by its landmarks and confirmed every few frames by the
// detector inside the upright face crop only. Each frame's landmarks come from the decoupled
// per-side fits (see side_fitter.h).
#include "core/face_geometry.h"
#include "core/face_measurement.h"
#include "core/landmarks.h"
#include "vision/eye_appearance.h"
#include "vision/face_box_choice.h"
#include "vision/mouth_flow.h"
#include "vision/shape_model.h"
#include "vision/side_fitter.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <opencv2/core.hpp>

#include <memory>
#include <optional>
#include <string>

namespace hemitrack {

struct TrackerConfig {
  int confirm_every_frames = 8;     // detector check of a tracked face, in frames
  int misses_before_lost = 2;       // consecutive failed checks before a full-frame search
  double min_inter_ocular_px = 18;  // smaller faces are too coarse for eyelid measures
  double max_yaw_deg = 30.0;        // beyond these the two sides are not comparable
  double max_pitch_deg = 30.0;
  double max_roll_deg = 35.0;

  // Returns an empty string when valid, else what is wrong.
  std::string validate() const;
};

struct FaceObservation {
  FaceMeasurement measurement;       // decoupled per-side measures, quality, pose
  Shape68 landmarks{};               // image coordinates, for overlays
  bool detected_this_frame = false;  // a full-frame search ran (costly; counted by the benchmark)
};

class FaceTracker {
 public:
  // Requires: predictor outlives the tracker.
  FaceTracker(const ShapeModel& predictor, TrackerConfig config);

  // Requires: frames in time order; time_s is the frame's timestamp.
  FaceObservation process(const cv::Mat& bgr, double time_s);
  void reset();
  // Whether the per-side fits start from the mean-shape box rather than the detector's (see
  // face_box_choice.h).
  bool uses_mean_shape_box() const { return box_preference_.prefers_mean_shape(); }

 private:
  // The accepted face's per-side fit, or nothing when no face was found.
  std::optional<SideFit> acquire(const cv::Mat& bgr);
  std::vector<dlib::rect_detection> detect_faces(const cv::Mat& grey, double scale);
  std::optional<SideFit> accept_first(std::vector<dlib::rect_detection> found, double scale, const cv::Mat& grey,
                                      const cv::Mat& bgr);
  bool confirm(const SideFit& fit, const cv::Mat& bgr);
  void learn_box(const dlib::rectangle& box, const FaceFrame& frame);

  const ShapeModel& predictor_;
  TrackerConfig config_;
  dlib::frontal_face_detector detector_;
  SideFitter fitter_;
  MouthCornerFlow mouth_flow_;
  EyeAppearance eye_appearance_;

  bool tracking_ = false;
  Shape68 last_landmarks_{};
  bool last_fit_sound_ = false;  // last_landmarks_ neither slipped nor poorly fitted
  FaceFrame anchor_;  // where the next frame's upright crop is cut
  FaceBoxModel box_;
  FaceBoxPreference box_preference_;  // kept across losses: it belongs to the person
  HeadPose last_pose_;
  int frames_since_confirm_ = 0;
  int misses_ = 0;
  int poor_frames_ = 0;
  int searches_without_face_ = 0;  // full-frame searches since a face was last found
  bool face_was_small_ = false;    // the last face found needed the enlarged search
  std::size_t frames_ = 0;
};

}  // namespace hemitrack
