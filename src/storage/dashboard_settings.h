#pragma once
// The dashboard's settings, kept in the user's configuration folder (XDG) so the dashboard opens
// the way it was left. A damaged or hand-edited file never stops the dashboard from starting: what
// cannot be used falls back to its default, and the user is told.
#include "storage/clip_files.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hemitrack {

// Stored here only; the detector maps it to its thresholds.
enum class Sensitivity { low, normal, high };
std::string_view to_string(Sensitivity s);
std::optional<Sensitivity> parse_sensitivity(std::string_view text);
// One or two sentences for the patient choosing it in the dashboard.
std::string_view describe(Sensitivity s);

enum class Theme { dark, light };
std::string_view to_string(Theme t);
std::optional<Theme> parse_theme(std::string_view text);

struct DashboardSettings {
  // OpenCV camera number. Capped well below 200, where OpenCV starts reading the number as a
  // choice of capture backend rather than of camera.
  int camera_index = 0;
  static constexpr int kMaxCameraIndex = 99;

  // Requested capture size; the camera may deliver another. 640x480 is offered by nearly every
  // webcam and is enough for the landmark fit. Limits: from QQVGA to 8K.
  int capture_width = 640;
  int capture_height = 480;
  static constexpr int kMinCaptureWidth = 160, kMaxCaptureWidth = 7680;
  static constexpr int kMinCaptureHeight = 120, kMaxCaptureHeight = 4320;

  // Show the picture like a mirror, which is what people expect of their own face on a screen.
  // Right/left labels stay anatomical (the patient's own right) either way.
  bool mirror_view = true;
  bool show_overlay = true;  // draw the tracked landmarks over the picture

  Sensitivity sensitivity = Sensitivity::normal;
  Theme theme = Theme::dark;

  // Logical pixels before high-DPI scaling. Below 12 text is hard to read; above 28 the panels no
  // longer fit a laptop screen.
  float font_size = 17.0f;
  static constexpr float kMinFontSize = 12.0f, kMaxFontSize = 28.0f;

  // The history: which events get a clip (3 s before to 3 s after), whether clips show the
  // landmarks, whether any video is kept at all, and how much disk automatic clips may take
  // (the oldest go first; manual recordings are never removed).
  ClipPolicy event_clips = ClipPolicy::all;
  bool clip_overlay = false;
  bool landmarks_only = false;
  int clip_budget_mb = 2048;
  static constexpr int kMinClipBudgetMb = 50, kMaxClipBudgetMb = 1'000'000;

  // "" when every field is usable, otherwise the first problem, naming the field as stored.
  std::string validate() const;
};

// $XDG_CONFIG_HOME/hemitrack/settings.json; $HOME/.config/hemitrack/settings.json when
// XDG_CONFIG_HOME is unset, empty or relative (the XDG spec says to ignore a relative one). When
// HOME is not usable either (unset, empty or relative, as in some service environments), the
// settings live in hemitrack/settings.json under the current working folder, made absolute so a
// later change of folder does not move them.
std::filesystem::path default_settings_path();

struct SettingsLoad {
  DashboardSettings settings;
  std::string warning;  // one line for the user; empty when all is well
};

// A missing file gives the defaults without a warning (first start). A file that cannot be read or
// is not a JSON object gives the defaults and a warning, and is renamed to <name>.bad so that the
// next save does not silently destroy what the user had. A field of the wrong type or out of range
// falls back to its own default, with a warning; missing fields take their defaults silently and
// unknown fields are ignored, so older and newer files still load. Never throws.
SettingsLoad load_settings(const std::filesystem::path& path);

// Writes the settings to `path` atomically (temporary file, then rename), first creating missing
// folders with mode 0700 as the XDG spec asks. Settings that fail validate() are not written, so
// the file always loads back as saved. Returns "" or one line naming the path and the problem.
// Never throws.
std::string save_settings(const std::filesystem::path& path, const DashboardSettings& settings);

}  // namespace hemitrack
