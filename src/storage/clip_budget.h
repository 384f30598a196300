#pragma once
// Keeps the clip folder within a disk budget. Automatic clips go first, oldest first; the user's
// own recordings are never deleted automatically, but they do count against the budget (it
// protects the disk, whoever filled it). Deciding is a pure function over a listing, so the
// arithmetic is tested without files; applying it is a thin layer over the folder.
#include "storage/clip_files.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hemitrack {

struct StoredClip {
  std::filesystem::path path;
  ClipKind kind = ClipKind::automatic;
  std::filesystem::file_time_type written;  // when the clip was finished (its modification time)
  std::uintmax_t bytes = 0;
};

struct BudgetPlan {
  std::vector<std::filesystem::path> remove;  // oldest first
  std::uintmax_t bytes_after = 0;             // what the listed clips take once those are gone
  bool within_budget = true;                  // false when manual clips alone exceed it
};

// The fewest oldest automatic clips whose removal brings the total to max_bytes or below. Ties in
// age go by path, so the plan does not depend on the listing's order.
BudgetPlan plan_clip_budget(std::vector<StoredClip> clips, std::uintmax_t max_bytes);

// Finished clips in `folder` (not recursive), as named by clip_path(); other files, and the
// hidden partial files of clips being written, are not listed. An unreadable folder lists nothing.
std::vector<StoredClip> list_clips(const std::filesystem::path& folder);

struct BudgetResult {
  std::vector<std::filesystem::path> removed;
  std::uintmax_t bytes_after = 0;   // of the clips that remain (counting any that could not be removed)
  bool within_budget = true;
  std::vector<std::string> errors;  // one line per clip that could not be removed
};

// Plans over list_clips(folder) and deletes what the plan says.
BudgetResult enforce_clip_budget(const std::filesystem::path& folder, std::uintmax_t max_bytes);

// Deletes the hidden partial files of clips (clip_partial_path) last written more than `min_age`
// ago: what an encoder left when the program or the machine stopped mid-clip. Younger ones may
// belong to a clip being written right now (another hemitrack window, say) and are left alone.
// Returns the files removed; ones that cannot be removed are skipped.
std::vector<std::filesystem::path> remove_stale_partial_clips(const std::filesystem::path& folder,
                                                              std::filesystem::file_time_type::duration min_age);

}  // namespace hemitrack
