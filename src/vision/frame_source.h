#pragma once
// One interface for everything that delivers frames: a video file, a folder of images, a camera.
// Every frame carries its own timestamp, taken from the stream where the stream has one.
#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <variant>

namespace hemitrack {

struct Frame {
  cv::Mat bgr;             // 8-bit, 3 channels
  double time_s = 0.0;     // seconds from the start of the source
  std::int64_t index = 0;  // 0-based position in the source
};

struct SourceInfo {
  std::string name;                // what the user named: a path or "camera 0"
  double nominal_fps = 0.0;        // as declared by the container or device; 0 when unknown
  std::int64_t frame_count = -1;   // -1 when unknown (cameras, some containers)
  int width = 0;
  int height = 0;
  bool live = false;               // a camera: frames arrive in real time and cannot be re-read
};

enum class ReadResult {
  frame,      // `out` holds the next frame
  end,        // the source ended normally
  damaged,    // the source stopped before its declared end: the file is truncated or corrupt
};

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  virtual ReadResult read(Frame& out) = 0;
  virtual const SourceInfo& info() const = 0;
};

struct SourceError {
  enum class Kind { not_found, not_readable, not_video, no_frames };
  Kind kind;
  std::string message;  // one line naming the input and the problem
};

using SourceOrError = std::variant<std::unique_ptr<FrameSource>, SourceError>;

// Any file OpenCV's FFmpeg backend decodes. Timestamps come from the stream's presentation times;
// frames are turned the way the container says players show them (phones' portrait videos).
SourceOrError open_video_file(const std::filesystem::path& path);

// Every .png/.jpg/.jpeg/.bmp/.ppm/.pgm in the folder, in file-name order. Image folders carry no
// clock, so `fps` declares one.
SourceOrError open_image_folder(const std::filesystem::path& folder, double fps);

// A camera by index; timestamps come from the moment each frame was grabbed.
SourceOrError open_camera(int index, int width = 640, int height = 480);

// Picks the kind from the input: an existing folder, or else a video file.
SourceOrError open_source(const std::filesystem::path& input, double image_folder_fps = 30.0);

}  // namespace hemitrack
