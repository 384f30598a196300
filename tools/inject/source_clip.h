#pragma once
// The source footage held in memory, and the mapping from output frames to source frames.
#include <filesystem>
#include <opencv2/core.hpp>
#include <string>
#include <variant>
#include <vector>

namespace hemitrack::inject {

struct SourceClip {
  std::vector<cv::Mat> frames;  // BGR; one frame for a still image
  double fps = 0.0;

  // Output frame k shows source frame source_index(k): ping-pong (forward, then backward without
  // repeating the turning frames) so a looped clip has no jump cut.
  int source_index(long k) const;
};

struct LoadError {
  std::string message;
};

// Reads every frame (the output pass needs them in ping-pong order, which seeking cannot give
// cheaply). Fails rather than exhausting memory on very long inputs.
std::variant<SourceClip, LoadError> load_video(const std::filesystem::path& path);
std::variant<SourceClip, LoadError> load_image(const std::filesystem::path& path, double fps);

}  // namespace hemitrack::inject
