#include "storage/idle_thread.h"

#include <pthread.h>
#include <sched.h>

#include <utility>

namespace hemitrack {

IdleThread::IdleThread() : thread_([this] { loop(); }) {
  // Jobs must not start before the thread has asked for its priority, or the first one (which may
  // start a video encoder's workers) would run, and start them, at the caller's.
  std::unique_lock lock(mutex_);
  done_.wait(lock, [&] { return started_; });
}

IdleThread::~IdleThread() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void IdleThread::run(const std::function<void()>& job) {
  std::unique_lock lock(mutex_);
  job_ = &job;
  failure_ = nullptr;
  wake_.notify_one();
  done_.wait(lock, [&] { return job_ == nullptr; });
  if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
}

void IdleThread::loop() {
  const sched_param none{};
  const bool idle = pthread_setschedparam(pthread_self(), SCHED_IDLE, &none) == 0;
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
