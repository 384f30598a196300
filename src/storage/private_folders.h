#pragma once
// The user's own folders: XDG base folders, and folders created readable by the user only
// (settings, health data, clips).
#include <filesystem>
#include <optional>
#include <string>

namespace hemitrack {

// $name as a folder, only when set and absolute (the XDG rule; HOME gets it too, because a
// relative one would scatter files over whatever folder the program starts in).
std::optional<std::filesystem::path> absolute_env(const char* name);

// A per-user folder by the XDG rule: $xdg_env/tail when that is absolute, else
// $HOME/home_relative/tail, else tail under the current folder, made absolute.
std::filesystem::path user_folder(const char* xdg_env, const std::filesystem::path& home_relative,
                                  const std::filesystem::path& tail);

struct FolderError {
  int error = 0;        // errno
  std::string message;  // one line naming the folder and the problem
};

// Creates `folder` and missing parents with mode 0700. mkdir with the mode leaves no moment in
// which the folder is open, as a chmod afterwards would. Existing folders keep their mode.
std::optional<FolderError> create_private_folders(const std::filesystem::path& folder);

}  // namespace hemitrack
