#include "storage/clip_files.h"

#include <string>

namespace hemitrack {

std::string_view to_string(ClipKind k) { return k == ClipKind::manual ? "manual" : "auto"; }

std::string_view to_string(ClipPolicy p) {
  switch (p) {
    case ClipPolicy::all: return "all";
    case ClipPolicy::tonic_only: return "tonic";
    case ClipPolicy::none: return "none";
  }
  return "?";
}

std::optional<ClipPolicy> parse_clip_policy(std::string_view text) {
  for (ClipPolicy p : {ClipPolicy::all, ClipPolicy::tonic_only, ClipPolicy::none})
    if (text == to_string(p)) return p;
  return std::nullopt;
}

std::filesystem::path clip_path(const std::filesystem::path& stem, ClipKind kind) {
  return stem.parent_path() / (stem.filename().string() + "." + std::string(to_string(kind)) + ".mp4");
}

std::filesystem::path clip_partial_path(const std::filesystem::path& final_path) {
  return final_path.parent_path() / ("." + final_path.stem().string() + ".partial.mp4");
}

bool is_clip_partial_path(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  const std::string_view suffix = ".partial.mp4";
  if (name.size() <= suffix.size() + 1 || name[0] != '.' || !name.ends_with(suffix)) return false;
  // What is left must be a clip's own name: ".x.auto" + ".partial.mp4" came from "x.auto.mp4".
  return clip_kind_of(name.substr(1, name.size() - suffix.size() - 1) + ".mp4").has_value();
}

std::optional<ClipKind> clip_kind_of(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  if (name.empty() || name.front() == '.') return std::nullopt;
  for (ClipKind k : {ClipKind::automatic, ClipKind::manual}) {
    const std::string suffix = "." + std::string(to_string(k)) + ".mp4";
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return k;
  }
  return std::nullopt;
}

}  // namespace hemitrack
