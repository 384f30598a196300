#include "storage/event_format.h"

#include <cmath>
#include <cstdio>

namespace hemitrack {

double round_to(double v, int digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(v * scale) / scale;
}

nlohmann::json event_to_json(const TwitchEvent& e) {
  nlohmann::json regions = nlohmann::json::array();
  for (Region r : e.regions) regions.push_back(std::string(to_string(r)));
  return {{"id", e.id},
          {"start_s", round_to(e.start_s, 3)},
          {"end_s", round_to(e.end_s, 3)},
          {"duration_s", round_to(e.duration_s(), 3)},
          {"side", std::string(to_string(e.side))},
          {"regions", regions},
          {"kind", std::string(to_string(e.kind))},
          {"peak_closure", round_to(e.peak_closure, 3)},
          {"peak_mouth", round_to(e.peak_mouth, 4)},
          {"peak_brow", round_to(e.peak_brow, 4)},
          {"other_babinski", e.other_babinski}};
}

nlohmann::json events_to_json(const std::vector<TwitchEvent>& events) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : events) out.push_back(event_to_json(e));
  return out;
}

nlohmann::json blinks_to_json(const std::vector<Blink>& blinks) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& b : blinks)
    out.push_back({{"start_s", round_to(b.start_s, 3)},
                   {"end_s", round_to(b.end_s, 3)},
                   {"peak_closure_right", round_to(b.peak_closure_right, 3)},
                   {"peak_closure_left", round_to(b.peak_closure_left, 3)}});
  return out;
}

std::string events_csv(const std::vector<TwitchEvent>& events) {
  std::string text = "id,start_s,end_s,duration_s,side,regions,kind,peak_closure,peak_mouth,peak_brow,other_babinski\n";
  char line[256];
  for (const auto& e : events) {
    std::string regions;
    for (Region r : e.regions) regions += (regions.empty() ? "" : "+") + std::string(to_string(r));
    std::snprintf(line, sizeof line, "%d,%.3f,%.3f,%.3f,%s,%s,%s,%.3f,%.4f,%.4f,%d\n", e.id, e.start_s, e.end_s,
                  e.duration_s(), std::string(to_string(e.side)).c_str(), regions.c_str(),
                  std::string(to_string(e.kind)).c_str(), e.peak_closure, e.peak_mouth, e.peak_brow,
                  e.other_babinski ? 1 : 0);
    text += line;
  }
  return text;
}

}  // namespace hemitrack
