#include "ui/dashboard_model.h"

#include <algorithm>

namespace hemitrack::ui {

void MedianMeter::add(double value) {
  values_.push_back(value);
  if (values_.size() > keep_) values_.pop_front();
}

double MedianMeter::median() const {
  if (values_.empty()) return 0.0;
  std::vector<double> v(values_.begin(), values_.end());
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

void DashboardModel::apply(LiveUpdate u) {
  if (u.session_restarted) {
    const double span = trace_span_s;
    *this = DashboardModel{};
    trace_span_s = span;
  }
  state = u.state;
  message = std::move(u.message);
  source = std::move(u.source);
  demo = u.demo;
  summary = u.summary;
  calibration = std::move(u.calibration);
  stats = u.stats;
  storage = std::move(u.storage);
  if (u.newest) {
    frame = std::move(u.newest);
    frame_changed = true;
    unshown_capture_ = frame->captured_at;
    now_s = frame->analysis.time_s;
    if (!session_start_s) session_start_s = now_s;
  }
  for (auto& s : u.signals) trace.push_back(s);
  // Keep a second beyond the plotted span so the left edge never shows a gap while scrolling.
  while (!trace.empty() && trace.front().time_s < now_s - trace_span_s - 1.0) trace.pop_front();
  std::move(u.events.begin(), u.events.end(), std::back_inserter(events));
  std::move(u.blinks.begin(), u.blinks.end(), std::back_inserter(blinks));
  for (auto& p : u.peaks) peaks[p.event_id] = std::move(p);
}

void DashboardModel::frame_shown(LiveClock::time_point shown_at) {
  if (!unshown_capture_) return;
  display_latency_ms.add(std::chrono::duration<double, std::milli>(shown_at - *unshown_capture_).count());
  unshown_capture_.reset();
}

double DashboardModel::events_per_minute_last_5min() const {
  return session_start_s ? recent_events_per_minute(events, *session_start_s, now_s, 300.0) : 0.0;
}

}  // namespace hemitrack::ui
