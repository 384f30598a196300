// Test helper for the crash test in test_session_store.cpp: records a live-like session until it
// is killed. Usage: session_writer <database>
//
// Prints, one line each, flushed at once:
//   session <id>          once the session is begun
//   event <n> at <t>      after event n (at session time t) was committed
//   frames to <t>         after the frames up to time t were handed to the store
//   error <message>       when a write fails (then exits with 1)
#include "storage/session_store.h"

#include <chrono>
#include <cstdio>
#include <thread>

using namespace hemitrack;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: session_writer <database>\n");
    return 2;
  }
  auto opened = SessionStore::open(argv[1]);
  if (auto* e = std::get_if<StoreError>(&opened)) {
    std::printf("error %s\n", e->message.c_str());
    return 1;
  }
  SessionStore& store = std::get<SessionStore>(opened);
  SessionInfo info;
  info.source = "crash test";
  auto begun = store.begin_session(info);
  if (auto* e = std::get_if<StoreError>(&begun)) {
    std::printf("error %s\n", e->message.c_str());
    return 1;
  }
  const SessionId id = std::get<SessionId>(begun);
  std::printf("session %lld\n", static_cast<long long>(id));
  std::fflush(stdout);

  const auto start = std::chrono::steady_clock::now();
  int events = 0;
  double next_event = 0.1, next_blink = 0.25;
  for (int frame = 0;; ++frame) {
    const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    FrameSignals s;
    s.time_s = t;
    s.face_found = s.valid = s.settled = true;
    s.closure = {0.1 + 0.001 * (frame % 100), 0.05};
    if (auto e = store.add_signals(id, std::span<const FrameSignals>(&s, 1))) {
      std::printf("error %s\n", e->message.c_str());
      return 1;
    }
    std::printf("frames to %.4f\n", t);
    if (t >= next_event) {
      TwitchEvent ev;
      ev.id = ++events;
      ev.start_s = t - 0.05;
      ev.end_s = t;
      ev.side = Side::left;
      ev.regions = {Region::eye};
      ev.peak_closure = 0.7;
      if (auto e = store.add_event(id, ev)) {
        std::printf("error %s\n", e->message.c_str());
        return 1;
      }
      std::printf("event %d at %.4f\n", ev.id, t);
      next_event += 0.1;
    }
    if (t >= next_blink) {
      const Blink b{t - 0.2, t, 0.9, 0.9};
      if (auto e = store.add_blinks(id, std::span<const Blink>(&b, 1))) {
        std::printf("error %s\n", e->message.c_str());
        return 1;
      }
      next_blink += 0.5;
    }
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::milliseconds(16));  // about 60 frames a second
  }
}
