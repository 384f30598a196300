#include "apps/cli/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace hemitrack {

ProgressBar::ProgressBar()
    : enabled_(isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void ProgressBar::update(std::int64_t done, std::int64_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? done / elapsed : 0.0;
  if (total > 0) {
    const double f = std::clamp(static_cast<double>(done) / static_cast<double>(total), 0.0, 1.0);
    constexpr int kWidth = 30;
    char bar[kWidth + 1];
    const int filled = static_cast<int>(f * kWidth);
    for (int i = 0; i < kWidth; ++i) bar[i] = i < filled ? '#' : '-';
    bar[kWidth] = '\0';
    const double eta = rate > 0 ? (total - done) / rate : 0.0;
    std::fprintf(stderr, "\r[%s] %3.0f%%  %lld/%lld frames  %.0f fps  %.0f s left ", bar, f * 100.0,
                 static_cast<long long>(done), static_cast<long long>(total), rate, eta);
  } else {
    std::fprintf(stderr, "\r%lld frames  %.0f fps ", static_cast<long long>(done), rate);
  }
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\n");
}

}  // namespace hemitrack
