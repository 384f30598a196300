// hemitrack-redetect SIGNALS.csv EVENTS.json
// Runs the twitch detector (default DetectorConfig) again over the signals.csv that `analyze`
// wrote, and writes the events and blinks it finds. Tracking a clip takes minutes; detecting on its
// signals takes a fraction of a second, so detector changes can be measured over every evaluation
// clip at once (tools/evaluate.sh --redetect). The CSV holds four decimals, so results can differ
// from `analyze` where a value sits exactly at a threshold.
#include "core/twitch_detector.h"
#include "storage/analysis_files.h"

#include <cstdio>
#include <iostream>
#include <vector>

using namespace hemitrack;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: hemitrack-redetect SIGNALS.csv EVENTS.json\n";
    return 2;
  }
  auto read = read_signals_csv(argv[1]);
  if (auto* err = std::get_if<ReadError>(&read)) {
    std::cerr << "hemitrack-redetect: " << err->message << "\n";
    return 3;
  }
  const std::vector<FrameSignals>& frames = std::get<std::vector<FrameSignals>>(read);

  TwitchDetector detector(DetectorConfig{});
  for (const FrameSignals& s : frames) detector.push(s);
  detector.finish();
  AnalysisRecord record;
  record.source = argv[1];
  record.frames = static_cast<std::int64_t>(frames.size());
  if (!frames.empty()) record.duration_s = frames.back().time_s - frames.front().time_s;
  if (record.duration_s > 0.0) record.fps = static_cast<double>(record.frames - 1) / record.duration_s;
  record.events = detector.take_events();
  record.blinks = detector.take_blinks();
  if (auto err = write_events_json(argv[2], record)) {
    std::cerr << "hemitrack-redetect: " << err->message << "\n";
    return 4;
  }
  std::printf("%s: %zu events, %zu blinks\n", argv[1], record.events.size(), record.blinks.size());
  return 0;
}
