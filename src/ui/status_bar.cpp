#include "ui/palette.h"
#include "ui/panels.h"

#include <imgui.h>

namespace hemitrack::ui {

void draw_status_bar(const DashboardModel& model) {
  const LiveStats& st = model.stats;
  const ImU32 state_colour = model.state == LiveState::running    ? kGood
                             : model.state == LiveState::finished ? IM_COL32(160, 160, 160, 255)
                             : model.state == LiveState::model_error || model.state == LiveState::source_error ||
                                       model.state == LiveState::camera_lost
                                 ? kError
                                 : kWarning;
  ImGui::PushStyleColor(ImGuiCol_Text, state_colour);
  ImGui::Text("%s", std::string(to_string(model.state)).c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  ImGui::Text("%s%s", model.source.name.empty() ? "no source" : model.source.name.c_str(), model.demo ? " (demo)" : "");
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  ImGui::Text("capture %.0f fps   analysis %.0f fps   latency %.1f ms   dropped %lld", st.capture_fps, st.analysis_fps,
              model.display_latency_ms.median(), static_cast<long long>(st.dropped));
  const bool latency_hovered = ImGui::IsItemHovered();
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  if (model.storage.session > 0) {
    const auto clips = model.storage.clips_written;
    const std::string written = clips == 0 ? "" : ", " + std::to_string(clips) + (clips == 1 ? " clip" : " clips");
    ImGui::Text("kept as session %lld%s", static_cast<long long>(model.storage.session), written.c_str());
  } else {
    ImGui::TextDisabled(model.demo ? "demo: not kept" : "not kept");
  }
  if (latency_hovered)
    ImGui::SetTooltip("Latency: median time from a frame's capture to its results on screen, over the last %zu frames.\n"
                      "Analysis alone: %.1f ms. Dropped: frames a newer one replaced while analysis was busy.",
                      model.display_latency_ms.count(), st.analysis_latency_ms);
}

}  // namespace hemitrack::ui
