#include "storage/clip_budget.h"

#include <algorithm>
#include <numeric>
#include <system_error>

namespace hemitrack {
namespace fs = std::filesystem;

BudgetPlan plan_clip_budget(std::vector<StoredClip> clips, std::uintmax_t max_bytes) {
  BudgetPlan plan;
  plan.bytes_after = std::accumulate(clips.begin(), clips.end(), std::uintmax_t{0},
                                     [](std::uintmax_t sum, const StoredClip& c) { return sum + c.bytes; });
  std::sort(clips.begin(), clips.end(), [](const StoredClip& a, const StoredClip& b) {
    return a.written != b.written ? a.written < b.written : a.path < b.path;
  });
  for (const auto& c : clips) {
    if (plan.bytes_after <= max_bytes) break;
    if (c.kind != ClipKind::automatic) continue;
    plan.remove.push_back(c.path);
    plan.bytes_after -= c.bytes;
  }
  plan.within_budget = plan.bytes_after <= max_bytes;
  return plan;
}

std::vector<StoredClip> list_clips(const fs::path& folder) {
  std::vector<StoredClip> out;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const auto kind = clip_kind_of(it->path());
    std::error_code entry_ec;
    if (!kind || !it->is_regular_file(entry_ec)) continue;
    StoredClip c;
    c.path = it->path();
    c.kind = *kind;
    c.written = it->last_write_time(entry_ec);
    c.bytes = it->file_size(entry_ec);
    if (!entry_ec) out.push_back(std::move(c));  // vanished meanwhile: not ours to count
  }
  return out;
}

BudgetResult enforce_clip_budget(const fs::path& folder, std::uintmax_t max_bytes) {
  const auto clips = list_clips(folder);
  const BudgetPlan plan = plan_clip_budget(clips, max_bytes);
  BudgetResult result;
  result.bytes_after = plan.bytes_after;
  for (const auto& p : plan.remove) {
    std::error_code ec;
    if (fs::remove(p, ec)) {
      result.removed.push_back(p);
      continue;
    }
    if (ec) result.errors.push_back("cannot remove the clip " + p.string() + " (" + ec.message() + ")");
    // Still there (or unreadable): it still takes its space.
    const auto it = std::find_if(clips.begin(), clips.end(), [&](const StoredClip& c) { return c.path == p; });
    if (ec && it != clips.end()) result.bytes_after += it->bytes;
  }
  result.within_budget = result.bytes_after <= max_bytes;
  return result;
}

std::vector<fs::path> remove_stale_partial_clips(const fs::path& folder, fs::file_time_type::duration min_age) {
  std::vector<fs::path> removed;
  const auto now = fs::file_time_type::clock::now();
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (!is_clip_partial_path(it->path()) || !it->is_regular_file(entry_ec)) continue;
    const auto written = it->last_write_time(entry_ec);
    if (entry_ec || now - written < min_age) continue;
    if (fs::remove(it->path(), entry_ec)) removed.push_back(it->path());
  }
  return removed;
}

}  // namespace hemitrack
