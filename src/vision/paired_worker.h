#pragma once
// Runs one job on a dedicated helper thread while the caller runs another, then joins both.
// Used for the two independent per-side landmark fits: on two cores they take the time of one.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace hemitrack {

class PairedWorker {
 public:
  PairedWorker();
  ~PairedWorker();
  PairedWorker(const PairedWorker&) = delete;
  PairedWorker& operator=(const PairedWorker&) = delete;

  // Runs `on_helper` on the helper thread and `on_caller` here; returns when both are done.
  // Requires: neither job throws (both are plain computations on data they own).
  void run(const std::function<void()>& on_helper, const std::function<void()>& on_caller);

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const std::function<void()>* job_ = nullptr;
  bool busy_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace hemitrack
