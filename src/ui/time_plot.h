#pragma once
// A time-series plot drawn with ImGui's draw list: ImPlot is not available, and the dashboard only
// needs fixed-window line traces with shaded events and tick marks.
#include <imgui.h>

#include <span>
#include <vector>

namespace hemitrack::ui {

// Ascending multiples of a 1, 2 or 5 x 10^k step inside [lo, hi], at most max_ticks of them (and
// never more than 64). Reversed bounds are swapped, lo == hi gives {lo}, and non-finite bounds or
// max_ticks < 1 give {}: axis code calls this every frame with whatever range the data produced.
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);

struct PlotSeries {
  const char* label = nullptr;  // nullptr or "": not in the legend or the hover readout
  ImU32 color = IM_COL32_WHITE;
  // Pairs up to the shorter span. x need not be sorted, but the hover readout picks the nearest x.
  std::span<const float> x;
  // NaN breaks the line, so frames without a face show as a gap rather than an invented signal.
  std::span<const float> y;
  float thickness = 1.5f;
};

// A band over the whole plot height, drawn under the traces (alpha in `color` decides how faint).
struct PlotSpan {
  float x0 = 0.0f, x1 = 0.0f;
  ImU32 color = 0;
};

// A short tick hanging from the top edge: marks instants (blinks) without hiding the traces.
struct PlotMarker {
  float x = 0.0f;
  ImU32 color = 0;
};

// Writes the label of tick value `value` into buf (buf_size >= 1, keep it NUL-terminated).
using TickFormatter = void (*)(double value, char* buf, int buf_size, void* user_data);

struct PlotOptions {
  // Drawn above the plot area on the left; doubles as the y-axis name since ImGui cannot rotate
  // text.
  const char* title = nullptr;
  float x_min = 0.0f, x_max = 1.0f;  // a non-finite or empty range falls back to [x_min, x_min + 1]
  float y_min = 0.0f, y_max = 1.0f;
  // Grow [y_min, y_max] to take in every visible sample, rounded out to a tenth of the range so
  // the axis moves in steps. Never shrinks below [y_min, y_max]: fitting a quiet trace would
  // magnify noise until it looks like a twitch.
  bool fit_y = false;
  // Upper bounds; 0 means as many as the size allows. Fewer are drawn when labels would overlap.
  int max_x_ticks = 0;
  int max_y_ticks = 0;
  // x ticks are chosen nice in (x - x_label_origin): passing "now" as the origin of a scrolling
  // window keeps the labels fixed at -30 s ... 0 s instead of crawling with absolute time.
  float x_label_origin = 0.0f;
  const char* x_tick_format = "%g";  // printf format given (x - x_label_origin) as a double
  TickFormatter x_tick_formatter = nullptr;  // overrides x_tick_format, e.g. for "30 s ago"
  void* x_tick_user_data = nullptr;
  const char* y_tick_format = "%g";
  // Room reserved for the y tick labels. Stacked plots pass the same value, e.g.
  // ImGui::CalcTextSize("-0.00").x, so their time axes line up although their labels differ.
  float min_y_label_width = 0.0f;
  bool legend = true;         // one row at the top right, beside the title, so it covers no data
  bool hover_readout = true;  // cursor line and a tooltip with each series' nearest sample
};

// Where the plot went, so callers can overlay their own drawing or map clicks to data.
struct PlotResult {
  ImVec2 plot_min, plot_max;  // the data area in screen coordinates (inside the item rect)
  float x_min = 0.0f, x_max = 1.0f, y_min = 0.0f, y_max = 1.0f;  // the ranges used, after fit_y
  bool hovered = false;  // the mouse is over the data area
  float hover_x = 0.0f;  // data x under the mouse when hovered
};

// One ImGui item (an InvisibleButton, so dragging on it does not move the window). A width <= 0
// fills the available width; a height <= 0 gives 8 text lines. Call with a unique id per plot.
PlotResult time_plot(const char* id, ImVec2 size, const PlotOptions& options,
                     std::span<const PlotSeries> series, std::span<const PlotSpan> spans = {},
                     std::span<const PlotMarker> markers = {});

}  // namespace hemitrack::ui
