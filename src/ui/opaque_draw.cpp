#include "ui/opaque_draw.h"

#include <GL/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace hemitrack::ui {
namespace {

// The rectangle travels as the callback command's clip rectangle and the colour in its user
// data, so nothing has to outlive the frame.
void clear_clip_rect(const ImDrawList*, const ImDrawCmd* cmd) {
  const ImDrawData* data = ImGui::GetDrawData();
  const ImVec2 scale = data->FramebufferScale;
  const float fb_height = data->DisplaySize.y * scale.y;
  const ImVec4 r = cmd->ClipRect;
  const float x0 = std::floor((r.x - data->DisplayPos.x) * scale.x);
  const float y0 = std::floor((r.y - data->DisplayPos.y) * scale.y);
  const float x1 = std::ceil((r.z - data->DisplayPos.x) * scale.x);
  const float y1 = std::ceil((r.w - data->DisplayPos.y) * scale.y);
  if (x1 <= x0 || y1 <= y0) return;
  const ImVec4 c =
      ImGui::ColorConvertU32ToFloat4(static_cast<ImU32>(reinterpret_cast<std::uintptr_t>(cmd->UserCallbackData)));
  // The backend sets the scissor box again for the next command, so only the colour is restored.
  GLfloat previous[4];
  glGetFloatv(GL_COLOR_CLEAR_VALUE, previous);
  glEnable(GL_SCISSOR_TEST);
  glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_height - y1), static_cast<GLsizei>(x1 - x0),
            static_cast<GLsizei>(y1 - y0));
  glClearColor(c.x, c.y, c.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glClearColor(previous[0], previous[1], previous[2], previous[3]);
}

void disable_blending(const ImDrawList*, const ImDrawCmd*) { glDisable(GL_BLEND); }

ImU32 over_window_background(ImU32 colour) {
  const ImVec4 top = ImGui::ColorConvertU32ToFloat4(colour);
  const ImVec4 under = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const auto mix = [&](float a, float b) { return a * top.w + b * (1.0f - top.w); };
  return ImGui::ColorConvertFloat4ToU32(ImVec4(mix(top.x, under.x), mix(top.y, under.y), mix(top.z, under.z), 1.0f));
}

}  // namespace

void add_opaque_rect(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 colour) {
  if (!(max.x > min.x && max.y > min.y)) return;
  const ImU32 solid = over_window_background(colour);
  draw->PushClipRect(min, max, true);
  draw->AddCallback(clear_clip_rect, reinterpret_cast<void*>(static_cast<std::uintptr_t>(solid)));
  draw->PopClipRect();
}

void add_opaque_image(ImDrawList* draw, ImTextureID texture, ImVec2 min, ImVec2 max) {
  draw->AddCallback(disable_blending, nullptr);
  draw->AddImage(texture, min, max);
  draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void opaque_image(ImTextureID texture, ImVec2 size) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  add_opaque_image(ImGui::GetWindowDrawList(), texture, at, ImVec2(at.x + size.x, at.y + size.y));
}

}  // namespace hemitrack::ui
