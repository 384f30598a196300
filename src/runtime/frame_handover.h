#pragma once
// Hands frames from the capture thread to the analysis thread, one at a time.
//
// A camera cannot wait: when analysis is still busy with the previous frame, the newest frame
// replaces the waiting one (latest wins) and the replaced frame is counted as dropped. A file can
// wait: the reader blocks instead, so every frame of a file is analysed, as `hemitrack analyze`
// does, and the dashboard's counts equal the command line's.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

namespace hemitrack {

template <typename T>
class FrameHandover {
 public:
  enum class Policy { latest_wins, wait_for_space };

  explicit FrameHandover(Policy policy) : policy_(policy) {}

  // A session can move from a file (the demo) to a camera and back.
  void set_policy(Policy policy) {
    std::lock_guard lock(mutex_);
    policy_ = policy;
    space_.notify_all();
  }

  // Returns false once closed (the item is discarded).
  bool put(T item) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return closed_ || !slot_ || policy_ == Policy::latest_wins; });
    if (closed_) return false;
    if (slot_) ++dropped_;
    slot_ = std::move(item);
    ready_.notify_one();
    return true;
  }

  // Waits for an item; nothing once closed and drained.
  std::optional<T> take() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || slot_; });
    std::optional<T> out = std::move(slot_);
    slot_.reset();
    space_.notify_one();
    return out;
  }

  // Ends the hand-over: the taker drains what is waiting, a blocked put returns false.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_all();
    space_.notify_all();
  }

  std::int64_t dropped() const {
    std::lock_guard lock(mutex_);
    return dropped_;
  }

 private:
  Policy policy_;
  mutable std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::optional<T> slot_;
  std::int64_t dropped_ = 0;
  bool closed_ = false;
};

}  // namespace hemitrack
