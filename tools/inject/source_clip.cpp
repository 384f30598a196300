#include "source_clip.h"

#include <cmath>
#include <system_error>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

namespace hemitrack::inject {
namespace {
constexpr double kMaxBytes = 6.0e9;
}

int SourceClip::source_index(long k) const {
  const long n = static_cast<long>(frames.size());
  if (n <= 1) return 0;
  const long period = 2 * (n - 1);
  const long m = k % period;
  return static_cast<int>(m < n ? m : period - m);
}

std::variant<SourceClip, LoadError> load_video(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return LoadError{"no such file"};
  cv::VideoCapture cap(path.string(), cv::CAP_FFMPEG);
  if (!cap.isOpened()) return LoadError{"cannot open as a video"};
  SourceClip clip;
  clip.fps = cap.get(cv::CAP_PROP_FPS);
  if (!(clip.fps > 0.0 && clip.fps < 1000.0)) return LoadError{"video reports no usable frame rate"};
  double bytes = 0.0;
  cv::Mat frame;
  while (cap.read(frame)) {
    if (frame.empty()) break;
    bytes += static_cast<double>(frame.total() * frame.elemSize());
    if (bytes > kMaxBytes) return LoadError{"video too long to hold in memory (> 6 GB decoded); trim it first"};
    clip.frames.push_back(frame.clone());
  }
  if (clip.frames.empty()) return LoadError{"video has no readable frames"};
  return clip;
}

std::variant<SourceClip, LoadError> load_image(const std::filesystem::path& path, double fps) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return LoadError{"no such file"};
  cv::Mat image = cv::imread(path.string(), cv::IMREAD_COLOR);
  if (image.empty()) return LoadError{"cannot read as an image"};
  SourceClip clip;
  clip.frames.push_back(image);
  clip.fps = fps;
  return clip;
}

}  // namespace hemitrack::inject
