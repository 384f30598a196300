#pragma once
// Runs work on a thread of idle priority (Linux SCHED_IDLE), one job at a time, for a caller that
// waits for each job. Work done there, and any thread it starts (a video encoder's workers),
// takes only the processor time nothing else wants, and gives way the moment a live thread
// (drawing, analysis) wakes; `nice` only shrinks a thread's share, and still delayed live frames.
//
// The caller is the thread that shares locks with others: an idle thread must never hold a lock
// that a normal thread waits for, since on a busy machine it may not run again for a long time.
// So jobs should touch only what the caller owns, and the caller keeps its own priority (an
// unprivileged thread cannot leave SCHED_IDLE once in it).
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace hemitrack {

class IdleThread {
 public:
  IdleThread();
  ~IdleThread();  // after the job in progress, if any
  IdleThread(const IdleThread&) = delete;
  IdleThread& operator=(const IdleThread&) = delete;

  // Runs `job` on the idle thread and returns when it has; an exception it throws is rethrown here.
  void run(const std::function<void()>& job);
  // Whether the system granted idle priority; if not, jobs run at the priority the caller had.
  bool idle() const { return idle_; }

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const std::function<void()>* job_ = nullptr;
  std::exception_ptr failure_;
  bool stopping_ = false;
  bool idle_ = false;
  bool started_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace hemitrack
