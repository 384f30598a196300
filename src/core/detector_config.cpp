#include "core/detector_config.h"

namespace hemitrack {

std::string DetectorConfig::validate() const {
  const auto hysteresis = [](double on, double off, const char* name) -> std::string {
    if (!(on > 0.0)) return std::string(name) + "_on must be positive";
    if (!(off >= 0.0 && off < on)) return std::string(name) + "_off must be in [0, " + name + "_on)";
    return {};
  };
  if (auto e = hysteresis(eye_on, eye_off, "eye"); !e.empty()) return e;
  if (auto e = hysteresis(mouth_on, mouth_off, "mouth"); !e.empty()) return e;
  if (auto e = hysteresis(brow_on, brow_off, "brow"); !e.empty()) return e;
  if (eye_on > 1.0) return "eye_on must be at most 1 (closure is 0..1)";
  if (!(release_fraction >= 0.0 && release_fraction < 1.0)) return "release_fraction must be in [0, 1)";
  if (release_samples < 1) return "release_samples must be at least 1";
  if (!(bridge_gap_s >= 0.0)) return "bridge_gap_s must not be negative";
  if (!(partner_fraction > 0.0 && partner_fraction <= 1.0)) return "partner_fraction must be in (0, 1]";
  if (!(blink_shallow_depth > 0.0 && blink_shallow_depth <= blink_partner_depth && blink_partner_depth <= 1.0))
    return "blink depths must satisfy 0 < blink_shallow_depth <= blink_partner_depth <= 1";
  if (!(blink_in_step > -1.0 && blink_in_step <= 1.0)) return "blink_in_step must be in (-1, 1]";
  if (!(mouth_in_step_fraction > 0.0 && mouth_in_step_fraction <= partner_fraction))
    return "mouth_in_step_fraction must be in (0, partner_fraction]";
  if (!(mouth_in_step > -1.0 && mouth_in_step <= 1.0)) return "mouth_in_step must be in (-1, 1]";
  if (!(apex_match_s > 0.0)) return "apex_match_s must be positive";
  if (!(partner_apex_s >= 0.0 && partner_apex_s <= apex_match_s)) return "partner_apex_s must be in [0, apex_match_s]";
  if (!(brow_alone_factor >= 1.0)) return "brow_alone_factor must be at least 1";
  if (!(eye_noise_multiple >= 0.0 && mouth_noise_multiple >= 0.0 && brow_noise_multiple >= 0.0))
    return "noise multiples must not be negative";
  if (!(tonic_min_s > 0.0)) return "tonic_min_s must be positive";
  if (!(max_blink_s > 0.0)) return "max_blink_s must be positive";
  if (!(rest_window_s > 0.0)) return "rest_window_s must be positive";
  if (!(speech_rest_window_s > 0.0)) return "speech_rest_window_s must be positive";
  if (!(recent_rest_window_s > 0.0 && recent_rest_window_s <= rest_window_s))
    return "recent_rest_window_s must be in (0, rest_window_s]";
  if (!(blink_shallow_rise >= 0.0 && blink_shallow_rise <= 1.0)) return "blink_shallow_rise must be in [0, 1]";
  if (!(long_closure_s > 0.0)) return "long_closure_s must be positive";
  if (!(blink_hold_s > 0.0 && blink_hold_s <= long_closure_s)) return "blink_hold_s must be in (0, long_closure_s]";
  if (!(held_fraction > 0.0 && held_fraction <= 1.0)) return "held_fraction must be in (0, 1]";
  if (!(brow_supported_fraction > 0.0 && brow_supported_fraction <= 1.0)) return "brow_supported_fraction must be in (0, 1]";
  if (!(babinski_brow_rise > 0.0)) return "babinski_brow_rise must be positive";
  if (!(settle_s >= 0.0)) return "settle_s must not be negative";
  if (!(max_episode_s > tonic_min_s)) return "max_episode_s must exceed tonic_min_s";
  if (!(max_walk_back_s >= 0.0)) return "max_walk_back_s must not be negative";
  return {};
}

DetectorConfig DetectorConfig::scaled(double factor) const {
  DetectorConfig out = *this;
  for (double* t : {&out.eye_on, &out.eye_off, &out.mouth_on, &out.mouth_off, &out.brow_on, &out.brow_off,
                    &out.eye_noise_multiple, &out.mouth_noise_multiple, &out.brow_noise_multiple})
    *t *= factor;
  return out;
}

}  // namespace hemitrack
