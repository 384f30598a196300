#include "ui/time_plot.h"

#include "ui/opaque_draw.h"

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdio>
#include <utility>

namespace hemitrack::ui {
namespace {

constexpr int kMaxTicks = 64;
constexpr int kLabelSize = 32;

struct Tick {
  double value;
  float pos;  // screen coordinate along the axis
  float width;
  char label[kLabelSize];
};

// nice_ticks without the allocation, for the every-frame path. Returns how many were written.
int nice_ticks_into(double lo, double hi, int max_ticks, double* out) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 1) return 0;
  if (lo > hi) std::swap(lo, hi);
  max_ticks = std::min(max_ticks, kMaxTicks);
  const double span = hi - lo;
  if (!std::isfinite(span)) return 0;
  // Below ~1e-12 relative the multiples are no longer distinct doubles.
  if (span <= std::max(std::abs(lo), std::abs(hi)) * 1e-12) {
    out[0] = lo;
    return 1;
  }
  const double decade = std::pow(10.0, std::floor(std::log10(span / max_ticks)));
  if (!(decade > 0.0) || !std::isfinite(decade)) {
    out[0] = lo;
    return 1;
  }
  // The first step is <= span / max_ticks; the count falls below max_ticks within two decades.
  constexpr double kMantissas[] = {1.0, 2.0, 5.0};
  double previous_step = 0.0;
  double scale = 1.0;
  for (int i = 0; i < 15; ++i) {
    if (i > 0 && i % 3 == 0) scale *= 10.0;
    const double step = kMantissas[i % 3] * decade * scale;
    const double k0 = std::ceil(lo / step - 1e-9);
    const double k1 = std::floor(hi / step + 1e-9);
    if (k1 - k0 + 1.0 > max_ticks) {
      previous_step = step;
      continue;
    }
    int n = 0;
    for (double k = k0; k <= k1; k += 1.0) {
      const double v = std::clamp(k * step, lo, hi);
      out[n++] = v == 0.0 ? 0.0 : v;  // no "-0" labels from ceil(-0.3)
    }
    if (n == 0 && previous_step > 0.0) {
      // Only with max_ticks == 1: the coarser step skipped the range, the finer one had >= 2
      // multiples inside, so the one of those nearest the middle is inside too.
      const double v = std::clamp(std::round((lo + hi) / 2.0 / previous_step) * previous_step, lo, hi);
      out[n++] = v == 0.0 ? 0.0 : v;
    }
    return n;
  }
  return 0;
}

void format_x(const PlotOptions& o, double value, char* buf, int size) {
  buf[0] = '\0';
  if (o.x_tick_formatter != nullptr) {
    o.x_tick_formatter(value, buf, size, o.x_tick_user_data);
    buf[size - 1] = '\0';
  } else {
    std::snprintf(buf, static_cast<std::size_t>(size), o.x_tick_format ? o.x_tick_format : "%g", value);
  }
}

void format_y(const PlotOptions& o, double value, char* buf, int size) {
  std::snprintf(buf, static_cast<std::size_t>(size), o.y_tick_format ? o.y_tick_format : "%g", value);
}

bool has_label(const PlotSeries& s) { return s.label != nullptr && s.label[0] != '\0'; }

// Turns a stream of on-screen points into polylines of at most two points per column of
// kColumnPx pixels: the column's lowest and highest, in the order they came (and a run's very
// first and last point, so a line still starts and ends where its data does). Every peak and
// trough keeps its height; only the order of wiggles narrower than a column is lost. Vertices are
// what a software renderer (Mesa's llvmpipe, without a GPU) pays for: the dashboard's 30 s traces
// drew over a point per pixel, 7500 triangles a frame and ~2 ms of its latency (docs/latency.md).
class PolylineBuilder {
 public:
  static constexpr float kColumnPx = 3.0f;

  PolylineBuilder(ImDrawList* draw, ImU32 color, float thickness, std::vector<ImVec2>& buffer)
      : draw_(draw), color_(color), thickness_(thickness), out_(buffer) {
    out_.clear();
  }

  void add(ImVec2 p) {
    const int column = static_cast<int>(std::floor(p.x / kColumnPx));
    if (count_ == 0 || column != column_) {
      flush_column();
      if (out_.empty()) push(p);  // the run's first point
      column_ = column;
      min_ = max_ = last_ = p;
      min_first_ = true;
      count_ = 1;
      return;
    }
    // Screen y grows downwards; "min" and "max" are only the two vertical extremes.
    if (p.y < min_.y) { min_ = p; min_first_ = false; }
    if (p.y > max_.y) { max_ = p; min_first_ = true; }
    last_ = p;
    ++count_;
  }

  void end_run() {
    if (count_ == 0) return;  // no point since the last run ended
    flush_column();
    push(last_);  // the run's last point
    if (out_.size() >= 2) {
      draw_->AddPolyline(out_.data(), static_cast<int>(out_.size()), color_, 0, thickness_);
    } else if (out_.size() == 1) {
      // A sample between two gaps would otherwise vanish.
      const float r = std::max(1.0f, thickness_);
      draw_->AddRectFilled(ImVec2(out_[0].x - r, out_[0].y - r), ImVec2(out_[0].x + r, out_[0].y + r), color_);
    }
    out_.clear();
  }

 private:
  void push(ImVec2 p) {
    if (out_.empty() || out_.back().x != p.x || out_.back().y != p.y) out_.push_back(p);
  }

  void flush_column() {
    if (count_ == 0) return;
    if (min_first_) { push(min_); push(max_); } else { push(max_); push(min_); }
    count_ = 0;
  }

  ImDrawList* draw_;
  ImU32 color_;
  float thickness_;
  std::vector<ImVec2>& out_;
  int column_ = INT_MIN;
  int count_ = 0;
  ImVec2 min_, max_, last_;
  bool min_first_ = true;  // which extreme came first (the later-set one came last)
};

struct Mapping {
  double x_lo, x_hi, y_lo, y_hi;
  float left, bottom;  // screen position of (x_lo, y_lo)
  double sx, sy;       // pixels per unit; screen y grows downwards

  float screen_x(double x) const { return static_cast<float>(left + (x - x_lo) * sx); }
  float screen_y(double y) const {
    // Far-off values stay finite floats; the slope error this causes inside the plot is < 0.01 px.
    const double py = bottom - (y - y_lo) * sy;
    return static_cast<float>(std::clamp(py, double{bottom} - 1e5, double{bottom} + 1e5));
  }
};

void draw_series(ImDrawList* draw, const Mapping& m, const PlotSeries& s, std::vector<ImVec2>& buffer) {
  PolylineBuilder line(draw, s.color, s.thickness, buffer);
  const std::size_t n = std::min(s.x.size(), s.y.size());
  bool have_previous = false;
  double x0 = 0.0, y0 = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double x1 = s.x[i];
    const double y1 = std::clamp(double{s.y[i]}, -double{FLT_MAX}, double{FLT_MAX});
    if (!std::isfinite(x1) || std::isnan(y1)) {
      line.end_run();
      have_previous = false;
      continue;
    }
    if (!have_previous) {
      have_previous = true;
      x0 = x1;
      y0 = y1;
      if (x1 >= m.x_lo && x1 <= m.x_hi) line.add(ImVec2(m.screen_x(x1), m.screen_y(y1)));
      continue;
    }
    // Clip the segment to [x_lo, x_hi] in data space, so no vertex lands outside the plot and
    // huge x values never reach float screen coordinates.
    double t0 = 0.0, t1 = 1.0;
    const double dx = x1 - x0;
    if (dx == 0.0) {
      if (x1 < m.x_lo || x1 > m.x_hi) t0 = 2.0;
    } else {
      const double ta = (m.x_lo - x0) / dx, tb = (m.x_hi - x0) / dx;
      t0 = std::max(t0, std::min(ta, tb));
      t1 = std::min(t1, std::max(ta, tb));
    }
    if (t0 <= t1) {
      const auto at = [&](double t) {
        return ImVec2(m.screen_x(t >= 1.0 ? x1 : x0 + t * dx), m.screen_y(t >= 1.0 ? y1 : y0 + t * (y1 - y0)));
      };
      if (t0 > 0.0) {
        line.end_run();  // entering from outside: whatever came before is not connected
        line.add(at(t0));
      }
      line.add(at(t1));
      if (t1 < 1.0) line.end_run();
    }
    x0 = x1;
    y0 = y1;
  }
  line.end_run();
}

// How many ticks fit along `length` pixels when each needs `spacing`.
float to_float(double v) { return static_cast<float>(std::clamp(v, -double{FLT_MAX}, double{FLT_MAX})); }

int ticks_that_fit(float length, float spacing) {
  return std::clamp(static_cast<int>(length / std::max(spacing, 1.0f)) + 1, 1, kMaxTicks);
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
  double ticks[kMaxTicks];
  const int n = nice_ticks_into(lo, hi, max_ticks, ticks);
  return std::vector<double>(ticks, ticks + n);
}

PlotResult time_plot(const char* id, ImVec2 size, const PlotOptions& o, std::span<const PlotSeries> series,
                     std::span<const PlotSpan> spans, std::span<const PlotMarker> markers) {
  const float font = ImGui::GetFontSize();
  const float pad = std::max(2.0f, std::round(font * 0.25f));

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float width = std::max(size.x > 0.0f ? size.x : avail.x, font * 6.0f);
  const float height = std::max(size.y > 0.0f ? size.y : ImGui::GetTextLineHeightWithSpacing() * 8.0f, font * 4.0f);
  ImGui::InvisibleButton(id, ImVec2(width, height));
  const ImVec2 item_min = ImGui::GetItemRectMin();
  const ImVec2 item_max = ImGui::GetItemRectMax();
  const bool item_hovered = ImGui::IsItemHovered();
  const bool visible = ImGui::IsItemVisible();

  // Ranges.
  double x_lo = o.x_min, x_hi = o.x_max;
  if (!std::isfinite(x_lo)) x_lo = 0.0;
  if (!std::isfinite(x_hi) || !(x_hi > x_lo)) x_hi = x_lo + 1.0;
  double y_lo = o.y_min, y_hi = o.y_max;
  if (!std::isfinite(y_lo)) y_lo = 0.0;
  if (!std::isfinite(y_hi) || !(y_hi > y_lo)) y_hi = y_lo + 1.0;

  // Vertical layout: header (title + legend), frame, x labels.
  bool any_legend = false;
  if (o.legend) {
    for (const PlotSeries& s : series) any_legend = any_legend || has_label(s);
  }
  const bool has_title = o.title != nullptr && o.title[0] != '\0';
  const float header_h = (has_title || any_legend) ? font + pad : 0.0f;
  const float frame_top = item_min.y + header_h;
  const float frame_bottom = std::max(frame_top + 2.0f, item_max.y - font - pad);
  // Keeps lines at exactly y_min / y_max from being half hidden under the frame edge.
  const float inset = std::max(2.0f, std::round(font * 0.2f));
  const float data_top = frame_top + inset;
  const float data_bottom = std::max(data_top + 1.0f, frame_bottom - inset);
  const float data_h = data_bottom - data_top;

  // y ticks: spacing first (needs only the height), then their widths decide the left margin.
  int max_y = ticks_that_fit(data_h, font * 1.75f);
  if (o.max_y_ticks > 0) max_y = std::min(o.max_y_ticks, ticks_that_fit(data_h, font * 1.1f));
  double y_values[kMaxTicks];
  if (o.fit_y) {
    double lo = y_lo, hi = y_hi;
    for (const PlotSeries& s : series) {
      const std::size_t n = std::min(s.x.size(), s.y.size());
      for (std::size_t i = 0; i < n; ++i) {
        if (!(s.x[i] >= x_lo && s.x[i] <= x_hi) || !std::isfinite(s.y[i])) continue;
        lo = std::min(lo, double{s.y[i]});
        hi = std::max(hi, double{s.y[i]});
      }
    }
    // A grown side snaps outwards to a tenth-of-range grid rather than to the ticks: snapping to
    // the ticks can leave half the height empty, not snapping makes the axis move every frame.
    const int n = nice_ticks_into(lo, hi, 10, y_values);
    if (n >= 2) {
      const double step = y_values[1] - y_values[0];
      if (lo < y_lo) lo = std::floor(lo / step + 1e-9) * step;
      if (hi > y_hi) hi = std::ceil(hi / step - 1e-9) * step;
    }
    if (std::isfinite(lo) && std::isfinite(hi) && hi > lo) {
      y_lo = lo;
      y_hi = hi;
    }
  }
  Tick y_ticks[kMaxTicks];
  const int n_y = nice_ticks_into(y_lo, y_hi, max_y, y_values);
  float y_label_w = 0.0f;
  for (int i = 0; i < n_y; ++i) {
    Tick& t = y_ticks[i];
    t.value = y_values[i];
    t.pos = static_cast<float>(data_bottom - (t.value - y_lo) * (data_h / (y_hi - y_lo)));
    format_y(o, t.value, t.label, kLabelSize);
    t.width = ImGui::CalcTextSize(t.label).x;
    y_label_w = std::max(y_label_w, t.width);
  }
  const float frame_left = std::min(item_min.x + std::max(o.min_y_label_width, y_label_w) + 2.0f * pad,
                                    item_max.x - font * 2.0f);
  const float frame_right = std::max(frame_left + 2.0f, item_max.x - pad);
  const float data_w = frame_right - frame_left;

  const Mapping m{x_lo, x_hi, y_lo, y_hi, frame_left, data_bottom,
                  data_w / (x_hi - x_lo), data_h / (y_hi - y_lo)};

  // x ticks are nice in label space; drop to fewer until the widest label fits between two ticks.
  const double label_lo = x_lo - o.x_label_origin, label_hi = x_hi - o.x_label_origin;
  Tick x_ticks[kMaxTicks];
  int n_x = 0;
  {
    char a[kLabelSize], b[kLabelSize];
    format_x(o, label_lo, a, kLabelSize);
    format_x(o, label_hi, b, kLabelSize);
    const float guess = std::max(ImGui::CalcTextSize(a).x, ImGui::CalcTextSize(b).x);
    int max_x = ticks_that_fit(data_w, guess + font * 2.0f);
    if (o.max_x_ticks > 0) max_x = std::min(o.max_x_ticks, max_x);
    double values[kMaxTicks];
    for (int attempt = 0; attempt < 8 && max_x >= 1; ++attempt) {
      n_x = nice_ticks_into(label_lo, label_hi, max_x, values);
      float widest = 0.0f;
      for (int i = 0; i < n_x; ++i) {
        Tick& t = x_ticks[i];
        t.value = values[i];
        t.pos = m.screen_x(values[i] + o.x_label_origin);
        format_x(o, t.value, t.label, kLabelSize);
        t.width = ImGui::CalcTextSize(t.label).x;
        widest = std::max(widest, t.width);
      }
      if (n_x < 2 || x_ticks[1].pos - x_ticks[0].pos >= widest + font) break;
      max_x = n_x - 1;
    }
  }

  PlotResult result;
  result.plot_min = ImVec2(frame_left, data_top);
  result.plot_max = ImVec2(frame_right, data_bottom);
  result.x_min = to_float(x_lo);
  result.x_max = to_float(x_hi);
  result.y_min = to_float(y_lo);
  result.y_max = to_float(y_hi);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  result.hovered = item_hovered && mouse.x >= frame_left && mouse.x <= frame_right && mouse.y >= frame_top &&
                   mouse.y <= frame_bottom;
  if (result.hovered) result.hover_x = to_float(x_lo + (mouse.x - frame_left) / m.sx);
  if (!visible) return result;

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 tick_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 grid_col = ImGui::GetColorU32(ImGuiCol_Border, 0.7f);
  const ImU32 minor_grid_col = ImGui::GetColorU32(ImGuiCol_Border, 0.35f);
  const ImVec2 frame_min(frame_left, frame_top), frame_max(frame_right, frame_bottom);

  add_opaque_rect(draw, frame_min, frame_max, ImGui::GetColorU32(ImGuiCol_FrameBg));
  draw->PushClipRect(frame_min, frame_max, true);

  for (const PlotSpan& s : spans) {
    if (!std::isfinite(s.x0) || !std::isfinite(s.x1)) continue;
    const double a = std::max(std::min<double>(s.x0, s.x1), x_lo), b = std::min(std::max<double>(s.x0, s.x1), x_hi);
    if (a > b) continue;
    float left = m.screen_x(a), right = m.screen_x(b);
    if (right - left < 1.0f) right = left + 1.0f;  // a one-frame event still shows
    draw->AddRectFilled(ImVec2(left, frame_top), ImVec2(right, frame_bottom), s.color);
  }

  // Grid on whole pixels: 1 px lines between pixels render as 2 px blurs.
  for (int i = 0; i < n_y; ++i) {
    const float y = std::floor(y_ticks[i].pos) + 0.5f;
    draw->AddLine(ImVec2(frame_left, y), ImVec2(frame_right, y), grid_col);
  }
  for (int i = 0; i < n_x; ++i) {
    const float x = std::floor(x_ticks[i].pos) + 0.5f;
    draw->AddLine(ImVec2(x, frame_top), ImVec2(x, frame_bottom), minor_grid_col);
  }

  static thread_local std::vector<ImVec2> buffer;
  for (const PlotSeries& s : series) draw_series(draw, m, s, buffer);

  const float marker_len = std::max(6.0f, std::round(font * 0.5f));
  for (const PlotMarker& mk : markers) {
    if (!(mk.x >= x_lo && mk.x <= x_hi)) continue;
    const float x = std::floor(m.screen_x(mk.x)) + 0.5f;
    draw->AddLine(ImVec2(x, frame_top), ImVec2(x, frame_top + marker_len), mk.color, 2.0f);
  }

  if (result.hovered && o.hover_readout) {
    draw->AddLine(ImVec2(std::floor(mouse.x) + 0.5f, frame_top), ImVec2(std::floor(mouse.x) + 0.5f, frame_bottom),
                  tick_col);
  }
  draw->PopClipRect();
  draw->AddRect(frame_min, frame_max, ImGui::GetColorU32(ImGuiCol_Border));

  // Tick labels stay inside the item: the end labels are nudged in rather than overhanging.
  for (int i = 0; i < n_y; ++i) {
    const Tick& t = y_ticks[i];
    const float y = std::clamp(t.pos - font * 0.5f, frame_top, frame_bottom - font);
    draw->AddText(ImVec2(frame_left - pad - t.width, y), tick_col, t.label);
  }
  for (int i = 0; i < n_x; ++i) {
    const Tick& t = x_ticks[i];
    const float x = std::clamp(t.pos - t.width * 0.5f, item_min.x, item_max.x - t.width);
    draw->AddText(ImVec2(x, frame_bottom + pad * 0.5f), tick_col, t.label);
  }

  // Header: legend right-aligned, title left and clipped where the legend begins.
  const float swatch_w = std::round(font * 0.9f);
  const float swatch_h = std::max(3.0f, std::round(font * 0.2f));
  const float header_text_y = item_min.y + std::floor((header_h - font) * 0.5f);
  float legend_left = item_max.x;
  draw->PushClipRect(item_min, item_max, true);  // a long legend in a narrow plot stays in its item
  if (any_legend) {
    float x = item_max.x;
    for (auto it = series.rbegin(); it != series.rend(); ++it) {
      if (!has_label(*it)) continue;
      const float text_w = ImGui::CalcTextSize(it->label).x;
      x -= text_w;
      draw->AddText(ImVec2(x, header_text_y), text_col, it->label);
      x -= pad + swatch_w;
      const float cy = std::round(header_text_y + font * 0.5f);
      draw->AddRectFilled(ImVec2(x, cy - swatch_h * 0.5f), ImVec2(x + swatch_w, cy + swatch_h * 0.5f), it->color,
                          swatch_h * 0.5f);
      legend_left = x;
      x -= font;
    }
  }
  if (has_title) {
    draw->PushClipRect(item_min, ImVec2(std::max(item_min.x, legend_left - font), frame_top), true);
    draw->AddText(ImVec2(item_min.x, header_text_y), text_col, o.title);
    draw->PopClipRect();
  }
  draw->PopClipRect();

  if (result.hovered && o.hover_readout) {
    ImGui::BeginTooltip();
    char label[kLabelSize];
    format_x(o, result.hover_x - o.x_label_origin, label, kLabelSize);
    ImGui::TextUnformatted(label);
    for (const PlotSeries& s : series) {
      if (!has_label(s)) continue;
      const std::size_t n = std::min(s.x.size(), s.y.size());
      std::size_t best = n;
      float best_d = INFINITY;
      for (std::size_t i = 0; i < n; ++i) {
        const float d = std::abs(s.x[i] - result.hover_x);
        if (d < best_d) { best_d = d; best = i; }
      }
      const float value = best < n ? s.y[best] : NAN;
      if (std::isfinite(value) && best < n) {
        draw->PushClipRect(frame_min, frame_max, true);
        draw->AddCircleFilled(ImVec2(m.screen_x(s.x[best]), m.screen_y(value)), s.thickness + 2.0f, s.color);
        draw->PopClipRect();
      }
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float cy = std::round(p.y + font * 0.5f);
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, cy - swatch_h * 0.5f),
                                                ImVec2(p.x + swatch_w, cy + swatch_h * 0.5f), s.color,
                                                swatch_h * 0.5f);
      ImGui::Dummy(ImVec2(swatch_w, font));
      ImGui::SameLine();
      if (std::isnan(value)) {
        ImGui::Text("%s  no data", s.label);
      } else {
        ImGui::Text("%s  %.3g", s.label, value);
      }
    }
    ImGui::EndTooltip();
  }
  return result;
}

}  // namespace hemitrack::ui
