#include "ui/opaque_draw.h"
#include "ui/palette.h"
#include "ui/panels.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace hemitrack::ui {
namespace {

// The pose-and-tracking state the person needs to act on, or nothing when all is well.
const char* face_problem(const FrameAnalysis& a) {
  switch (a.signals.why_not) {
    case NotMeasured::no: return nullptr;
    case NotMeasured::no_face: return "Face not found: sit in front of the camera";
    case NotMeasured::head_turned: return "Turn towards the camera";
    case NotMeasured::moving: return "Hold still for a moment";
    case NotMeasured::hard_to_follow: break;
  }
  return "The face is hard to follow: face the camera in even light";
}

constexpr ImU32 kVideoBackground = IM_COL32(20, 20, 20, 255);

void draw_centered_banner(ImDrawList* dl, ImVec2 min, ImVec2 max, const char* text, ImU32 colour) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  const float pad = ImGui::GetFontSize() * 0.6f;
  const ImVec2 centre((min.x + max.x) * 0.5f, max.y - size.y - pad * 2.5f);
  const ImVec2 a(centre.x - size.x * 0.5f - pad, centre.y - pad);
  const ImVec2 b(centre.x + size.x * 0.5f + pad, centre.y + size.y + pad);
  dl->AddRectFilled(a, b, IM_COL32(0, 0, 0, 190), pad * 0.5f);
  dl->AddRect(a, b, colour, pad * 0.5f, 0, 2.0f);
  dl->AddText(ImVec2(a.x + pad, a.y + pad), IM_COL32(255, 255, 255, 255), text);
}

}  // namespace

ScreenRect draw_video_panel(const DashboardModel& model, const DashboardSettings& settings, VideoTexture& texture,
                            ImVec2 size) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 panel_max(origin.x + size.x, origin.y + size.y);
  ScreenRect shown{origin.x, origin.y, 0, 0};
  if (texture.empty() || !model.frame) {
    add_opaque_rect(dl, origin, panel_max, kVideoBackground);
    const char* text = model.state == LiveState::loading_model ? "Loading the face model..." : "Waiting for the first frame...";
    draw_centered_banner(dl, origin, ImVec2(origin.x + size.x, origin.y + size.y * 0.6f), text, kWarning);
    ImGui::Dummy(size);
    return shown;
  }

  // Fit the picture into the panel, keeping its proportions.
  const cv::Size image = texture.size();
  const float scale = std::min(size.x / image.width, size.y / image.height);
  const ImVec2 img_size(image.width * scale, image.height * scale);
  const ImVec2 img_min(origin.x + (size.x - img_size.x) * 0.5f, origin.y + (size.y - img_size.y) * 0.5f);
  const ImVec2 img_max(img_min.x + img_size.x, img_min.y + img_size.y);
  // The bars beside the picture, not a panel-sized fill beneath it: every pixel costs when drawn
  // in software.
  add_opaque_rect(dl, origin, ImVec2(panel_max.x, img_min.y), kVideoBackground);
  add_opaque_rect(dl, ImVec2(origin.x, img_max.y), panel_max, kVideoBackground);
  add_opaque_rect(dl, ImVec2(origin.x, img_min.y), ImVec2(img_min.x, img_max.y), kVideoBackground);
  add_opaque_rect(dl, ImVec2(img_max.x, img_min.y), ImVec2(panel_max.x, img_max.y), kVideoBackground);
  add_opaque_image(dl, texture.id(), img_min, img_max);
  shown = {img_min.x, img_min.y, img_size.x, img_size.y};

  const FrameAnalysis& a = model.frame->analysis;
  const bool mirror = settings.mirror_view;
  const auto to_screen = [&](Point2 p) {
    const double x = mirror ? image.width - p.x : p.x;
    return ImVec2(img_min.x + static_cast<float>(x) * scale, img_min.y + static_cast<float>(p.y) * scale);
  };
  if (a.observation.measurement.face_found) {
    const Shape68& lm = a.observation.landmarks;
    if (settings.show_overlay) {
      const float r = std::max(1.5f, ImGui::GetFontSize() * 0.12f);
      for (const Point2& p : lm) dl->AddCircleFilled(to_screen(p), r, kLandmark, 8);
      for (Side side : kBothSides) {
        ImVec2 eye[6];
        for (int i = 0; i < 6; ++i) eye[i] = to_screen(lm[static_cast<std::size_t>(landmarks_of(side).eye[static_cast<std::size_t>(i)])]);
        dl->AddPolyline(eye, 6, side_colour(side), ImDrawFlags_Closed, 2.0f);
      }
    }
    // Side labels sit beside each eye's outer corner, on whichever side of the screen that is.
    for (Side side : kBothSides) {
      const Point2 outer = lm[static_cast<std::size_t>(landmarks_of(side).eye_outer_corner)];
      const Point2 inner = lm[static_cast<std::size_t>(landmarks_of(side).eye_inner_corner)];
      const ImVec2 o = to_screen(outer), in = to_screen(inner);
      const char* label = side == Side::right ? "R" : "L";
      const ImVec2 ts = ImGui::CalcTextSize(label);
      const float away = o.x < in.x ? -ts.x - 10.0f : 10.0f;
      const ImVec2 pos(o.x + away, o.y - ts.y * 0.5f);
      dl->AddRectFilled(ImVec2(pos.x - 3, pos.y - 1), ImVec2(pos.x + ts.x + 3, pos.y + ts.y + 1), side_colour(side, 220), 3.0f);
      dl->AddText(pos, IM_COL32(0, 0, 0, 255), label);
    }
  }
  if (const char* problem = face_problem(a)) draw_centered_banner(dl, img_min, img_max, problem, kWarning);

  char caption[96];
  std::snprintf(caption, sizeof caption, "%s  %.1f s", mirror ? "mirror view" : "camera view", a.time_s);
  dl->AddText(ImVec2(img_min.x + 6, img_min.y + 4), IM_COL32(255, 255, 255, 200), caption);
  ImGui::Dummy(size);
  return shown;
}

}  // namespace hemitrack::ui
