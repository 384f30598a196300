// The idle-priority worker clips are encoded on: where jobs run, at what priority, and what
// happens to their exceptions. Tagged [idle_priority]: CTest runs these alone (tests/CMakeLists.txt).
#include "storage/idle_thread.h"

#include <catch2/catch.hpp>

#include <sched.h>

#include <stdexcept>
#include <thread>
#include <vector>

using namespace hemitrack;

TEST_CASE("idle_thread: jobs run in turn on another thread at idle priority, and so do threads they start", "[idle_priority]") {
  IdleThread worker;
  REQUIRE(worker.idle());  // any thread may lower its own priority; Linux never refuses SCHED_IDLE
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<int> order;
  std::thread::id ran_on;
  int job_policy = -1, started_policy = -1;
  for (int i = 0; i < 3; ++i) {
    worker.run([&] {
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

TEST_CASE("idle_thread: a job's exception reaches the caller, and the next job still runs", "[idle_priority]") {
  IdleThread worker;
  CHECK_THROWS_WITH(worker.run([] { throw std::runtime_error("encoder broke"); }), "encoder broke");
  bool ran = false;
  worker.run([&] { ran = true; });
  CHECK(ran);
}
