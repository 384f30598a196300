#pragma once
// One way to write an event, shared by the result files (events.json, events.csv) and the
// history's exports, so that a reader of one reads the other.
#include "core/events.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hemitrack {

double round_to(double v, int digits);
nlohmann::json event_to_json(const TwitchEvent& e);
nlohmann::json events_to_json(const std::vector<TwitchEvent>& events);
nlohmann::json blinks_to_json(const std::vector<Blink>& blinks);
// The events.csv table, header included.
std::string events_csv(const std::vector<TwitchEvent>& events);

}  // namespace hemitrack
