#include "ui/palette.h"
#include "ui/panels.h"
#include "ui/time_plot.h"

#include <imgui.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace hemitrack::ui {
namespace {

// One signal of both sides, as plot-ready columns; NaN where the frame carried no signal.
struct SideColumns {
  std::vector<float> x;
  std::array<std::vector<float>, 2> y;
};

template <typename Pick>
SideColumns columns(const DashboardModel& model, Pick pick) {
  SideColumns out;
  out.x.reserve(model.trace.size());
  for (auto& y : out.y) y.reserve(model.trace.size());
  for (const FrameSignals& s : model.trace) {
    out.x.push_back(static_cast<float>(s.time_s - model.now_s));
    for (Side side : kBothSides) {
      const auto i = static_cast<std::size_t>(index_of(side));
      out.y[i].push_back(s.valid ? static_cast<float>(pick(s, i)) : std::numeric_limits<float>::quiet_NaN());
    }
  }
  return out;
}

void seconds_ago(double value, char* buf, int size, void*) {
  if (std::abs(value) < 1e-6)
    std::snprintf(buf, static_cast<std::size_t>(size), "now");
  else
    std::snprintf(buf, static_cast<std::size_t>(size), "%.0f s", value);
}

}  // namespace

ScreenRect draw_traces_panel(const DashboardModel& model, ImVec2 size) {
  const float span = static_cast<float>(model.trace_span_s);
  std::vector<PlotSpan> spans;
  for (const TwitchEvent& e : model.events)
    if (e.end_s >= model.now_s - span)
      spans.push_back({static_cast<float>(e.start_s - model.now_s), static_cast<float>(e.end_s - model.now_s),
                       side_colour(e.side, 70)});
  std::vector<PlotMarker> markers;
  for (const Blink& b : model.blinks)
    if (b.end_s >= model.now_s - span)
      markers.push_back({static_cast<float>((b.start_s + b.end_s) * 0.5 - model.now_s), kBlinkMarker});

  struct Row {
    const char* id;
    const char* title;
    float y_min, y_max;
    bool fit_y;
    SideColumns data;
  };
  std::array<Row, 3> rows = {{
      {"eye", "Eye closure (0 open, 1 closed); grey ticks on top: blinks", 0.0f, 1.0f, false,
       columns(model, [](const FrameSignals& s, std::size_t i) { return s.closure[i]; })},
      {"mouth", "Mouth corner rise (eye-distance units)", -0.02f, 0.08f, true,
       columns(model, [](const FrameSignals& s, std::size_t i) { return s.mouth[i]; })},
      {"brow", "Brow height (eye-distance units)", -0.08f, 0.08f, true,
       columns(model, [](const FrameSignals& s, std::size_t i) { return s.brow[i]; })},
  }};

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float gap = ImGui::GetStyle().ItemSpacing.y;
  const float height = (size.y - 2 * gap) / 3.0f;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    Row& row = rows[i];
    const std::array<PlotSeries, 2> series = {{
        {"right", side_colour(Side::right), row.data.x, row.data.y[0], 2.0f},
        {"left", side_colour(Side::left), row.data.x, row.data.y[1], 2.0f},
    }};
    PlotOptions o;
    o.title = row.title;
    o.x_min = -span;
    o.x_max = 0.0f;
    o.y_min = row.y_min;
    o.y_max = row.y_max;
    o.fit_y = row.fit_y;
    o.max_y_ticks = 4;
    o.x_tick_formatter = seconds_ago;
    o.min_y_label_width = ImGui::CalcTextSize("-0.00").x;
    o.y_tick_format = "%.2g";
    time_plot(row.id, ImVec2(size.x, height), o, series, spans,
              i == 0 ? std::span<const PlotMarker>(markers) : std::span<const PlotMarker>());
  }
  return {origin.x, origin.y, size.x, size.y};
}

}  // namespace hemitrack::ui
