#include "truth_writer.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

namespace hemitrack::inject {
namespace {

double ms(double seconds) { return std::round(seconds * 1000.0) / 1000.0; }

nlohmann::json regions_of(const ScheduledEvent& e) {
  nlohmann::json r = nlohmann::json::array();
  if (e.eye) r.push_back("eye");
  if (e.mouth) r.push_back("mouth");
  if (e.brow) r.push_back("brow");
  return r;
}

}  // namespace

std::string truth_json(const TruthHeader& h, const Schedule& schedule,
                       const std::vector<Interval>& natural_blinks) {
  nlohmann::ordered_json j;
  j["source"] = h.source;
  j["fps"] = h.fps;
  j["frames"] = h.frames;
  j["duration_s"] = ms(h.frames / h.fps);
  j["face_found_fraction"] = std::round(h.face_found_fraction * 1e4) / 1e4;
  j["generator"] = {{"seed", h.seed}, {"tool", "hemitrack-inject"}, {"mirrored_output", h.mirrored_output}};

  j["events"] = nlohmann::ordered_json::array();
  for (const auto& e : schedule.events) {
    nlohmann::ordered_json o;
    o["id"] = e.id;
    o["start_s"] = e.envelope.start_s;
    o["end_s"] = e.envelope.end_s;
    o["side"] = std::string(to_string(e.side));
    o["regions"] = regions_of(e);
    o["kind"] = e.tonic() ? "tonic" : "clonic";
    o["amplitude"] = e.envelope.amplitude;
    o["babinski"] = e.babinski();
    o["burst_id"] = e.burst_id ? nlohmann::ordered_json(*e.burst_id) : nlohmann::ordered_json(nullptr);
    j["events"].push_back(o);
  }
  j["blinks"] = nlohmann::ordered_json::array();
  for (const auto& b : schedule.blinks)
    j["blinks"].push_back({{"start_s", b.envelope.start_s}, {"end_s", b.envelope.end_s},
                           {"amplitude", b.envelope.amplitude}});
  j["natural_blinks"] = nlohmann::ordered_json::array();
  for (const auto& nb : natural_blinks)
    j["natural_blinks"].push_back({{"start_s", ms(nb.start_s)}, {"end_s", ms(nb.end_s)}});
  return j.dump(2) + "\n";
}

bool write_truth_file(const std::filesystem::path& path, const std::string& json) {
  std::filesystem::path tmp = path;
  tmp += ".partial";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << json;
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (!ec) return true;
  std::filesystem::remove(tmp, ec);
  return false;
}

}  // namespace hemitrack::inject
