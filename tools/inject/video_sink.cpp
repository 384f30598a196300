#include "video_sink.h"

#include <iostream>
#include <system_error>

namespace hemitrack::inject {

bool VideoSink::open(const std::filesystem::path& target, double fps, cv::Size size) {
  target_ = target;
  // The container is chosen from the extension, so the partial name keeps ".mp4" at its end.
  std::string name = ".";  // built with += : GCC 12 warns falsely (-Wrestrict) on "." + string
  name += target.stem().string();
  name += ".partial";
  name += target.extension().string();
  partial_ = target.parent_path() / name;
  size_ = size;
  for (const char* fourcc : {"avc1", "mp4v"}) {
    if (writer_.open(partial_.string(), cv::CAP_FFMPEG,
                     cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]), fps, size, true)) {
      codec_ = fourcc;
      if (codec_ != "avc1")
        std::cerr << "hemitrack-inject: warning: H.264 (avc1) encoder unavailable, wrote " << target.string()
                  << " as MPEG-4 Part 2 (mp4v)\n";
      return true;
    }
  }
  abandon();
  return false;
}

bool VideoSink::write(const cv::Mat& bgr) {
  if (!writer_.isOpened() || bgr.size() != size_) return false;
  writer_.write(bgr);
  return true;
}

bool VideoSink::finish() {
  if (!writer_.isOpened()) return false;
  writer_.release();
  std::error_code ec;
  std::filesystem::rename(partial_, target_, ec);
  if (ec) {
    abandon();
    return false;
  }
  partial_.clear();
  return true;
}

void VideoSink::abandon() {
  if (writer_.isOpened()) writer_.release();
  if (!partial_.empty()) {
    std::error_code ec;
    std::filesystem::remove(partial_, ec);
    partial_.clear();
  }
}

}  // namespace hemitrack::inject
