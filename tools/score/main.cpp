// hemitrack-score TRUTH.json EVENTS.json [--json OUT] [--tolerance S] [--truth-mirrored]
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

void print_report(const char* label, const ScoreReport& r) {
  std::printf("%s events: truth %d, detected %d | TP %d FP %d FN %d | precision %.3f recall %.3f F1 %.3f\n", label,
              r.true_positives + r.false_negatives, r.true_positives + r.false_positives, r.true_positives,
              r.false_positives, r.false_negatives, r.precision, r.recall, r.f1);
  std::printf("%s side accuracy %.3f (%d/%d) | onset error median %.0f ms, p90 %.0f ms | blinks counted as events %d\n",
              label, r.side_accuracy, r.side_correct, r.true_positives, r.median_onset_error_s * 1000,
              r.p90_onset_error_s * 1000, r.blinks_counted_as_events);
  std::printf("%s tonic found as tonic %d/%d | Babinski marked %d/%d, wrongly %d\n", label, r.tonic_found,
              r.tonic_truth, r.babinski_marked, r.babinski_truth, r.babinski_wrongly_marked);
}

nlohmann::json to_json(const ScoreReport& r) {
  return {{"true_positives", r.true_positives},
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
          {"babinski_wrongly_marked", r.babinski_wrongly_marked},
          {"missed_truth_ids", r.missed_truth_ids},
          {"false_positive_ids", r.false_positive_ids}};
}

constexpr const char* kUsage =
    "usage: hemitrack-score TRUTH.json EVENTS.json [TRUTH2.json EVENTS2.json ...] [--json OUT] [--tolerance S]\n"
    "                       [--truth-mirrored]\n"
    "Scores detected one-sided events against hemitrack-inject truth files; with several pairs, also pooled.\n"
    "  --truth-mirrored  the clips were flipped left to right after the truth was written (and are\n"
    "                    analysed as unmirrored): each truth event is on the person's other side\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  std::string json_out;
  double tolerance = 0.1;
  bool truth_mirrored = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json" && i + 1 < argc) json_out = argv[++i];
    else if (a == "--tolerance" && i + 1 < argc) tolerance = std::atof(argv[++i]);
    else if (a == "--truth-mirrored") truth_mirrored = true;
    else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    } else files.push_back(a);
  }
  if (files.empty() || files.size() % 2 != 0) {
    std::cerr << kUsage;
    return 2;
  }
  std::vector<ScoreReport> reports;
  nlohmann::json clips = nlohmann::json::array();
  for (std::size_t i = 0; i < files.size(); i += 2) {
    auto truth = read_events_json(files[i]);
    auto found = read_events_json(files[i + 1]);
    for (auto* rec : {&truth, &found})
      if (auto* e = std::get_if<ReadError>(rec)) {
        std::cerr << "hemitrack-score: " << e->message << "\n";
        return 3;
      }
    std::vector<TwitchEvent> truth_events = std::get<AnalysisRecord>(truth).events;
    if (truth_mirrored)
      for (TwitchEvent& e : truth_events) e.side = other(e.side);
    const ScoreReport r = score_events({truth_events, blinks_of(files[i]),
                                        std::get<AnalysisRecord>(found).events, tolerance});
    reports.push_back(r);
    if (files.size() > 2) std::printf("%s\n", files[i + 1].c_str());
    print_report(files.size() > 2 ? "  " : "", r);
    nlohmann::json j = to_json(r);
    j["truth"] = files[i];
    j["events"] = files[i + 1];
    clips.push_back(j);
  }
  nlohmann::json doc = files.size() > 2 ? nlohmann::json{{"clips", clips}, {"pooled", to_json(pool(reports))}} : clips[0];
  if (files.size() > 2) {
    std::printf("pooled over %zu clips\n", reports.size());
    print_report("  ", pool(reports));
  }
  if (!json_out.empty()) std::ofstream(json_out) << doc.dump(2) << "\n";
  return 0;
}
