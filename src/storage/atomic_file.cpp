#include "storage/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <system_error>

namespace hemitrack {

std::filesystem::path partial_name(const std::filesystem::path& path) {
  return path.parent_path() / ("." + path.filename().string() + ".partial");
}

std::optional<std::string> finish_partial(std::ofstream& out, const std::filesystem::path& temp,
                                          const std::filesystem::path& path) {
  out.flush();
  const bool written = static_cast<bool>(out);
  out.close();
  std::error_code ec;
  if (!written || !out) {
    std::filesystem::remove(temp, ec);
    return "disk full or I/O error";
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    return ec.message();
  }
  return std::nullopt;
}

std::optional<std::string> write_atomically(const std::filesystem::path& path, const std::string& text) {
  const auto temp = partial_name(path);
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  if (!out) return std::string(errno != 0 ? std::strerror(errno) : "the folder is missing or not writable");
  out << text;
  return finish_partial(out, temp, path);
}

}  // namespace hemitrack
