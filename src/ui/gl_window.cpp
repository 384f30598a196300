#include "ui/gl_window.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <filesystem>

namespace hemitrack::ui {
namespace {

// DejaVu Sans from fonts-dejavu-core: clear at small sizes and covers the symbols we print.
constexpr std::array<const char*, 2> kFontFiles = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};

std::string g_glfw_error;
void remember_glfw_error(int, const char* description) { g_glfw_error = description; }

}  // namespace

std::variant<std::unique_ptr<GlWindow>, std::string> GlWindow::open(const WindowOptions& options) {
  glfwSetErrorCallback(remember_glfw_error);
  if (!glfwInit())
    return "cannot open a window: " + (g_glfw_error.empty() ? std::string("no display") : g_glfw_error) +
           " (is DISPLAY set? for a screen-less machine use xvfb-run)";
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* handle = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (!handle) {
    glfwTerminate();
    return "cannot open a window: " + (g_glfw_error.empty() ? std::string("OpenGL 3.0 is not available") : g_glfw_error);
  }
  glfwMakeContextCurrent(handle);
  // The UI redraws when analysis wakes it, not on every vertical blank: waiting for the blank
  // would add up to a refresh interval of latency to every result.
  glfwSwapInterval(0);

  std::unique_ptr<GlWindow> w(new GlWindow());
  w->window_ = handle;
  float sx = 1.0f, sy = 1.0f;
  glfwGetWindowContentScale(handle, &sx, &sy);
  w->content_scale_ = std::clamp(std::max(sx, sy), 1.0f, 4.0f);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; settings live in our own file
  ImGui_ImplGlfw_InitForOpenGL(handle, true);
  ImGui_ImplOpenGL3_Init("#version 130");
  w->set_theme(options.theme);
  w->load_fonts(options.font_size);
  return w;
}

GlWindow::~GlWindow() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool GlWindow::close_requested() const { return glfwWindowShouldClose(window_); }
void GlWindow::wait(double timeout_s) { glfwWaitEventsTimeout(timeout_s); }
void GlWindow::wake() { glfwPostEmptyEvent(); }

void GlWindow::load_fonts(float size) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const float px = size * content_scale_;
  font_file_.clear();
  // Latin-1 (ImGui's default) plus the punctuation of the comparison sentences and the report's
  // words: dashes in ranges ("weeks 2–6"), the minus sign, the bullet and the ellipsis.
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2212, 0x2212, 0};
  for (const char* file : kFontFiles) {
    if (!std::filesystem::exists(file)) continue;
    fonts_.regular = io.Fonts->AddFontFromFileTTF(file, px, nullptr, kRanges);
    fonts_.large = io.Fonts->AddFontFromFileTTF(file, px * 1.8f, nullptr, kRanges);
    if (fonts_.regular && fonts_.large) {
      font_file_ = file;
      break;
    }
  }
  if (font_file_.empty()) {
    ImFontConfig config;
    config.SizePixels = std::max(13.0f, px);
    fonts_.regular = io.Fonts->AddFontDefault(&config);
    config.SizePixels *= 1.8f;
    fonts_.large = io.Fonts->AddFontDefault(&config);
  }
  io.Fonts->Build();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void GlWindow::set_theme(Theme theme) {
  ImGuiStyle style;
  if (theme == Theme::light) {
    ImGui::StyleColorsLight(&style);
  } else {
    ImGui::StyleColorsDark(&style);
  }
  background_ = style.Colors[ImGuiCol_WindowBg];
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.WindowPadding = ImVec2(10, 8);
  style.ItemSpacing = ImVec2(8, 6);
  style.ScaleAllSizes(content_scale_);
  ImGui::GetStyle() = style;
}

void GlWindow::set_font_size(float size) { pending_font_size_ = size; }

void GlWindow::begin_frame() {
  if (pending_font_size_ > 0.0f) {
    load_fonts(pending_font_size_);
    pending_font_size_ = 0.0f;
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

void GlWindow::render() {
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = background_;
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

cv::Mat GlWindow::read_back() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  cv::Mat rgb(h, w, CV_8UC3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, rgb.data);
  cv::flip(rgb, rgb, 0);  // OpenGL rows run bottom-up
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  return bgr;
}

void GlWindow::present() { glfwSwapBuffers(window_); }

}  // namespace hemitrack::ui
