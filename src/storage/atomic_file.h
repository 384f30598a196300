#pragma once
// Files are written under a temporary name beside their final one and renamed when complete, so
// a reader (or the next start after a crash) never sees half a file.
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace hemitrack {

// The temporary name a file is written under: hidden, in the same folder (a rename within one
// file system is atomic).
std::filesystem::path partial_name(const std::filesystem::path& path);

// Nothing, or why `path` could not be written (the reason only: callers name the file their way).
std::optional<std::string> write_atomically(const std::filesystem::path& path, const std::string& text);

// Closes `out`, the finished temporary file `temp`, and moves it over `path`; on failure the
// temporary file is removed and the reason returned.
std::optional<std::string> finish_partial(std::ofstream& out, const std::filesystem::path& temp,
                                          const std::filesystem::path& path);

}  // namespace hemitrack
