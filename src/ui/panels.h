#pragma once
// The dashboard's panels. Each draws the model into the current ImGui window and reports what the
// person asked for; none of them computes anything about the face.
#include "storage/dashboard_settings.h"
#include "ui/dashboard_model.h"
#include "ui/gl_window.h"
#include "ui/video_texture.h"

#include <optional>
#include <string>

namespace hemitrack::ui {

// Begins a large window over the live panels (History, Treatment cycle): centred when it appears,
// at most width_em x height_em font sizes and never beyond the screen, and opaque, since a
// see-through window over moving video is hard to read. Call ImGui::End() whatever it returns.
bool begin_large_window(const char* title, bool& open, float width_em, float height_em);

// A problem the person should read (a failed save, an unusable database), wrapped, in the error
// colour; nothing when `problem` is empty.
void draw_problem(const std::string& problem);

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
