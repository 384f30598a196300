#include "ui/video_texture.h"

#include <GL/gl.h>
#include <opencv2/imgproc.hpp>

namespace hemitrack::ui {

VideoTexture::~VideoTexture() {
  if (texture_) glDeleteTextures(1, &texture_);
}

void VideoTexture::upload(const cv::Mat& bgr, bool mirror) {
  // Four bytes a texel: software renderers (Mesa's llvmpipe under Xvfb) sample RGBA much faster.
  cv::cvtColor(bgr, rgba_, cv::COLOR_BGR2RGBA);
  if (mirror) cv::flip(rgba_, rgba_, 1);
  if (!texture_) {
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  if (rgba_.size() != size_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, rgba_.cols, rgba_.rows, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba_.data);
    size_ = rgba_.size();
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, rgba_.cols, rgba_.rows, GL_RGBA, GL_UNSIGNED_BYTE, rgba_.data);
  }
}

}  // namespace hemitrack::ui
