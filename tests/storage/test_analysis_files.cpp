// signals.csv as `hemitrack analyze` writes it, read back by the tools and tests that use it.
#include "storage/analysis_files.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace hemitrack;
using namespace hemitrack::test;

TEST_CASE("signals.csv reads back as the frames that were written, to its four decimals") {
  TempDir dir;
  const auto path = dir.path() / "signals.csv";
  std::vector<FrameSignals> written(3);
  for (std::size_t i = 0; i < written.size(); ++i) {
    FrameSignals& s = written[i];
    s.time_s = 0.04 * static_cast<double>(i);
    s.face_found = true;
    s.valid = i != 1;
    s.settled = i == 2;
    s.quality = 0.875;
    s.closure = {0.12345, 0.5};
    s.mouth = {-0.0312, 0.0451};
    s.brow = {0.01, -0.02};
    s.pose.yaw_deg = -12.3;
    s.pose.pitch_deg = 4.5;
    s.pose.roll_deg = 1.2;
    s.extreme_pose = i == 1;
    s.head_speed = 0.25;
    s.spread = {0.05, 0.0071, 0.013};
  }
  auto opened = SignalsCsvWriter::open(path);
  REQUIRE(std::holds_alternative<SignalsCsvWriter>(opened));
  auto& writer = std::get<SignalsCsvWriter>(opened);
  for (std::size_t i = 0; i < written.size(); ++i) writer.write(static_cast<std::int64_t>(i), written[i]);
  REQUIRE_FALSE(writer.close().has_value());

  auto read = read_signals_csv(path);
  REQUIRE(std::holds_alternative<std::vector<FrameSignals>>(read));
  const auto& frames = std::get<std::vector<FrameSignals>>(read);
  REQUIRE(frames.size() == written.size());
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const FrameSignals& a = frames[i];
    const FrameSignals& b = written[i];
    CHECK(a.time_s == Approx(b.time_s).margin(1e-4));
    CHECK(a.face_found == b.face_found);
    CHECK(a.valid == b.valid);
    CHECK(a.settled == b.settled);
    CHECK(a.extreme_pose == b.extreme_pose);
    CHECK(a.quality == Approx(b.quality).margin(1e-3));
    CHECK(a.closure[0] == Approx(0.1235).margin(1e-6));  // four decimals
    CHECK(a.closure[1] == Approx(b.closure[1]));
    CHECK(a.mouth[0] == Approx(b.mouth[0]));
    CHECK(a.mouth[1] == Approx(b.mouth[1]));
    CHECK(a.brow[1] == Approx(b.brow[1]));
    CHECK(a.pose.yaw_deg == Approx(b.pose.yaw_deg));
    CHECK(a.pose.pitch_deg == Approx(b.pose.pitch_deg));
    CHECK(a.pose.roll_deg == Approx(b.pose.roll_deg));
    CHECK(a.head_speed == Approx(b.head_speed));
    CHECK(a.spread[1] == Approx(b.spread[1]));
  }
}

TEST_CASE("a file that is not signals.csv is refused with a message naming it and the problem") {
  TempDir dir;
  const auto path = dir.path() / "signals.csv";
  {
    std::ofstream out(path);
    out << "frame,time_s\n0,0.0\n";
  }
  auto read = read_signals_csv(path);
  REQUIRE(std::holds_alternative<ReadError>(read));
  CHECK_THAT(std::get<ReadError>(read).message, Catch::Contains(path.string()) && Catch::Contains("no column"));

  // The right columns, then a row cut short by a crash mid-write.
  auto opened = SignalsCsvWriter::open(path);
  REQUIRE(std::holds_alternative<SignalsCsvWriter>(opened));
  REQUIRE_FALSE(std::get<SignalsCsvWriter>(opened).close().has_value());
  {
    std::ofstream out(path, std::ios::app);
    out << "0,0.0000,1,1,0.9\n";
  }
  read = read_signals_csv(path);
  REQUIRE(std::holds_alternative<ReadError>(read));
  CHECK_THAT(std::get<ReadError>(read).message, Catch::Contains("line 2"));

  read = read_signals_csv(dir.path() / "missing.csv");
  REQUIRE(std::holds_alternative<ReadError>(read));
  CHECK_THAT(std::get<ReadError>(read).message, Catch::Contains("missing.csv"));
}
