#include "apps/gui/demo_locator.h"

#include <cstdlib>
#include <system_error>
#include <vector>

namespace hemitrack {

std::optional<std::filesystem::path> locate_demo_clip() {
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv("HEMITRACK_DEMO"); env && *env) candidates.emplace_back(env);
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "hemitrack" / "demo.mp4");
  candidates.push_back(std::filesystem::path(HEMITRACK_ASSETS_DIR) / "demo.mp4");
  for (const auto& c : candidates)
    if (std::filesystem::is_regular_file(c, ec)) return c;
  return std::nullopt;
}

}  // namespace hemitrack
