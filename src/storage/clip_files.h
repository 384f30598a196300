#pragma once
// How event clips are named on disk. The kind is part of the name, so the disk budget can tell
// automatic clips (which it may delete) from the user's own recordings (which it never deletes)
// from a folder listing alone, and never touches a file it did not write.
#include <filesystem>
#include <optional>
#include <string_view>

namespace hemitrack {

enum class ClipKind { automatic, manual };

// Which one-sided events get an automatic clip.
enum class ClipPolicy { all, tonic_only, none };
std::string_view to_string(ClipPolicy p);  // "all", "tonic", "none"
std::optional<ClipPolicy> parse_clip_policy(std::string_view text);
std::string_view to_string(ClipKind k);  // "auto", "manual": the name's suffix

// `stem` + ".auto.mp4" or ".manual.mp4".
std::filesystem::path clip_path(const std::filesystem::path& stem, ClipKind kind);

// The hidden name a clip is encoded under, beside its final one: "x.auto.mp4" is written as
// ".x.auto.partial.mp4". It still ends in .mp4 because OpenCV picks the container from the
// extension; the leading dot keeps players and file managers from showing half a clip.
std::filesystem::path clip_partial_path(const std::filesystem::path& final_path);

// Whether `file` is the hidden partial name of some clip (".x.auto.partial.mp4").
bool is_clip_partial_path(const std::filesystem::path& file);

// The kind a finished clip's name declares; nothing for any other file, hidden ones included.
std::optional<ClipKind> clip_kind_of(const std::filesystem::path& file);

}  // namespace hemitrack
