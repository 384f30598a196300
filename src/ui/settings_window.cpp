#include "ui/panels.h"

#include "ui/palette.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace hemitrack::ui {
namespace {

struct Resolution {
  int width, height;
};
constexpr std::array<Resolution, 4> kResolutions = {{{640, 480}, {1280, 720}, {960, 540}, {320, 240}}};

void heading(const char* title) {
  ImGui::Spacing();
  ImGui::TextUnformatted(title);
  ImGui::Separator();
}

}  // namespace

SettingsChange draw_settings_window(DashboardSettings& settings, bool& open) {
  SettingsChange change;
  if (!open) return change;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowBgAlpha(1.0f);
  if (!ImGui::Begin("Settings", &open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return change;
  }

  heading("Camera");
  int camera = settings.camera_index;
  if (ImGui::InputInt("Camera number", &camera) && camera >= 0 && camera < 64) {
    settings.camera_index = camera;
    change.source = true;
  }
  char current[32];
  std::snprintf(current, sizeof current, "%d x %d", settings.capture_width, settings.capture_height);
  if (ImGui::BeginCombo("Resolution", current)) {
    for (const Resolution& r : kResolutions) {
      char label[32];
      std::snprintf(label, sizeof label, "%d x %d", r.width, r.height);
      const bool selected = r.width == settings.capture_width && r.height == settings.capture_height;
      if (ImGui::Selectable(label, selected) && !selected) {
        settings.capture_width = r.width;
        settings.capture_height = r.height;
        change.source = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::TextDisabled("640 x 480 is enough for the face and keeps the delay lowest.");

  heading("Picture");
  ImGui::Checkbox("Show like a mirror", &settings.mirror_view);
  ImGui::Checkbox("Show face landmarks", &settings.show_overlay);
  ImGui::TextDisabled("R and L always name your own right and left side.");

  heading("Sensitivity");
  for (Sensitivity s : {Sensitivity::low, Sensitivity::normal, Sensitivity::high}) {
    if (ImGui::RadioButton(std::string(to_string(s)).c_str(), settings.sensitivity == s) && settings.sensitivity != s) {
      settings.sensitivity = s;
      change.restart = true;
    }
    if (s != Sensitivity::high) ImGui::SameLine();
  }
  ImGui::TextWrapped("%s", std::string(describe(settings.sensitivity)).c_str());
  ImGui::TextDisabled("A change starts a new session, so counts stay comparable.");

  heading("History and clips");
  ImGui::TextUnformatted("Keep a clip (3 s before to 3 s after) of");
  for (ClipPolicy p : {ClipPolicy::all, ClipPolicy::tonic_only, ClipPolicy::none}) {
    const char* label = p == ClipPolicy::all ? "every twitch" : p == ClipPolicy::tonic_only ? "long (tonic) twitches" : "no twitch";
    if (ImGui::RadioButton(label, settings.event_clips == p) && settings.event_clips != p) {
      settings.event_clips = p;
      change.history = true;
    }
    if (p != ClipPolicy::none) ImGui::SameLine();
  }
  change.history |= ImGui::Checkbox("Show the landmarks in clips", &settings.clip_overlay);
  change.history |= ImGui::Checkbox("Landmarks only: keep no video at all", &settings.landmarks_only);
  ImGui::SliderInt("Space for clips", &settings.clip_budget_mb, 200, 20000, "%d MB");
  if (ImGui::IsItemDeactivatedAfterEdit()) change.history = true;
  ImGui::TextDisabled("The oldest automatic clips go first; your recordings are never removed.\n"
                      "Everything stays on this computer. Applies from the next session.");

  heading("Appearance");
  for (Theme t : {Theme::dark, Theme::light}) {
    if (ImGui::RadioButton(t == Theme::dark ? "Dark" : "Light", settings.theme == t) && settings.theme != t) {
      settings.theme = t;
      change.appearance = true;
    }
    if (t == Theme::dark) ImGui::SameLine();
  }
  // The font atlas is rebuilt for a new size: only once the slider is let go.
  ImGui::SliderFloat("Text size", &settings.font_size, 12.0f, 28.0f, "%.0f px");
  if (ImGui::IsItemDeactivatedAfterEdit()) change.appearance = true;
  ImGui::End();
  return change;
}

void draw_problem(const std::string& problem) {
  if (problem.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, kError);
  ImGui::TextWrapped("%s", problem.c_str());
  ImGui::PopStyleColor();
}

bool begin_large_window(const char* title, bool& open, float width_em, float height_em) {
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(
      ImVec2(std::min(vp->WorkSize.x - 2 * em, width_em * em), std::min(vp->WorkSize.y - 2 * em, height_em * em)),
      ImGuiCond_Appearing);
  ImGui::SetNextWindowBgAlpha(1.0f);
  return ImGui::Begin(title, &open, ImGuiWindowFlags_NoCollapse);
}

}  // namespace hemitrack::ui
