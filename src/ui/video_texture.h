#pragma once
// A camera frame as an OpenGL texture for ImGui::Image. Main thread only.
#include <imgui.h>
#include <opencv2/core.hpp>

namespace hemitrack::ui {

class VideoTexture {
 public:
  VideoTexture() = default;
  ~VideoTexture();
  VideoTexture(const VideoTexture&) = delete;
  VideoTexture& operator=(const VideoTexture&) = delete;

  // Requires: 8-bit BGR. Flips it horizontally first when `mirror` is set.
  void upload(const cv::Mat& bgr, bool mirror);
  bool empty() const { return texture_ == 0; }
  ImTextureID id() const { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture_)); }
  cv::Size size() const { return size_; }

 private:
  unsigned int texture_ = 0;
  cv::Size size_;
  cv::Mat rgba_;  // reused between uploads
};

}  // namespace hemitrack::ui
