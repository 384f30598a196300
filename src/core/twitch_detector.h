#pragma once
// Streaming detector of one-sided twitch events and bilateral blinks.
//
// Each side and region (eye closure, mouth corner, brow) runs a hysteresis episode finder. When a
// group of overlapping episodes has ended and settled, it is classified:
//  - an eye episode whose partner eye closed too, around the same apex, is a blink, not an event;
//  - a mouth or brow episode mirrored by the other side is expression or speech, not an event;
//  - what remains is one-sided: same-side eye, mouth and brow episodes form one event, timed by
//    the eye when it took part. Twitches of a burst stay separate events.
// Push samples in time order; finished events and blinks are collected with take_*().
#include "core/detector_config.h"
#include "core/events.h"
#include "core/signal_extractor.h"

#include <array>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

namespace hemitrack {

class TwitchDetector {
 public:
  // Requires: config.validate() is empty.
  explicit TwitchDetector(DetectorConfig config);

  // Requires: samples arrive with non-decreasing time.
  void push(const FrameSignals& s);
  // End of input: closes open episodes and classifies everything still pending.
  void finish();

  std::vector<TwitchEvent> take_events();
  std::vector<Blink> take_blinks();

  const DetectorConfig& config() const { return config_; }

 private:
  struct Sample {
    double time_s;
    bool valid;
    bool settled;
    std::array<double, 2> closure;
    std::array<double, 2> mouth;
    std::array<double, 2> brow;
    std::array<double, 3> spread;
  };
  struct Episode {
    Side side;
    Region region;
    std::int64_t first;  // absolute sample indices, inclusive
    std::int64_t last;
    std::int64_t apex;
    double peak;
    // Where the contraction is measured from: 0 (the baseline), or where a mouth corner that
    // speech or a smile held away from its baseline had just been (held_level), and then where
    // the other corner had been.
    double base = 0.0;
    double partner_base = 0.0;
    // Where a mouth corner measured from its baseline rested before (never below 0): the episode
    // ends when the corner comes back there.
    double rest = 0.0;
  };
  struct Machine {
    bool active = false;
    Episode episode{};
    std::int64_t below_since = -1;  // first sample of the current run below the release level
    std::int64_t last_valid = -1;   // last sample of the episode with a valid face
  };
  struct Component {
    Episode episode;
    double start_s;
    double end_s;
  };

  const Sample& at(std::int64_t i) const;
  double value(std::int64_t i, Side side, Region region) const;
  double on_threshold(Region r, const Sample& s) const;
  double fixed_on(Region r) const;  // the configured thresholds, before noise raises them
  double fixed_off(Region r) const;
  double off_threshold(Region r, double peak) const;
  double height_of(const Episode& e, std::int64_t i) const;
  void update_machines(std::int64_t i);
  void close(Machine& m, std::int64_t last);
  void classify_ready(bool flush);
  void classify(const std::vector<Episode>& cluster);
  bool partner_took_part(const Episode& e) const;
  struct PartnerEye {
    double peak = 0.0;
    double rise = 0.0;
  };
  PartnerEye partner_eye(const Episode& e) const;
  bool closed_fully(const PartnerEye& partner, const Episode& e) const;
  double side_correlation(std::int64_t first, std::int64_t last, Region region) const;
  double resting_level(std::int64_t first, Side side, Region region) const;
  double resting_level(std::int64_t first, Side side, Region region, double window_s) const;
  double held_level(std::int64_t i, Side side, Region region) const;
  double rise_reference(const Episode& e) const;
  double prominence(const Episode& e) const;
  bool contracted(const Episode& e) const;
  double brow_rise_with(const Episode& eye) const;
  double lone_brow_rise(std::int64_t first, std::int64_t last, Side side) const;
  bool tracked_throughout(const Episode& e) const;
  bool tracked_over(std::int64_t first, std::int64_t last) const;
  bool supported_by_brow(std::int64_t i, Side side, Region region, double v) const;
  double floor_of(Region r) const;
  std::pair<std::int64_t, std::int64_t> core_of(const Episode& e) const;
  std::pair<std::int64_t, std::int64_t> samples_within(std::int64_t i, double seconds) const;
  double foot_before(std::int64_t from, const Episode& e) const;
  double foot_after(std::int64_t from, const Episode& e) const;
  double max_over(std::int64_t first, std::int64_t last, Side side, Region region, bool signed_value) const;
  double median_over(std::int64_t first, std::int64_t last, Side side, Region region) const;
  void prune_history();

  DetectorConfig config_;
  std::deque<Sample> history_;
  std::int64_t history_base_ = 0;  // absolute index of history_.front()
  std::array<Machine, 6> machines_{};
  std::vector<Episode> pending_;
  // Sample spans of the one-sided eye contractions classified so far, per machine, while they are
  // in the history: a lid inside one of them was not resting (resting_level).
  std::array<std::deque<std::pair<std::int64_t, std::int64_t>>, 6> contractions_{};
  std::vector<TwitchEvent> events_;
  std::vector<Blink> blinks_;
  int next_id_ = 1;
};

}  // namespace hemitrack
