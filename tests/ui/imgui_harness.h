#pragma once
// An ImGui context with a built font atlas and no renderer, for tests of widgets: the draw lists
// are the output, and input is given through ImGuiIO as a person would give it.
#include <imgui.h>

#include <cstdint>

namespace hemitrack::test {

class ImGuiHarness {
 public:
  ImGuiHarness() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800.0f, 600.0f);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
    ImGui::StyleColorsDark();
  }
  ~ImGuiHarness() { ImGui::DestroyContext(); }
  ImGuiHarness(const ImGuiHarness&) = delete;
  ImGuiHarness& operator=(const ImGuiHarness&) = delete;

  // Runs `body` inside a full-screen window for a few frames (a new window can skip its first);
  // the draw data of the last frame stays readable until the next NewFrame.
  template <class Body>
  void frames(Body&& body, int count = 2) {
    for (int i = 0; i < count; ++i) {
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
      ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
      ImGui::Begin("plot test", nullptr, ImGuiWindowFlags_NoDecoration);
      body();
      ImGui::End();
      ImGui::Render();
    }
  }

  // Presses and releases the left button at `at` over two frames of `body`, as a click is.
  template <class Body>
  void click(ImVec2 at, Body&& body) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    io.MouseDown[0] = true;
    frames(body, 1);
    io.MouseDown[0] = false;
    frames(body, 1);
  }
};

}  // namespace hemitrack::test
