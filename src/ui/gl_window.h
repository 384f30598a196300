#pragma once
// The application window: GLFW + OpenGL 3 + Dear ImGui, with a readable TrueType font scaled for
// the screen's density. The only place that talks to GLFW; used from the main thread only.
#include "storage/dashboard_settings.h"

#include <imgui.h>
#include <opencv2/core.hpp>

#include <memory>
#include <string>
#include <variant>

struct GLFWwindow;

namespace hemitrack::ui {

struct WindowOptions {
  int width = 1280;
  int height = 800;
  std::string title = "hemitrack";
  float font_size = 17.0f;  // logical pixels
  Theme theme = Theme::dark;
};

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* large = nullptr;  // counters
};

class GlWindow {
 public:
  // Returns the window, or a one-line reason it cannot be opened (no display, no OpenGL 3).
  static std::variant<std::unique_ptr<GlWindow>, std::string> open(const WindowOptions& options);
  ~GlWindow();
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;

  bool close_requested() const;
  // Sleeps until input arrives, wake() is called from any thread, or the timeout passes.
  void wait(double timeout_s);
  static void wake();

  void begin_frame();
  void render();          // draws the ImGui frame into the back buffer
  cv::Mat read_back() const;  // the back buffer as BGR, after render() and before present()
  void present();

  void set_theme(Theme theme);
  // Takes effect at the next begin_frame(): the font atlas cannot change inside a frame.
  void set_font_size(float size);
  const Fonts& fonts() const { return fonts_; }
  float content_scale() const { return content_scale_; }
  // The font file in use, or empty when ImGui's built-in font stood in for a missing one.
  const std::string& font_file() const { return font_file_; }

 private:
  GlWindow() = default;
  void load_fonts(float size);

  GLFWwindow* window_ = nullptr;
  Fonts fonts_;
  float content_scale_ = 1.0f;
  float pending_font_size_ = 0.0f;
  ImVec4 background_{0, 0, 0, 1};  // the theme's window colour, painted by glClear
  std::string font_file_;
};

}  // namespace hemitrack::ui
