#include "ui/palette.h"
#include "ui/panels.h"

#include <imgui.h>

namespace hemitrack::ui {
namespace {

void side_count(const SessionSummary& s, Side side, const Fonts& fonts) {
  const auto& by_kind = s.events_by_side_kind[static_cast<std::size_t>(index_of(side))];
  ImGui::BeginGroup();
  ImGui::PushStyleColor(ImGuiCol_Text, side_colour(side));
  ImGui::TextUnformatted(side == Side::right ? "Right side" : "Left side");
  ImGui::PushFont(fonts.large);
  ImGui::Text("%d", by_kind[0] + by_kind[1]);
  ImGui::PopFont();
  ImGui::PopStyleColor();
  ImGui::TextDisabled("%d clonic, %d tonic", by_kind[0], by_kind[1]);
  ImGui::EndGroup();
}

void row(const char* label, const char* format, double value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(label);
  ImGui::TableNextColumn();
  ImGui::Text(format, value);
}

}  // namespace

void draw_counters_panel(const DashboardModel& model, const Fonts& fonts) {
  const SessionSummary& s = model.summary;
  ImGui::TextUnformatted("One-sided twitches this session");
  side_count(s, Side::right, fonts);
  ImGui::SameLine(0, ImGui::GetFontSize() * 3);
  side_count(s, Side::left, fonts);
  ImGui::Spacing();
  if (ImGui::BeginTable("rates", 2, ImGuiTableFlags_SizingStretchProp)) {
    row("Twitches per minute, last 5 min", "%.1f", model.events_per_minute_last_5min());
    row("Twitches per minute, session", "%.1f", s.events_per_minute);
    row("Blinks per minute (not counted)", "%.1f", s.blinks_per_minute);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("Time the affected eye was closed");
    ImGui::TableNextColumn();
    if (s.affected_side)
      ImGui::Text("%.1f %% (%s)", s.affected_eye_closed_pct, *s.affected_side == Side::right ? "right" : "left");
    else
      ImGui::TextDisabled("no twitches yet");
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("Longest twitch");
    ImGui::TableNextColumn();
    if (s.longest_event)
      ImGui::Text("%.2f s (%s)", s.longest_event->duration_s(), s.longest_event->side == Side::right ? "right" : "left");
    else
      ImGui::TextDisabled("-");
    // The rates above are per minute of this time, not of the session's length.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("Measured side to side");
    ImGui::TableNextColumn();
    ImGui::Text("%.0f s of %.0f s", s.monitored_s, s.duration_s);
    ImGui::EndTable();
  }
}

}  // namespace hemitrack::ui
