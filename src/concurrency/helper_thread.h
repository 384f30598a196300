#pragma once
// One helper thread that runs a job at a time for a caller that waits for it, optionally at idle
// priority. Used for the two independent per-side landmark fits (vision/side_fitter.h: on two
// cores they take the time of one) and for encoding clips (storage/clip_encoder.cpp).
//
// Idle priority (Linux SCHED_IDLE): the job, and every thread it starts (a video encoder's
// workers), takes only the processor time nothing else wants and gives way the moment a live
// thread (drawing, analysis) wakes; `nice` only shrinks a thread's share, and still delayed live
// frames. Such a job must not take a lock a normal thread waits for: on a busy machine an idle
// thread may not run again for a long time. So the caller keeps the shared locks and its own
// priority (an unprivileged thread cannot leave SCHED_IDLE once in it).
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace hemitrack {

class HelperThread {
 public:
  enum class Priority { normal, idle };

  explicit HelperThread(Priority priority = Priority::normal);
  ~HelperThread();  // after the job in progress, if any
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

  // Runs `on_helper` on the helper thread and `on_caller` (if any) on this one, and returns when
  // both are done. An exception from `on_helper` is rethrown here.
  void run(const std::function<void()>& on_helper, const std::function<void()>& on_caller = {});
  // Whether the helper runs at idle priority (asked for, and granted by the system).
  bool idle() const { return idle_; }

 private:
  void loop(Priority priority);

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
