// The helper thread behind the per-side landmark fits and idle-priority clip encoding: where and
// when jobs run, at what priority, and what happens to their exceptions. Tests tagged
// [idle_priority] run alone under CTest (tests/CMakeLists.txt).
#include "concurrency/helper_thread.h"

#include <catch2/catch.hpp>

#include <sched.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace hemitrack;

TEST_CASE("helper_thread: the helper's job and the caller's run at the same time") {
  HelperThread helper;
  CHECK_FALSE(helper.idle());
  // Each job waits for the other to start: done one after the other, both would time out.
  std::atomic<bool> helper_started{false}, caller_started{false};
  bool helper_saw_caller = false, caller_saw_helper = false;
  const auto wait_for = [](const std::atomic<bool>& flag) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!flag && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    return flag.load();
  };
  helper.run(
      [&] {
        helper_started = true;
        helper_saw_caller = wait_for(caller_started);
      },
      [&] {
        caller_started = true;
        caller_saw_helper = wait_for(helper_started);
      });
  CHECK(helper_saw_caller);
  CHECK(caller_saw_helper);
}

TEST_CASE("helper_thread: at idle priority, jobs run in turn on the helper, and so do threads they start", "[idle_priority]") {
  HelperThread helper(HelperThread::Priority::idle);
  REQUIRE(helper.idle());  // any thread may lower its own priority; Linux never refuses SCHED_IDLE
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<int> order;
  std::thread::id ran_on;
  int job_policy = -1, started_policy = -1;
  for (int i = 0; i < 3; ++i) {
    helper.run([&] {
      order.push_back(i);
      ran_on = std::this_thread::get_id();
      job_policy = sched_getscheduler(0);
      // What a video encoder does when it opens: start workers of its own.
      std::thread started([&] { started_policy = sched_getscheduler(0); });
      started.join();
    });
  }
  CHECK(order == std::vector<int>{0, 1, 2});  // run() returned only after each job
  CHECK(ran_on != caller);
  CHECK(job_policy == SCHED_IDLE);
  CHECK(started_policy == SCHED_IDLE);
  CHECK(sched_getscheduler(0) != SCHED_IDLE);  // the caller keeps its own priority
}

TEST_CASE("helper_thread: a job's exception reaches the caller, and the next job still runs", "[idle_priority]") {
  HelperThread helper(HelperThread::Priority::idle);
  CHECK_THROWS_WITH(helper.run([] { throw std::runtime_error("encoder broke"); }), "encoder broke");
  bool ran = false;
  helper.run([&] { ran = true; });
  CHECK(ran);
}
