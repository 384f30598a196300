#include "apps/gui/screenshot_report.h"

#include "storage/atomic_file.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

namespace hemitrack {
namespace {

using nlohmann::json;

json rect_json(const ui::ScreenRect& r) { return {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}; }

json model_json(const ui::DashboardModel& m, const DashboardLayout& layout) {
  const SessionSummary& s = m.summary;
  const auto side = [&](Side side) {
    const auto& k = s.events_by_side_kind[static_cast<std::size_t>(index_of(side))];
    return json{{"clonic", k[0]}, {"tonic", k[1]}};
  };
  json events = json::array();
  for (const TwitchEvent& e : m.events) {
    json regions = json::array();
    for (Region r : e.regions) regions.push_back(to_string(r));
    events.push_back({{"start_s", e.start_s}, {"end_s", e.end_s}, {"side", to_string(e.side)},
                      {"kind", to_string(e.kind)}, {"regions", regions}});
  }
  return {
      {"state", to_string(m.state)},
      {"message", m.message},
      {"source", m.source.name},
      {"demo", m.demo},
      {"frames_analysed", m.stats.analysed},
      {"frames_dropped", m.stats.dropped},
      {"frames_dropped_after_warmup", m.stats.dropped_after_warmup},
      {"face_shown", m.frame && m.frame->analysis.observation.measurement.face_found},
      {"events_total", s.events_total},
      {"events_by_side", {{"right", side(Side::right)}, {"left", side(Side::left)}}},
      {"blinks_total", s.blinks_total},
      {"events", events},
      {"trace_points", m.trace.size()},
      {"calibration", {{"done", m.calibration.done}, {"progress", m.calibration.progress}}},
      {"latency_ms",
       {{"display_median", m.display_latency_ms.median()},
        {"display_samples", m.display_latency_ms.count()},
        {"analysis_median", m.stats.analysis_latency_ms},
        {"draw_median", m.draw_ms.median()}}},
      {"layout", {{"video", rect_json(layout.video)}, {"traces", rect_json(layout.traces)}}},
      {"history_sessions", layout.history_sessions},
      {"cycle_treatments", layout.cycle_treatments},
      {"cycle_comparison", layout.cycle_comparison},
      {"stored_session", m.storage.session},
      {"storage_problem", m.storage.problem},
  };
}

}  // namespace

std::string save_screenshot(const std::filesystem::path& png, const cv::Mat& window_bgr, const ui::DashboardModel& model,
                            const DashboardLayout& layout) {
  std::vector<uchar> encoded;
  if (window_bgr.empty() || !cv::imencode(".png", window_bgr, encoded))
    return "cannot write screenshot '" + png.string() + "': the window could not be read back";
  if (auto reason = write_atomically(png, std::string(encoded.begin(), encoded.end())))
    return "cannot write screenshot '" + png.string() + "': " + *reason;
  auto sidecar = png;
  sidecar.replace_extension(".json");
  if (auto reason = write_atomically(sidecar, model_json(model, layout).dump(2) + "\n"))
    return "cannot write '" + sidecar.string() + "': " + *reason;
  return {};
}

}  // namespace hemitrack
