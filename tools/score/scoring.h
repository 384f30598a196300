#pragma once
// Compares detected one-sided events with a truth file made by hemitrack-inject.
#include "core/events.h"

#include <vector>

namespace hemitrack {

struct Interval {
  double start_s;
  double end_s;
};

struct ScoreInput {
  std::vector<TwitchEvent> truth_events;
  std::vector<Interval> truth_blinks;  // injected and natural bilateral blinks of the footage
  std::vector<TwitchEvent> detected;
  double tolerance_s = 0.1;  // slack when deciding whether two intervals overlap
};

struct ScoreReport {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  double precision = 0.0;
  double recall = 0.0;
  double f1 = 0.0;
  int side_correct = 0;          // among true positives
  double side_accuracy = 0.0;
  double median_onset_error_s = 0.0;
  double p90_onset_error_s = 0.0;
  int blinks_counted_as_events = 0;  // false positives overlapping a real or injected blink
  int tonic_truth = 0, tonic_found = 0;
  int babinski_truth = 0, babinski_marked = 0;
  int babinski_wrongly_marked = 0;  // matched events marked although the truth had no brow rise
  std::vector<double> onset_errors_s;  // one per true positive
  std::vector<int> missed_truth_ids;
  std::vector<int> false_positive_ids;
};

// One-to-one matching by overlap, closest onsets first.
ScoreReport score_events(const ScoreInput& input);

// Pools several clips' reports: counts add up, rates and onset quantiles are recomputed.
ScoreReport pool(const std::vector<ScoreReport>& reports);

}  // namespace hemitrack
