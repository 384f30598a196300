#pragma once
// Everything the command line can set, parsed once in main.cpp and passed down as a plain struct.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/landmarks.h"

namespace hemitrack::inject {

struct InjectOptions {
  std::filesystem::path input;
  bool input_is_image = false;
  std::filesystem::path output;
  std::filesystem::path truth;
  std::optional<double> duration_s;  // default: the video's own length, 60 s for an image
  double image_fps = 30.0;           // only for --image
  std::uint32_t seed = 1;
  int events = 24;
  int blinks = 12;
  std::optional<Side> side;                  // --side: every event on this side
  std::optional<int> out_width, out_height;  // --size: letterboxed, aspect kept
  bool mirror_output = false;
  std::optional<std::filesystem::path> model;
  std::optional<std::filesystem::path> debug_dir;
};

// Process exit codes; the edge (main) maps every failure to exactly one of these.
enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 2,  // also: the clip cannot hold the requested number of items
  kExitInput = 3,
  kExitModel = 4,
  kExitOutput = 5,
  kExitNoFace = 6,
};

}  // namespace hemitrack::inject
