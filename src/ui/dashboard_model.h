#pragma once
// What the dashboard shows, accumulated on the UI thread from the live session's updates. The
// panels only read this; nothing here computes detection.
#include "runtime/live_session.h"

#include <deque>
#include <map>
#include <optional>
#include <vector>

namespace hemitrack::ui {

// Running median of the last samples: the latency figure in the status bar.
class MedianMeter {
 public:
  explicit MedianMeter(std::size_t keep = 300) : keep_(keep) {}
  void add(double value);
  double median() const;
  std::size_t count() const { return values_.size(); }

 private:
  std::size_t keep_;
  std::deque<double> values_;
};

struct DashboardModel {
  double trace_span_s = 30.0;
  LiveState state = LiveState::loading_model;
  std::string message;
  SourceInfo source;
  bool demo = false;
  std::optional<LiveFrame> frame;      // newest analysed frame
  bool frame_changed = false;          // since the last frame drawn (the video texture needs it)
  std::deque<FrameSignals> trace;      // a little more than trace_span_s
  std::vector<TwitchEvent> events;
  std::vector<Blink> blinks;
  std::map<int, PeakFrame> peaks;      // by event id
  SessionSummary summary;
  CalibrationStatus calibration;
  LiveStats stats;
  LiveStorageStatus storage;
  std::optional<double> session_start_s;
  double now_s = 0.0;                  // stream time of the newest analysed frame
  MedianMeter display_latency_ms;      // capture to shown on screen
  MedianMeter draw_ms;                 // laying out, rendering and presenting one UI frame
  std::optional<int> selected_event;   // id, from the event log

  void apply(LiveUpdate update);
  // Called once the frame holding the newest analysed frame is on screen.
  void frame_shown(LiveClock::time_point shown_at);
  double events_per_minute_last_5min() const;

 private:
  std::optional<LiveClock::time_point> unshown_capture_;
};

}  // namespace hemitrack::ui
