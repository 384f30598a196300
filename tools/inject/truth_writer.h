#pragma once
// Writes the truth file: the same shape as hemitrack's events.json (DESIGN §4) so that one reader
// serves both, plus what only the generator knows (amplitudes, bursts, natural blinks).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "schedule.h"

namespace hemitrack::inject {

struct TruthHeader {
  std::string source;  // the input path as given
  double fps = 0.0;
  int frames = 0;
  double face_found_fraction = 0.0;
  std::uint32_t seed = 1;
  bool mirrored_output = false;
};

std::string truth_json(const TruthHeader& header, const Schedule& schedule,
                       const std::vector<Interval>& natural_blinks);

// Writes to a temporary name beside `path` and renames, so a reader never sees half a file.
// Returns false (and leaves no partial file) when the folder is not writable.
bool write_truth_file(const std::filesystem::path& path, const std::string& json);

}  // namespace hemitrack::inject
