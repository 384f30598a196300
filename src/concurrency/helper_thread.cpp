#include "concurrency/helper_thread.h"

#include <pthread.h>
#include <sched.h>

#include <utility>

namespace hemitrack {

HelperThread::HelperThread(Priority priority) : thread_([this, priority] { loop(priority); }) {
  // No job may start before the thread has its priority, or the first one (which may start a
  // video encoder's workers) would run, and start them, at the caller's.
  std::unique_lock lock(mutex_);
  done_.wait(lock, [&] { return started_; });
}

HelperThread::~HelperThread() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void HelperThread::run(const std::function<void()>& on_helper, const std::function<void()>& on_caller) {
  {
    std::lock_guard lock(mutex_);
    job_ = &on_helper;
    failure_ = nullptr;
  }
  wake_.notify_one();
  if (on_caller) on_caller();
  std::unique_lock lock(mutex_);
  done_.wait(lock, [&] { return job_ == nullptr; });
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

void HelperThread::loop(Priority priority) {
  const sched_param none{};
  const bool idle = priority == Priority::idle && pthread_setschedparam(pthread_self(), SCHED_IDLE, &none) == 0;
  std::unique_lock lock(mutex_);
  idle_ = idle;
  started_ = true;
  done_.notify_one();
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || job_ != nullptr; });
    if (!job_) return;  // stopping, with nothing left to run
    const std::function<void()>& job = *job_;
    lock.unlock();
    std::exception_ptr failure;
    try {
      job();
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    failure_ = failure;
    job_ = nullptr;
    done_.notify_one();
  }
}

}  // namespace hemitrack
