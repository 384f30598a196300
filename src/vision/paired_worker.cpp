#include "vision/paired_worker.h"

namespace hemitrack {

PairedWorker::PairedWorker() : thread_([this] { loop(); }) {}

PairedWorker::~PairedWorker() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void PairedWorker::run(const std::function<void()>& on_helper, const std::function<void()>& on_caller) {
  {
    std::lock_guard lock(mutex_);
    job_ = &on_helper;
    busy_ = true;
  }
  wake_.notify_one();
  on_caller();
  std::unique_lock lock(mutex_);
  done_.wait(lock, [this] { return !busy_; });
}

void PairedWorker::loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || busy_; });
    if (stop_) return;
    const std::function<void()>* job = job_;
    lock.unlock();
    (*job)();
    lock.lock();
    busy_ = false;
    job_ = nullptr;
    done_.notify_one();
  }
}

}  // namespace hemitrack
