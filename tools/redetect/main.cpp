// hemitrack-redetect SIGNALS.csv EVENTS.json
// Runs the twitch detector (default DetectorConfig) again over the signals.csv that `analyze`
// wrote, and writes the events and blinks it finds. Tracking a clip takes minutes; detecting on its
// signals takes a fraction of a second, so detector changes can be measured over every evaluation
// clip at once (tools/evaluate.sh --redetect). The CSV holds four decimals, so results can differ
// from `analyze` where a value sits exactly at a threshold.
#include "core/twitch_detector.h"
#include "storage/analysis_files.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace hemitrack;

namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
  return cells;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: hemitrack-redetect SIGNALS.csv EVENTS.json\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::string line;
  if (!in || !std::getline(in, line)) {
    std::cerr << "hemitrack-redetect: cannot read '" << argv[1] << "'\n";
    return 3;
  }
  std::map<std::string, std::size_t> column;
  const auto header = split(line);
  for (std::size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  for (const char* name : {"time_s", "valid", "settled", "closure_right", "closure_left", "mouth_right", "mouth_left",
                           "brow_right", "brow_left", "spread_eye", "spread_mouth", "spread_brow"})
    if (!column.count(name)) {
      std::cerr << "hemitrack-redetect: '" << argv[1] << "' has no column " << name << "\n";
      return 3;
    }

  TwitchDetector detector(DetectorConfig{});
  AnalysisRecord record;
  record.source = argv[1];
  double first_time = 0.0;
  for (; std::getline(in, line); ++record.frames) {
    const auto cells = split(line);
    if (cells.size() != header.size()) {
      std::cerr << "hemitrack-redetect: '" << argv[1] << "' line " << record.frames + 2 << " has " << cells.size()
                << " cells, not " << header.size() << "\n";
      return 3;
    }
    const auto number = [&](const char* name) { return std::stod(cells[column[name]]); };
    FrameSignals s;
    s.time_s = number("time_s");
    s.valid = number("valid") != 0.0;
    s.settled = number("settled") != 0.0;
    s.closure = {number("closure_right"), number("closure_left")};
    s.mouth = {number("mouth_right"), number("mouth_left")};
    s.brow = {number("brow_right"), number("brow_left")};
    s.spread = {number("spread_eye"), number("spread_mouth"), number("spread_brow")};
    if (record.frames == 0) first_time = s.time_s;
    record.duration_s = s.time_s - first_time;
    detector.push(s);
  }
  detector.finish();
  record.events = detector.take_events();
  record.blinks = detector.take_blinks();
  if (record.duration_s > 0.0) record.fps = static_cast<double>(record.frames - 1) / record.duration_s;
  if (auto err = write_events_json(argv[2], record)) {
    std::cerr << "hemitrack-redetect: " << err->message << "\n";
    return 4;
  }
  std::printf("%s: %zu events, %zu blinks\n", argv[1], record.events.size(), record.blinks.size());
  return 0;
}
