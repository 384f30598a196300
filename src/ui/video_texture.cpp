#include "ui/video_texture.h"

#include <GL/gl.h>
#include <opencv2/imgproc.hpp>

namespace hemitrack::ui {

VideoTexture::~VideoTexture() {
  if (texture_) glDeleteTextures(1, &texture_);
}

void VideoTexture::upload(const cv::Mat& bgr, bool mirror) {
  cv::cvtColor(bgr, rgb_, cv::COLOR_BGR2RGB);
  if (mirror) cv::flip(rgb_, rgb_, 1);
  if (!texture_) {
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  if (rgb_.size() != size_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, rgb_.cols, rgb_.rows, 0, GL_RGB, GL_UNSIGNED_BYTE, rgb_.data);
    size_ = rgb_.size();
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, rgb_.cols, rgb_.rows, GL_RGB, GL_UNSIGNED_BYTE, rgb_.data);
  }
}

}  // namespace hemitrack::ui
