#include "ui/opaque_draw.h"
#include "ui/palette.h"
#include "ui/panels.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace hemitrack::ui {
namespace {

std::string regions_text(const TwitchEvent& e) {
  std::string out;
  for (Region r : e.regions) out += (out.empty() ? "" : " + ") + std::string(to_string(r));
  return out;
}

std::string clock_text(double seconds) {
  char buf[32];
  const int total = static_cast<int>(seconds);
  std::snprintf(buf, sizeof buf, "%d:%02d.%d", total / 60, total % 60, static_cast<int>((seconds - total) * 10));
  return buf;
}

// The kept face, shown the way the video panel shows the picture, with both eyes outlined in
// their side's colour.
void draw_peak(const DashboardModel& model, int event_id, bool mirror, PeakView& peak, ImVec2 avail) {
  const auto found = model.peaks.find(event_id);
  if (found == model.peaks.end()) {
    ImGui::TextDisabled("No frame kept for this event.");
    return;
  }
  const PeakFrame& p = found->second;
  if (peak.event_id != p.event_id || peak.mirrored != mirror) {
    peak.texture.upload(p.bgr, mirror);
    peak.event_id = p.event_id;
    peak.mirrored = mirror;
  }
  const cv::Size size = peak.texture.size();
  const float scale = std::min(avail.x / static_cast<float>(size.width), avail.y / static_cast<float>(size.height));
  if (!(scale > 0)) return;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  opaque_image(peak.texture.id(), ImVec2(static_cast<float>(size.width) * scale, static_cast<float>(size.height) * scale));
  if (!p.face_found) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (Side side : kBothSides) {
    ImVec2 eye[6];
    for (int i = 0; i < 6; ++i) {
      const Point2 q = p.landmarks[static_cast<std::size_t>(landmarks_of(side).eye[static_cast<std::size_t>(i)])];
      const double x = mirror ? size.width - q.x : q.x;
      eye[i] = ImVec2(origin.x + static_cast<float>(x) * scale, origin.y + static_cast<float>(q.y) * scale);
    }
    dl->AddPolyline(eye, 6, side_colour(side), ImDrawFlags_Closed, 2.0f);
  }
}

}  // namespace

void draw_event_log(DashboardModel& model, bool mirror, PeakView& peak, ImVec2 size) {
  // The selected event, else the latest: the frame a patient wants to see is the last twitch.
  const std::optional<int> shown_event =
      model.selected_event ? model.selected_event
                           : (model.events.empty() ? std::nullopt : std::optional<int>(model.events.back().id));
  const bool show_peak = shown_event.has_value();
  const float table_width = show_peak ? size.x * 0.58f : size.x;
  ImGui::BeginChild("event_table", ImVec2(table_width, size.y));
  if (model.events.empty()) {
    ImGui::TextDisabled("No one-sided twitches yet. Ordinary blinks are not listed: %d so far.", model.summary.blinks_total);
  } else if (ImGui::BeginTable("events", 5,
                               ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                   ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Time");
    ImGui::TableSetupColumn("Side");
    ImGui::TableSetupColumn("Regions");
    ImGui::TableSetupColumn("Kind");
    ImGui::TableSetupColumn("Duration");
    ImGui::TableHeadersRow();
    for (auto it = model.events.rbegin(); it != model.events.rend(); ++it) {  // newest first
      const TwitchEvent& e = *it;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(e.id);
      const bool selected = model.selected_event == e.id;
      if (ImGui::Selectable(clock_text(e.start_s - model.session_start_s.value_or(0.0)).c_str(), selected,
                            ImGuiSelectableFlags_SpanAllColumns))
        model.selected_event = selected ? std::nullopt : std::optional<int>(e.id);
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, side_colour(e.side));
      ImGui::TextUnformatted(e.side == Side::right ? "right" : "left");
      ImGui::PopStyleColor();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(regions_text(e).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%s%s", std::string(to_string(e.kind)).c_str(), e.other_babinski ? " *" : "");
      if (e.other_babinski && ImGui::IsItemHovered())
        ImGui::SetTooltip("The brow rose while this eye closed (\"other Babinski sign\").");
      ImGui::TableNextColumn();
      ImGui::Text("%.2f s", e.duration_s());
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
  if (!show_peak) return;
  ImGui::SameLine();
  ImGui::BeginChild("peak", ImVec2(0, size.y));
  ImGui::TextUnformatted(model.selected_event ? "Selected twitch at its peak" : "Latest twitch at its peak");
  draw_peak(model, *shown_event, mirror, peak, ImGui::GetContentRegionAvail());
  ImGui::EndChild();
}

}  // namespace hemitrack::ui
