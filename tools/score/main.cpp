// hemitrack-score TRUTH.json EVENTS.json [--json OUT] [--tolerance S]
// Scores detected one-sided events against the truth written by hemitrack-inject.
#include "scoring.h"
#include "storage/analysis_files.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

using namespace hemitrack;

namespace {

std::vector<Interval> blinks_of(const std::string& truth_path) {
  std::vector<Interval> out;
  std::ifstream in(truth_path);
  const auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded()) return out;
  for (const char* key : {"blinks", "natural_blinks"})
    for (const auto& b : doc.value(key, nlohmann::json::array()))
      out.push_back({b.at("start_s").get<double>(), b.at("end_s").get<double>()});
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string truth_path, events_path, json_out;
  double tolerance = 0.1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json" && i + 1 < argc) json_out = argv[++i];
    else if (a == "--tolerance" && i + 1 < argc) tolerance = std::atof(argv[++i]);
    else if (truth_path.empty()) truth_path = a;
    else if (events_path.empty()) events_path = a;
    else {
      std::cerr << "usage: hemitrack-score TRUTH.json EVENTS.json [--json OUT] [--tolerance S]\n";
      return 2;
    }
  }
  if (events_path.empty()) {
    std::cerr << "usage: hemitrack-score TRUTH.json EVENTS.json [--json OUT] [--tolerance S]\n";
    return 2;
  }
  auto truth = read_events_json(truth_path);
  if (auto* e = std::get_if<ReadError>(&truth)) {
    std::cerr << "hemitrack-score: " << e->message << "\n";
    return 3;
  }
  auto found = read_events_json(events_path);
  if (auto* e = std::get_if<ReadError>(&found)) {
    std::cerr << "hemitrack-score: " << e->message << "\n";
    return 3;
  }
  ScoreInput input{std::get<AnalysisRecord>(truth).events, blinks_of(truth_path), std::get<AnalysisRecord>(found).events,
                   tolerance};
  const ScoreReport r = score_events(input);
  std::printf("events: truth %d, detected %d | TP %d FP %d FN %d | precision %.3f recall %.3f F1 %.3f\n",
              r.true_positives + r.false_negatives, r.true_positives + r.false_positives, r.true_positives,
              r.false_positives, r.false_negatives, r.precision, r.recall, r.f1);
  std::printf("side accuracy %.3f (%d/%d) | onset error median %.0f ms, p90 %.0f ms | blinks counted as events %d\n",
              r.side_accuracy, r.side_correct, r.true_positives, r.median_onset_error_s * 1000, r.p90_onset_error_s * 1000,
              r.blinks_counted_as_events);
  std::printf("tonic found as tonic %d/%d | Babinski marked %d/%d\n", r.tonic_found, r.tonic_truth, r.babinski_marked,
              r.babinski_truth);
  if (!json_out.empty()) {
    const nlohmann::json doc = {{"truth", truth_path},
                                {"events", events_path},
                                {"true_positives", r.true_positives},
                                {"false_positives", r.false_positives},
                                {"false_negatives", r.false_negatives},
                                {"precision", r.precision},
                                {"recall", r.recall},
                                {"f1", r.f1},
                                {"side_accuracy", r.side_accuracy},
                                {"median_onset_error_s", r.median_onset_error_s},
                                {"p90_onset_error_s", r.p90_onset_error_s},
                                {"blinks_counted_as_events", r.blinks_counted_as_events},
                                {"tonic_truth", r.tonic_truth},
                                {"tonic_found", r.tonic_found},
                                {"babinski_truth", r.babinski_truth},
                                {"babinski_marked", r.babinski_marked},
                                {"missed_truth_ids", r.missed_truth_ids},
                                {"false_positive_ids", r.false_positive_ids}};
    std::ofstream(json_out) << doc.dump(2) << "\n";
  }
  return 0;
}
