#include "vision/frame_source.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <fstream>
#include <system_error>
#include <utility>
#include <vector>

namespace hemitrack {
namespace {

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Brings greyscale or 16-bit decodes to the 8-bit BGR every consumer expects.
void to_bgr8(cv::Mat& m) {
  if (m.depth() != CV_8U) m.convertTo(m, CV_8U, m.depth() == CV_16U ? 1.0 / 256.0 : 1.0);
  if (m.channels() == 1) cv::cvtColor(m, m, cv::COLOR_GRAY2BGR);
  else if (m.channels() == 4) cv::cvtColor(m, m, cv::COLOR_BGRA2BGR);
}

// The clockwise quarter turns that show a file's stored frames the way players show them: phones
// store portrait video sideways and record the turn in the container. OpenCV 4.6 reads ±90° turns
// with the wrong sign and would turn such videos upside down if left to rotate them itself
// (opencv/opencv#22088), so its auto-rotation is switched off and the turn is applied here.
int display_quarter_turns(cv::VideoCapture& capture) {
  capture.set(cv::CAP_PROP_ORIENTATION_AUTO, 0.0);
  const double reported = capture.get(cv::CAP_PROP_ORIENTATION_META);
  if (!std::isfinite(reported)) return 0;
#if CV_VERSION_MAJOR == 4 && CV_VERSION_MINOR == 6
  const long clockwise_deg = -std::lround(reported);
#else
  const long clockwise_deg = std::lround(reported);
#endif
  return static_cast<int>(((clockwise_deg / 90) % 4 + 4) % 4);
}

class VideoFileSource final : public FrameSource {
 public:
  VideoFileSource(cv::VideoCapture capture, SourceInfo info, int quarter_turns)
      : capture_(std::move(capture)), info_(std::move(info)), quarter_turns_(quarter_turns) {}

  ReadResult read(Frame& out) override {
    cv::Mat& decoded = quarter_turns_ == 0 ? out.bgr : stored_;
    if (!capture_.read(decoded) || decoded.empty()) return end_or_damaged();
    if (quarter_turns_ == 1) cv::rotate(decoded, out.bgr, cv::ROTATE_90_CLOCKWISE);
    else if (quarter_turns_ == 2) cv::rotate(decoded, out.bgr, cv::ROTATE_180);
    else if (quarter_turns_ == 3) cv::rotate(decoded, out.bgr, cv::ROTATE_90_COUNTERCLOCKWISE);
    to_bgr8(out.bgr);
    out.index = next_index_++;
    out.time_s = stream_time(out.index);
    return ReadResult::frame;
  }

  const SourceInfo& info() const override { return info_; }

 private:
  // The container's presentation time, kept monotonic; a backend that reports nothing usable
  // (0 or going backwards) falls back to index / declared fps for that frame only.
  double stream_time(std::int64_t index) {
    const double fps = info_.nominal_fps > 0.0 ? info_.nominal_fps : 30.0;
    double t = capture_.get(cv::CAP_PROP_POS_MSEC) / 1000.0;
    if (!std::isfinite(t) || (index > 0 && t <= last_time_s_)) t = last_time_s_ + 1.0 / fps;
    if (index == 0 && !(t >= 0.0 && t < 1.0)) t = 0.0;
    if (index == 0) first_time_s_ = t;
    last_time_s_ = t;
    return t - first_time_s_;
  }

  // A stream that stops well short of the frame count its container declared was cut off.
  ReadResult end_or_damaged() const {
    if (info_.frame_count <= 0) return ReadResult::end;
    const std::int64_t missing = info_.frame_count - next_index_;
    const std::int64_t tolerance = std::max<std::int64_t>(3, info_.frame_count / 100);
    return missing > tolerance ? ReadResult::damaged : ReadResult::end;
  }

  cv::VideoCapture capture_;
  SourceInfo info_;
  int quarter_turns_;  // clockwise, applied to every decoded frame
  cv::Mat stored_;     // a decoded frame before its turn
  std::int64_t next_index_ = 0;
  double last_time_s_ = 0.0;
  double first_time_s_ = 0.0;
};

class ImageFolderSource final : public FrameSource {
 public:
  ImageFolderSource(std::vector<std::filesystem::path> files, SourceInfo info)
      : files_(std::move(files)), info_(std::move(info)) {}

  ReadResult read(Frame& out) override {
    while (next_ < files_.size()) {
      const std::size_t i = next_++;
      out.bgr = cv::imread(files_[i].string(), cv::IMREAD_COLOR);
      if (out.bgr.empty()) return ReadResult::damaged;
      out.index = static_cast<std::int64_t>(i);
      out.time_s = static_cast<double>(i) / info_.nominal_fps;
      return ReadResult::frame;
    }
    return ReadResult::end;
  }

  const SourceInfo& info() const override { return info_; }

 private:
  std::vector<std::filesystem::path> files_;
  SourceInfo info_;
  std::size_t next_ = 0;
};

class CameraSource final : public FrameSource {
 public:
  CameraSource(cv::VideoCapture capture, SourceInfo info)
      : capture_(std::move(capture)), info_(std::move(info)), start_(std::chrono::steady_clock::now()) {}

  ReadResult read(Frame& out) override {
    if (!capture_.read(out.bgr) || out.bgr.empty()) return ReadResult::damaged;
    to_bgr8(out.bgr);
    out.time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    out.index = next_index_++;
    return ReadResult::frame;
  }

  const SourceInfo& info() const override { return info_; }

 private:
  cv::VideoCapture capture_;
  SourceInfo info_;
  std::chrono::steady_clock::time_point start_;
  std::int64_t next_index_ = 0;
};

bool is_image_file(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  static constexpr std::array<const char*, 7> kExtensions = {".png", ".jpg", ".jpeg", ".bmp",
                                                             ".ppm", ".pgm", ".tif"};
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

}  // namespace

SourceOrError open_video_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return SourceError{SourceError::Kind::not_found, "input " + quoted(path) + " does not exist"};
  if (!std::filesystem::is_regular_file(path, ec))
    return SourceError{SourceError::Kind::not_video, "input " + quoted(path) + " is not a regular file"};
  if (!std::ifstream(path).good())
    return SourceError{SourceError::Kind::not_readable, "input " + quoted(path) + " cannot be read (permission denied?)"};

  cv::VideoCapture capture(path.string(), cv::CAP_FFMPEG);
  if (!capture.isOpened())
    return SourceError{SourceError::Kind::not_video,
                       "input " + quoted(path) + " is not a video that can be decoded (unknown format, or truncated before the first frame)"};
  const int quarter_turns = display_quarter_turns(capture);
  SourceInfo info;
  info.name = path.string();
  info.nominal_fps = capture.get(cv::CAP_PROP_FPS);
  if (!std::isfinite(info.nominal_fps) || info.nominal_fps <= 0.0 || info.nominal_fps > 1000.0) info.nominal_fps = 0.0;
  const double count = capture.get(cv::CAP_PROP_FRAME_COUNT);
  info.frame_count = count > 0 && std::isfinite(count) ? static_cast<std::int64_t>(count) : -1;
  info.width = static_cast<int>(capture.get(cv::CAP_PROP_FRAME_WIDTH));
  info.height = static_cast<int>(capture.get(cv::CAP_PROP_FRAME_HEIGHT));
  if (info.width <= 0 || info.height <= 0)
    return SourceError{SourceError::Kind::not_video, "input " + quoted(path) + " has no video stream"};
  if (quarter_turns % 2 == 1) std::swap(info.width, info.height);
  return std::make_unique<VideoFileSource>(std::move(capture), std::move(info), quarter_turns);
}

SourceOrError open_image_folder(const std::filesystem::path& folder, double fps) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.is_regular_file() && is_image_file(entry.path())) files.push_back(entry.path());
  if (ec)
    return SourceError{SourceError::Kind::not_readable, "input folder " + quoted(folder) + " cannot be listed: " + ec.message()};
  if (files.empty())
    return SourceError{SourceError::Kind::no_frames, "input folder " + quoted(folder) + " holds no images"};
  std::sort(files.begin(), files.end());
  const cv::Mat first = cv::imread(files.front().string(), cv::IMREAD_COLOR);
  if (first.empty())
    return SourceError{SourceError::Kind::not_video, "image " + quoted(files.front()) + " cannot be decoded"};
  SourceInfo info;
  info.name = folder.string();
  info.nominal_fps = fps;
  info.frame_count = static_cast<std::int64_t>(files.size());
  info.width = first.cols;
  info.height = first.rows;
  return std::make_unique<ImageFolderSource>(std::move(files), std::move(info));
}

SourceOrError open_camera(int index, int width, int height) {
  cv::VideoCapture capture(index, cv::CAP_V4L2);
  if (!capture.isOpened())
    return SourceError{SourceError::Kind::not_found, "camera " + std::to_string(index) + " is not available"};
  capture.set(cv::CAP_PROP_FRAME_WIDTH, width);
  capture.set(cv::CAP_PROP_FRAME_HEIGHT, height);
  SourceInfo info;
  info.name = "camera " + std::to_string(index);
  info.nominal_fps = capture.get(cv::CAP_PROP_FPS);
  info.width = static_cast<int>(capture.get(cv::CAP_PROP_FRAME_WIDTH));
  info.height = static_cast<int>(capture.get(cv::CAP_PROP_FRAME_HEIGHT));
  info.live = true;
  return std::make_unique<CameraSource>(std::move(capture), std::move(info));
}

SourceOrError open_source(const std::filesystem::path& input, double image_folder_fps) {
  std::error_code ec;
  if (std::filesystem::is_directory(input, ec)) return open_image_folder(input, image_folder_fps);
  return open_video_file(input);
}

}  // namespace hemitrack
