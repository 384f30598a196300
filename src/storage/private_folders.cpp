#include "storage/private_folders.h"

#include "storage/messages.h"

#include <cerrno>
#include <cstdlib>
#include <system_error>

#include <sys/stat.h>

namespace hemitrack {

std::optional<std::filesystem::path> absolute_env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  std::filesystem::path p(value);
  if (!p.is_absolute()) return std::nullopt;
  return p;
}

std::filesystem::path user_folder(const char* xdg_env, const std::filesystem::path& home_relative,
                                  const std::filesystem::path& tail) {
  if (auto xdg = absolute_env(xdg_env)) return *xdg / tail;
  if (auto home = absolute_env("HOME")) return *home / home_relative / tail;
  std::error_code ec;
  const std::filesystem::path here = std::filesystem::current_path(ec);
  return ec ? tail : here / tail;
}

std::optional<FolderError> create_private_folders(const std::filesystem::path& folder) {
  std::error_code ec;
  if (std::filesystem::is_directory(folder, ec)) return std::nullopt;
  const std::filesystem::path parent = folder.parent_path();
  if (!parent.empty() && parent != folder)
    if (auto e = create_private_folders(parent)) return e;
  if (::mkdir(folder.c_str(), 0700) == 0) return std::nullopt;
  const int err = errno;
  if (err == EEXIST && std::filesystem::is_directory(folder, ec)) return std::nullopt;  // made meanwhile
  if (err == EEXIST) return FolderError{err, "'" + folder.string() + "' exists but is not a folder"};
  return FolderError{err, "cannot create folder '" + folder.string() + "': " + system_reason(err)};
}

}  // namespace hemitrack
