#include "debug_frames.h"

#include <cmath>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <set>

namespace hemitrack::inject {

std::vector<DebugShot> choose_debug_shots(const Schedule& schedule, double fps, std::size_t limit) {
  std::vector<DebugShot> shots;
  std::set<std::string> seen;
  for (const auto& e : schedule.events) {
    std::string regions;
    for (auto [on, name] : {std::pair{e.eye, "eye"}, std::pair{e.mouth, "mouth"}, std::pair{e.brow, "brow"}})
      if (on) regions += (regions.empty() ? "" : "+") + std::string(name);
    const std::string kind = e.tonic() ? "tonic" : "clonic";
    if (!seen.insert(regions + kind + std::string(to_string(e.side))).second) continue;
    char label[96];
    std::snprintf(label, sizeof label, "e%02d_%s_%s_%s_a%.2f", e.id, std::string(to_string(e.side)).c_str(),
                  regions.c_str(), kind.c_str(), e.envelope.amplitude);
    shots.push_back({std::lround(e.envelope.peak_s() * fps), label});
  }
  for (std::size_t i = 0; i < schedule.blinks.size() && i < 2; ++i) {
    char label[64];
    std::snprintf(label, sizeof label, "blink%02zu_a%.2f", i + 1, schedule.blinks[i].envelope.amplitude);
    shots.push_back({std::lround(schedule.blinks[i].envelope.peak_s() * fps), label});
  }
  if (shots.size() > limit) shots.resize(limit);
  return shots;
}

bool write_debug_frame(const std::filesystem::path& dir, const DebugShot& shot, const cv::Mat& original,
                       const cv::Mat& warped, const Shape68& shape) {
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (const auto& p : shape) x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  const double pad = 0.15 * (x1 - x0);
  cv::Rect face(static_cast<int>(x0 - pad), static_cast<int>(y0 - 2 * pad), static_cast<int>(x1 - x0 + 2 * pad),
                static_cast<int>(y1 - y0 + 3 * pad));
  face &= cv::Rect(0, 0, original.cols, original.rows);

  cv::Mat top;
  cv::hconcat(original, warped, top);
  cv::Mat zoom_a, zoom_b, bottom;
  // Enlarge the face crops to the width of one full frame so small-face footage is inspectable.
  const double scale = static_cast<double>(original.cols) / face.width;
  cv::resize(original(face), zoom_a, cv::Size(), scale, scale, cv::INTER_CUBIC);
  cv::resize(warped(face), zoom_b, cv::Size(), scale, scale, cv::INTER_CUBIC);
  cv::hconcat(zoom_a, zoom_b, bottom);
  // A closer look at the eyes and brows, where warp artefacts would show first.
  const double iod = std::hypot(shape[45].x - shape[36].x, shape[45].y - shape[36].y);
  cv::Rect eyes(static_cast<int>(shape[17].x - 0.15 * iod), static_cast<int>(std::min(shape[19].y, shape[24].y) - 0.25 * iod),
                static_cast<int>(shape[26].x - shape[17].x + 0.3 * iod), static_cast<int>(0.75 * iod));
  eyes &= cv::Rect(0, 0, original.cols, original.rows);
  cv::Mat sheet;
  if (eyes.area() > 0) {
    const double eye_scale = static_cast<double>(original.cols) / eyes.width;
    cv::Mat eye_a, eye_b, eye_row;
    cv::resize(original(eyes), eye_a, cv::Size(), eye_scale, eye_scale, cv::INTER_CUBIC);
    cv::resize(warped(eyes), eye_b, cv::Size(), eye_scale, eye_scale, cv::INTER_CUBIC);
    cv::hconcat(eye_a, eye_b, eye_row);
    cv::vconcat(std::vector<cv::Mat>{top, bottom, eye_row}, sheet);
  } else {
    cv::vconcat(top, bottom, sheet);
  }
  cv::putText(sheet, shot.label + "  frame " + std::to_string(shot.frame), {6, 16}, cv::FONT_HERSHEY_SIMPLEX, 0.45,
              cv::Scalar(0, 255, 255), 1, cv::LINE_AA);
  char name[160];
  std::snprintf(name, sizeof name, "f%06ld_%s.png", shot.frame, shot.label.c_str());
  return cv::imwrite((dir / name).string(), sheet);
}

}  // namespace hemitrack::inject
