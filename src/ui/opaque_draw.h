#pragma once
// Large opaque areas drawn the cheap way. Without a GPU (Xvfb, remote desktops), Mesa's software
// renderer shades, samples and blends every pixel of every ImGui triangle: a plot's background or
// the camera picture cost about a millisecond a frame each, which is live latency. A solid
// rectangle becomes a scissored glClear (a memory fill), a picture is drawn with blending off.
// On a GPU both are simply as fast as before. Main thread only, inside an ImGui frame.
#include <imgui.h>

namespace hemitrack::ui {

// A solid rectangle of `colour`; a translucent colour is first composited over the theme's
// window background, which is what lies beneath every panel.
void add_opaque_rect(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 colour);

// An opaque picture (a camera frame): its pixels replace what is beneath instead of blending.
void add_opaque_image(ImDrawList* draw, ImTextureID texture, ImVec2 min, ImVec2 max);

// ImGui::Image for an opaque picture: an item of `size` at the cursor.
void opaque_image(ImTextureID texture, ImVec2 size);

}  // namespace hemitrack::ui
