#include "ui/palette.h"
#include "ui/panels.h"

#include <imgui.h>

namespace hemitrack::ui {

bool draw_calibration_card(const DashboardModel& model) {
  const CalibrationStatus& c = model.calibration;
  if (c.active) {
    ImGui::TextUnformatted("Learning your resting face");
    ImGui::ProgressBar(static_cast<float>(c.progress), ImVec2(-1, 0));
    ImGui::TextWrapped("%s", c.advice.c_str());
    ImGui::TextDisabled("Twitches are already counted meanwhile.");
  } else if (c.done) {
    ImGui::PushStyleColor(ImGuiCol_Text, kGood);
    ImGui::TextWrapped("%s", c.advice.c_str());
    ImGui::PopStyleColor();
    ImGui::TextDisabled("Open-eye ratio right %.2f, left %.2f; %d blinks seen", c.open_eye_ratio[0], c.open_eye_ratio[1],
                        c.blinks_seen);
  } else {
    ImGui::TextDisabled("Calibration starts with the first frame.");
  }
  ImGui::SameLine();
  return ImGui::SmallButton("Recalibrate");
}

}  // namespace hemitrack::ui
