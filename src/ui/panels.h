#pragma once
// The dashboard's panels. Each draws the model into the current ImGui window and reports what the
// person asked for; none of them computes anything about the face.
#include "storage/dashboard_settings.h"
#include "ui/dashboard_model.h"
#include "ui/gl_window.h"
#include "ui/video_texture.h"

#include <optional>

namespace hemitrack::ui {

// Where a panel landed on screen, for the headless screenshot's description.
struct ScreenRect {
  float x = 0, y = 0, w = 0, h = 0;
};

// The newest frame, fitted into `size` with the landmark overlay and anatomical side labels.
ScreenRect draw_video_panel(const DashboardModel& model, const DashboardSettings& settings, VideoTexture& texture,
                            ImVec2 size);

// Eye closure, mouth corner and brow, right and left, over the last 30 s.
ScreenRect draw_traces_panel(const DashboardModel& model, ImVec2 size);

void draw_counters_panel(const DashboardModel& model, const Fonts& fonts);

// The peak frame of the event selected in the log, as a texture.
struct PeakView {
  VideoTexture texture;
  int event_id = 0;  // whose frame the texture holds
  bool mirrored = false;
};

// The list of one-sided events, and the selected (else the latest) one at its peak, shown like
// the video panel (`mirror`).
void draw_event_log(DashboardModel& model, bool mirror, PeakView& peak, ImVec2 size);

void draw_status_bar(const DashboardModel& model);

// The guided baseline; returns true when the person asked to recalibrate.
bool draw_calibration_card(const DashboardModel& model);

struct SettingsChange {
  bool source = false;       // camera or resolution: switch the capture
  bool restart = false;      // sensitivity: start a new session with it
  bool appearance = false;   // theme or font size
  bool history = false;      // clips and privacy: saved, used from the next session
};
// Edits `settings` in place; `open` closes the window when the person does.
SettingsChange draw_settings_window(DashboardSettings& settings, bool& open);

}  // namespace hemitrack::ui
