#include "vision/face_tracker.h"

#include "vision/frontal_detector.h"
#include "vision/head_pose.h"

#include <dlib/opencv/cv_image.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hemitrack {
namespace {

// The detector's smallest window is 80 px; checking a downscaled crop keeps the check cheap.
constexpr double kConfirmScale = 0.6;
// Full-frame searches run at most this wide: larger frames are reduced, as faces smaller than the
// detector's 80 px window there are too small to measure eyelids anyway. Smaller frames are also
// searched enlarged towards it (at most 2x) when no face is found at their own size: on a
// low-resolution camera, or a person sitting back from a 640x480 webcam, a face with a measurable
// inter-ocular distance (20-30 px) is smaller than the window; enlarged, faces down to 40-53 px
// are found.
constexpr double kSearchWidth = 960.0;
constexpr double kMaxEnlargement = 2.0;
// While no face is found, the enlarged search (2-4 times the cost of the plain one) runs on one
// frame in this many, so that faceless footage is not slowed much; once the face followed was
// found enlarged, on every frame, so that it is found again at once after it was lost.
constexpr int kEnlargedSearchEvery = 8;
// Agreement of the two per-side fits (SideFit::scale_agreement) that a real face reaches easily
// and face-like patterns do not; sustained worse agreement means the tracker lost the face.
constexpr double kAcceptFit = 0.5;
constexpr int kPoorFramesBeforeLost = 8;
// An eye line that turns this much more than the rest of the face in one frame is a fit that
// slipped, not a head that rolled (eye_line_turn_beyond_face). On real footage the eye line turns
// more than 3 degrees between frames on 5 frames in 10,000, and that much more than the rest of
// the face on 12; on some stills (where the head never moves) it jumps 5-9 degrees each time an
// eye half closes.
constexpr double kSlippedEyeLine_rad = 3.0 * std::numbers::pi / 180.0;

Shape68 to_shape(const dlib::full_object_detection& det, double scale = 1.0) {
  Shape68 s;
  for (std::size_t i = 0; i < kLandmarkCount; ++i)
    s[i] = {det.part(static_cast<unsigned long>(i)).x() * scale, det.part(static_cast<unsigned long>(i)).y() * scale};
  return s;
}

double overlap(const dlib::rectangle& a, const dlib::rectangle& b) {
  const double inter = static_cast<double>(a.intersect(b).area());
  return inter / static_cast<double>(a.area() + b.area() - inter);
}

// The crop for the next frame follows the face, but not the landmark jitter: the predictor's
// output shifts with sub-pixel changes of its input, so a crop that trembles with last frame's
// noise feeds that noise back. Small apparent motion is followed slowly, real motion at once.
FaceFrame follow(const FaceFrame& anchor, const FaceFrame& measured) {
  const double shift = std::hypot(measured.origin.x - anchor.origin.x, measured.origin.y - anchor.origin.y) /
                       anchor.inter_ocular;
  const double zoom = std::abs(std::log(measured.inter_ocular / anchor.inter_ocular));
  const double turn = std::abs(std::atan2(anchor.x_axis.x * measured.x_axis.y - anchor.x_axis.y * measured.x_axis.x,
                                          anchor.x_axis.x * measured.x_axis.x + anchor.x_axis.y * measured.x_axis.y));
  const double alpha = std::clamp((shift + zoom + turn) / 0.08, 0.15, 1.0);
  FaceFrame out;
  out.origin = anchor.origin + (measured.origin - anchor.origin) * alpha;
  out.inter_ocular = anchor.inter_ocular + (measured.inter_ocular - anchor.inter_ocular) * alpha;
  Point2 x = anchor.x_axis + (measured.x_axis - anchor.x_axis) * alpha;
  const double n = std::hypot(x.x, x.y);
  out.x_axis = {x.x / n, x.y / n};
  out.y_axis = {-out.x_axis.y, out.x_axis.x};
  return out;
}

}  // namespace

std::string TrackerConfig::validate() const {
  if (confirm_every_frames < 1) return "confirm_every_frames must be at least 1";
  if (misses_before_lost < 1) return "misses_before_lost must be at least 1";
  if (!(min_inter_ocular_px > 0)) return "min_inter_ocular_px must be positive";
  if (!(max_yaw_deg > 0 && max_pitch_deg > 0 && max_roll_deg > 0)) return "pose limits must be positive";
  return {};
}

FaceTracker::FaceTracker(const ShapeModel& predictor, TrackerConfig config)
    : predictor_(predictor), config_(config), detector_(frontal_detector_prototype()), fitter_(predictor) {}

void FaceTracker::reset() {
  tracking_ = false;
  mouth_flow_.reset();
  eye_appearance_.reset();
  misses_ = 0;
  frames_since_confirm_ = 0;
}

void FaceTracker::learn_box(const dlib::rectangle& box, const FaceFrame& frame) {
  const Point2 centre = frame.to_face({(box.left() + box.right()) / 2.0, (box.top() + box.bottom()) / 2.0});
  box_.centre = centre;
  box_.size = static_cast<double>(box.width()) / frame.inter_ocular;
}

// The detector's faces in `grey` resized by `scale`, in the resized image's coordinates.
std::vector<dlib::rect_detection> FaceTracker::detect_faces(const cv::Mat& grey, double scale) {
  cv::Mat search = grey;
  if (scale < 1.0) cv::resize(grey, search, cv::Size(), scale, scale, cv::INTER_AREA);
  else if (scale > 1.0) cv::resize(grey, search, cv::Size(), scale, scale, cv::INTER_LINEAR);
  std::vector<dlib::rect_detection> found;
  detector_(dlib::cv_image<unsigned char>(search), found, 0.0);
  return found;
}

// Full-frame search, reduced or enlarged as kSearchWidth says.
std::optional<SideFit> FaceTracker::acquire(const cv::Mat& bgr) {
  cv::Mat grey;
  cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
  const double own_size = std::min(1.0, kSearchWidth / grey.cols);
  if (auto fit = accept_first(detect_faces(grey, own_size), own_size, grey, bgr)) return fit;
  const double enlargement = std::min(kMaxEnlargement, kSearchWidth / grey.cols);
  const bool enlarged_search_due = searches_without_face_++ % kEnlargedSearchEvery == 0 || face_was_small_;
  if (enlargement < 1.25 || !enlarged_search_due) return std::nullopt;
  return accept_first(detect_faces(grey, enlargement), enlargement, grey, bgr);
}

// Candidates are tried in order of preference (nearest to where the face was, else the largest:
// the person at the camera, not someone behind them) and the first one the per-side fits agree is
// a face wins, so a face-like pattern (a badge, a poster) that the detector also accepts is not
// followed. `found` is in the coordinates of the frame resized by `scale`.
std::optional<SideFit> FaceTracker::accept_first(std::vector<dlib::rect_detection> found, double scale,
                                                 const cv::Mat& grey, const cv::Mat& bgr) {
  const FaceFrame last = face_frame_from(last_landmarks_);
  const bool seen_before = last.inter_ocular > 0.0;
  const auto distance = [&](const dlib::rect_detection& d) {
    return std::hypot(dlib::center(d.rect).x() / scale - last.origin.x, dlib::center(d.rect).y() / scale - last.origin.y);
  };
  std::sort(found.begin(), found.end(), [&](const dlib::rect_detection& a, const dlib::rect_detection& b) {
    return seen_before ? distance(a) < distance(b) : a.rect.area() > b.rect.area();
  });

  constexpr std::size_t kMaxCandidates = 3;
  for (std::size_t i = 0; i < std::min(found.size(), kMaxCandidates); ++i) {
    const dlib::rectangle& r = found[i].rect;
    const dlib::rectangle box(std::lround(r.left() / scale), std::lround(r.top() / scale), std::lround(r.right() / scale),
                              std::lround(r.bottom() / scale));
    const Shape68 shape = to_shape(predictor_(dlib::cv_image<unsigned char>(grey), box));
    const FaceFrame frame = face_frame_from(shape);
    if (frame.inter_ocular < config_.min_inter_ocular_px) continue;
    learn_box(box, frame);
    SideFit fit = fitter_.fit(bgr, frame, box_);
    if (fit.scale_agreement < kAcceptFit) continue;
    last_pose_ = estimate_head_pose(shape, bgr.size());
    last_landmarks_ = shape;
    anchor_ = frame;
    tracking_ = true;
    searches_without_face_ = 0;
    face_was_small_ = scale > 1.0;
    misses_ = 0;
    poor_frames_ = 0;
    frames_since_confirm_ = 0;
    return fit;
  }
  return std::nullopt;
}

// Runs the detector where the tracker believes the face is; on success it also refreshes the box
// model (from the detector's box, or the mean-shape box when that fits this face better; see
// face_box_choice.h) and the head pose from a plain (coupled) fit, both of which change slowly.
bool FaceTracker::confirm(const SideFit& fit, const cv::Mat& bgr) {
  cv::Mat small;
  cv::resize(fit.upright_grey, small, cv::Size(), kConfirmScale, kConfirmScale, cv::INTER_AREA);
  const std::vector<dlib::rectangle> faces = detector_(dlib::cv_image<unsigned char>(small));
  const cv::Rect2d expected_crop = SideFitter::crop_box(box_);
  const dlib::rectangle expected(std::lround(expected_crop.x * kConfirmScale), std::lround(expected_crop.y * kConfirmScale),
                                 std::lround((expected_crop.x + expected_crop.width) * kConfirmScale),
                                 std::lround((expected_crop.y + expected_crop.height) * kConfirmScale));
  for (const auto& f : faces) {
    if (overlap(f, expected) < 0.35) continue;
    const dlib::rectangle crop_box(std::lround(f.left() / kConfirmScale), std::lround(f.top() / kConfirmScale),
                                   std::lround(f.right() / kConfirmScale), std::lround(f.bottom() / kConfirmScale));
    const Shape68 crop_shape = to_shape(predictor_(dlib::cv_image<unsigned char>(fit.upright_grey), crop_box));
    // The crop is upright at a known scale, so the box model is learned directly in crop units.
    const FaceFrame crop_frame = face_frame_from(crop_shape);
    if (crop_frame.inter_ocular <= 0) return false;
    FaceBoxModel measured;
    measured.centre = crop_frame.to_face({(crop_box.left() + crop_box.right()) / 2.0, (crop_box.top() + crop_box.bottom()) / 2.0});
    measured.size = static_cast<double>(crop_box.width()) / crop_frame.inter_ocular;
    const FaceBoxModel by_mean_shape = mean_shape_box(predictor_, crop_shape);
    if (box_preference_.comparison_due()) {
      // Both candidates fitted on this frame's crop (anchor_ is still the one `fit` was cut with).
      box_preference_.add(fitter_.fit(bgr, anchor_, measured).mirror_mismatch -
                          fitter_.fit(bgr, anchor_, by_mean_shape).mirror_mismatch);
    }
    if (box_preference_.prefers_mean_shape()) measured = by_mean_shape;
    // Smooth: single detector boxes jitter by a few percent.
    box_.centre = box_.centre * 0.7 + measured.centre * 0.3;
    box_.size = box_.size * 0.7 + measured.size * 0.3;
    cv::Matx23d to_image;
    cv::invertAffineTransform(fit.image_to_crop, to_image);
    Shape68 image_shape;
    for (std::size_t i = 0; i < kLandmarkCount; ++i) {
      const cv::Vec2d q = to_image * cv::Vec3d(crop_shape[i].x, crop_shape[i].y, 1.0);
      image_shape[i] = {q[0], q[1]};
    }
    // Pose needs the real image geometry (focal length), so it is solved in image coordinates.
    last_pose_ = estimate_head_pose(image_shape, bgr.size());
    return true;
  }
  return false;
}

FaceObservation FaceTracker::process(const cv::Mat& bgr, double time_s) {
  ++frames_;
  FaceObservation obs;
  std::optional<SideFit> found;
  if (!tracking_) {
    obs.detected_this_frame = true;
    found = acquire(bgr);
    if (!found) return obs;
  }

  SideFit fit = found ? std::move(*found) : fitter_.fit(bgr, anchor_, box_);
  const FaceFrame now = face_frame_from(fit.landmarks);
  if (now.inter_ocular < config_.min_inter_ocular_px || !std::isfinite(now.inter_ocular)) {
    reset();
    return obs;
  }

  double detector_trust = misses_ == 0 ? 1.0 : 0.5;
  if (++frames_since_confirm_ >= config_.confirm_every_frames && !obs.detected_this_frame) {
    frames_since_confirm_ = 0;
    if (confirm(fit, bgr)) {
      misses_ = 0;
      detector_trust = 1.0;
    } else if (++misses_ >= config_.misses_before_lost) {
      reset();
      return obs;  // this frame is not trusted; the next one searches the whole image
    } else {
      detector_trust = 0.5;
    }
  }

  poor_frames_ = fit.scale_agreement < kAcceptFit ? poor_frames_ + 1 : 0;
  if (poor_frames_ >= kPoorFramesBeforeLost) {
    reset();
    return obs;
  }
  // The next crop does not turn with a slipped eye line: a crop turned by a fit's error, and back
  // on the frame after, is a turn of the whole face between two crops, which the mouth's optical
  // flow reads as one corner rising and the other falling.
  // The turn is judged against a previous fit that was itself sound: right after a search the
  // previous landmarks are the detector's plain fit, and after a slipped or poor fit the turn back
  // to the face is no slip.
  const bool fit_sound = fit.scale_agreement >= kAcceptFit;
  const bool slipped = !found && last_fit_sound_ && fit_sound &&
                       std::abs(eye_line_turn_beyond_face(last_landmarks_, fit.landmarks)) > kSlippedEyeLine_rad;
  FaceFrame followed = now;
  if (slipped) {
    followed.x_axis = anchor_.x_axis;
    followed.y_axis = anchor_.y_axis;
  }
  last_fit_sound_ = fit_sound && !slipped;
  last_landmarks_ = fit.landmarks;
  anchor_ = follow(anchor_, followed);
  obs.landmarks = fit.landmarks;
  FaceMeasurement& m = obs.measurement;
  m.face_found = true;
  m.side[static_cast<std::size_t>(index_of(Side::right))] = fit.right;
  m.side[static_cast<std::size_t>(index_of(Side::left))] = fit.left;
  m.quality = detector_trust * fit.scale_agreement;
  m.frame = now;
  Shape68 in_crop;
  for (std::size_t i = 0; i < kLandmarkCount; ++i) {
    const cv::Vec2d q = fit.image_to_crop * cv::Vec3d(fit.landmarks[i].x, fit.landmarks[i].y, 1.0);
    in_crop[i] = {q[0], q[1]};
  }
  m.mouth_flow_rise = mouth_flow_.update(time_s, fit.upright_grey, in_crop);
  m.eye_change = eye_appearance_.update(time_s, fit.upright_grey, in_crop);
  m.pose = last_pose_;
  m.pose.roll_deg = now.roll_degrees();  // the eye line is known every frame
  m.extreme_pose = std::abs(m.pose.yaw_deg) > config_.max_yaw_deg || std::abs(m.pose.pitch_deg) > config_.max_pitch_deg ||
                   std::abs(m.pose.roll_deg) > config_.max_roll_deg;
  return obs;
}

}  // namespace hemitrack
