#include "ui/time_plot.h"
#include "ui/imgui_harness.h"

#include <catch2/catch.hpp>

#include <imgui.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <vector>

using hemitrack::test::ImGuiHarness;
using hemitrack::ui::nice_ticks;
using hemitrack::ui::PlotMarker;
using hemitrack::ui::PlotOptions;
using hemitrack::ui::PlotResult;
using hemitrack::ui::PlotSeries;
using hemitrack::ui::PlotSpan;
using hemitrack::ui::time_plot;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// The properties every answer must have, whatever the input.
void check_nice(const std::vector<double>& ticks, double lo, double hi, int max_ticks) {
  if (lo > hi) std::swap(lo, hi);
  CHECK(static_cast<int>(ticks.size()) <= std::min(max_ticks, 64));
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    CHECK(ticks[i] >= lo);
    CHECK(ticks[i] <= hi);
    if (ticks[i] == 0.0) CHECK_FALSE(std::signbit(ticks[i]));  // no "-0" labels
    if (i > 0) CHECK(ticks[i] > ticks[i - 1]);
  }
  if (ticks.size() >= 2) {
    const double step = ticks[1] - ticks[0];
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const bool one_two_five = std::abs(mantissa - 1.0) < 1e-6 || std::abs(mantissa - 2.0) < 1e-6 ||
                              std::abs(mantissa - 5.0) < 1e-6 || std::abs(mantissa - 10.0) < 1e-6;
    CHECK(one_two_five);
    for (std::size_t i = 1; i < ticks.size(); ++i) CHECK(ticks[i] - ticks[i - 1] == Approx(step));
    // Multiples of the step, not offset from lo.
    CHECK(std::abs(ticks[0] / step - std::round(ticks[0] / step)) < 1e-6);
  }
}

void check_values(const std::vector<double>& ticks, const std::vector<double>& expected) {
  REQUIRE(ticks.size() == expected.size());
  for (std::size_t i = 0; i < ticks.size(); ++i) CHECK(ticks[i] == Approx(expected[i]).margin(1e-12));
}

}  // namespace

TEST_CASE("nice_ticks: typical ranges", "[ui][time_plot]") {
  check_values(nice_ticks(0.0, 1.0, 6), {0.0, 0.2, 0.4, 0.6, 0.8, 1.0});
  check_values(nice_ticks(0.0, 1.0, 11), {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0});
  check_values(nice_ticks(0.0, 1.0, 3), {0.0, 0.5, 1.0});
  check_values(nice_ticks(-30.0, 0.0, 7), {-30.0, -25.0, -20.0, -15.0, -10.0, -5.0, 0.0});
  check_values(nice_ticks(-30.0, 0.0, 4), {-30.0, -20.0, -10.0, 0.0});
  check_values(nice_ticks(0.0, 0.07, 5), {0.0, 0.02, 0.04, 0.06});
  check_values(nice_ticks(1204.6, 1234.6, 4), {1210.0, 1220.0, 1230.0});
  check_nice(nice_ticks(0.0, 1.0, 6), 0.0, 1.0, 6);
  check_nice(nice_ticks(-30.0, 0.0, 7), -30.0, 0.0, 7);
  check_nice(nice_ticks(0.0, 0.07, 5), 0.0, 0.07, 5);
  check_nice(nice_ticks(-0.93, 1.17, 6), -0.93, 1.17, 6);
}

TEST_CASE("nice_ticks: degenerate, reversed and non-finite input", "[ui][time_plot]") {
  check_values(nice_ticks(3.0, 3.0, 5), {3.0});
  check_values(nice_ticks(0.0, 0.0, 5), {0.0});
  check_values(nice_ticks(1.0, 1.0 + 1e-15, 5), {1.0});
  check_values(nice_ticks(1.0, 0.0, 6), {0.0, 0.2, 0.4, 0.6, 0.8, 1.0});  // swapped
  CHECK(nice_ticks(kNaN, 1.0, 5).empty());
  CHECK(nice_ticks(0.0, kNaN, 5).empty());
  CHECK(nice_ticks(-kInf, kInf, 5).empty());
  CHECK(nice_ticks(0.0, kInf, 5).empty());
  CHECK(nice_ticks(-1e308, 1e308, 5).empty());  // the span overflows
  CHECK(nice_ticks(0.0, 1.0, 0).empty());
  CHECK(nice_ticks(0.0, 1.0, -3).empty());

  SECTION("one tick allowed") {
    for (const auto& [lo, hi] : std::vector<std::pair<double, double>>{{0.0, 1.0}, {0.31, 0.39}, {-7.0, 13.0}}) {
      const auto t = nice_ticks(lo, hi, 1);
      REQUIRE(t.size() == 1);
      check_nice(t, lo, hi, 1);
    }
  }
  SECTION("a huge max_ticks is capped") { CHECK(nice_ticks(0.0, 1.0, 1000000).size() <= 64); }
}

TEST_CASE("nice_ticks: random ranges keep every invariant", "[ui][time_plot]") {
  std::mt19937 rng(12345);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-30, 30);
  std::uniform_int_distribution<int> count(1, 12);
  for (int i = 0; i < 2000; ++i) {
    const double scale = std::pow(10.0, exponent(rng));
    const double a = unit(rng) * scale, b = unit(rng) * scale;
    const int max_ticks = count(rng);
    const auto t = nice_ticks(a, b, max_ticks);
    CHECK_FALSE(t.empty());
    check_nice(t, a, b, max_ticks);
  }
}

namespace {

struct Triangle {
  ImVec2 p[3];
  ImU32 col[3];
  ImVec4 clip;
};

std::vector<Triangle> triangles() {
  std::vector<Triangle> out;
  const ImDrawData* data = ImGui::GetDrawData();
  REQUIRE(data != nullptr);
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      for (unsigned int e = 0; e + 2 < cmd.ElemCount; e += 3) {
        Triangle t;
        for (int k = 0; k < 3; ++k) {
          const ImDrawVert& v = list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + e + k]];
          t.p[k] = v.pos;
          t.col[k] = v.col;
        }
        t.clip = cmd.ClipRect;
        out.push_back(t);
      }
    }
  }
  return out;
}

// Triangles whose vertices all carry exactly `color` (anti-aliasing fringes fade to alpha 0).
std::vector<Triangle> solid(const std::vector<Triangle>& all, ImU32 color) {
  std::vector<Triangle> out;
  for (const Triangle& t : all) {
    if (t.col[0] == color && t.col[1] == color && t.col[2] == color) out.push_back(t);
  }
  return out;
}

bool inside(const Triangle& t, ImVec2 q) {
  const auto cross = [](ImVec2 a, ImVec2 b, ImVec2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); };
  const float d0 = cross(t.p[0], t.p[1], q), d1 = cross(t.p[1], t.p[2], q), d2 = cross(t.p[2], t.p[0], q);
  const bool has_neg = d0 < 0 || d1 < 0 || d2 < 0, has_pos = d0 > 0 || d1 > 0 || d2 > 0;
  return !(has_neg && has_pos);
}

// Whether a pixel at q would be painted: inside a triangle and inside its scissor rectangle.
bool painted(const std::vector<Triangle>& tris, ImVec2 q) {
  for (const Triangle& t : tris) {
    if (q.x < t.clip.x || q.x > t.clip.z || q.y < t.clip.y || q.y > t.clip.w) continue;
    if (inside(t, q)) return true;
  }
  return false;
}

struct Box {
  float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
};

Box bounds(const std::vector<Triangle>& tris) {
  Box b;
  for (const Triangle& t : tris) {
    for (const ImVec2& p : t.p) {
      b.x0 = std::min(b.x0, p.x);
      b.y0 = std::min(b.y0, p.y);
      b.x1 = std::max(b.x1, p.x);
      b.y1 = std::max(b.y1, p.y);
    }
  }
  return b;
}

// Where the plot puts a data point, from the rectangle and ranges it reports.
ImVec2 to_screen(const PlotResult& r, double x, double y) {
  return ImVec2(static_cast<float>(r.plot_min.x + (x - r.x_min) / (r.x_max - r.x_min) * (r.plot_max.x - r.plot_min.x)),
                static_cast<float>(r.plot_max.y - (y - r.y_min) / (r.y_max - r.y_min) * (r.plot_max.y - r.plot_min.y)));
}

constexpr ImU32 kRed = IM_COL32(255, 0, 0, 255);
constexpr ImU32 kGreen = IM_COL32(0, 255, 0, 255);
constexpr ImU32 kBlue = IM_COL32(0, 0, 255, 255);
constexpr ImU32 kSpan = IM_COL32(0, 128, 255, 100);
constexpr ImU32 kMarker = IM_COL32(255, 0, 255, 255);

struct Trace {
  std::vector<float> x, y;
};

Trace constant(double x0, double x1, double step, float y) {
  Trace t;
  for (double x = x0; x <= x1 + 1e-9; x += step) {
    t.x.push_back(static_cast<float>(x));
    t.y.push_back(y);
  }
  return t;
}

PlotOptions window(float x_min, float x_max) {
  PlotOptions o;
  o.x_min = x_min;
  o.x_max = x_max;
  o.y_min = 0.0f;
  o.y_max = 1.0f;
  o.legend = false;  // so every vertex in a series colour belongs to the trace
  return o;
}

}  // namespace

TEST_CASE("time_plot: traces, span and marker land where the data says", "[ui][time_plot]") {
  ImGuiHarness imgui;
  const Trace a = constant(-10.0, 0.0, 0.1, 0.25f), b = constant(-10.0, 0.0, 0.1, 0.75f);
  const PlotSeries series[] = {{"A", kRed, a.x, a.y, 3.0f}, {"B", kGreen, b.x, b.y, 3.0f}};
  const PlotSpan spans[] = {{-6.0f, -4.0f, kSpan}};
  const PlotMarker markers[] = {{-2.0f, kMarker}};
  PlotResult r;
  ImVec2 item_min, item_max;
  imgui.frames([&] {
    ImGui::Text("above");
    r = time_plot("plot", ImVec2(600.0f, 200.0f), window(-10.0f, 0.0f), series, spans, markers);
    item_min = ImGui::GetItemRectMin();
    item_max = ImGui::GetItemRectMax();
  });

  CHECK(item_max.x - item_min.x == Approx(600.0f));
  CHECK(item_max.y - item_min.y == Approx(200.0f));
  CHECK(item_min.y > 10.0f);  // laid out below the text, like any widget
  // The data area is most of the item and inside it.
  CHECK(r.plot_min.x >= item_min.x);
  CHECK(r.plot_min.y >= item_min.y);
  CHECK(r.plot_max.x <= item_max.x);
  CHECK(r.plot_max.y <= item_max.y);
  CHECK(r.plot_max.x - r.plot_min.x > 0.8f * 600.0f);
  CHECK(r.plot_max.y - r.plot_min.y > 0.6f * 200.0f);

  const auto all = triangles();
  const auto red = solid(all, kRed), green = solid(all, kGreen);
  REQUIRE_FALSE(red.empty());
  REQUIRE_FALSE(green.empty());
  const Box rb = bounds(red), gb = bounds(green);
  const float line_y_red = to_screen(r, 0.0, 0.25).y, line_y_green = to_screen(r, 0.0, 0.75).y;
  CHECK(rb.x0 >= r.plot_min.x - 3.0f);
  CHECK(rb.x1 <= r.plot_max.x + 3.0f);
  CHECK(rb.x1 - rb.x0 > 0.95f * (r.plot_max.x - r.plot_min.x));  // spans the whole window
  CHECK(rb.y0 >= line_y_red - 3.0f);
  CHECK(rb.y1 <= line_y_red + 3.0f);
  CHECK(gb.y0 >= line_y_green - 3.0f);
  CHECK(gb.y1 <= line_y_green + 3.0f);
  CHECK(painted(red, to_screen(r, -7.3, 0.25)));
  CHECK(painted(green, to_screen(r, -7.3, 0.75)));
  CHECK_FALSE(painted(red, to_screen(r, -7.3, 0.5)));  // lines, not filled areas
  CHECK_FALSE(painted(green, to_screen(r, -7.3, 0.5)));

  const auto band = solid(all, kSpan);
  REQUIRE_FALSE(band.empty());
  CHECK(painted(band, to_screen(r, -5.0, 0.5)));
  CHECK(painted(band, to_screen(r, -5.0, 0.02)));  // the whole height
  CHECK_FALSE(painted(band, to_screen(r, -8.0, 0.5)));
  CHECK_FALSE(painted(band, to_screen(r, -2.0, 0.5)));

  const auto tick = solid(all, kMarker);
  REQUIRE_FALSE(tick.empty());
  const Box mb = bounds(tick);
  const float marker_x = to_screen(r, -2.0, 0.0).x;
  CHECK(mb.x0 >= marker_x - 4.0f);
  CHECK(mb.x1 <= marker_x + 4.0f);
  CHECK(mb.y0 >= r.plot_min.y - 10.0f);  // hangs from the top edge...
  CHECK(mb.y1 <= r.plot_min.y + 20.0f);  // ...without crossing the plot
}

TEST_CASE("time_plot: a NaN sample breaks the line", "[ui][time_plot]") {
  ImGuiHarness imgui;
  Trace gap = constant(-10.0, 0.0, 0.1, 0.5f);
  for (std::size_t i = 0; i < gap.x.size(); ++i) {
    if (gap.x[i] > -6.05f && gap.x[i] < -3.95f) gap.y[i] = std::numeric_limits<float>::quiet_NaN();
  }
  const Trace whole = constant(-10.0, 0.0, 0.1, 0.3f);
  const PlotSeries series[] = {{"gap", kRed, gap.x, gap.y, 3.0f}, {"whole", kGreen, whole.x, whole.y, 3.0f}};
  PlotResult r;
  imgui.frames([&] { r = time_plot("plot", ImVec2(600.0f, 200.0f), window(-10.0f, 0.0f), series); });

  const auto all = triangles();
  const auto red = solid(all, kRed), green = solid(all, kGreen);
  REQUIRE_FALSE(red.empty());
  CHECK(painted(red, to_screen(r, -8.0, 0.5)));
  CHECK(painted(red, to_screen(r, -2.0, 0.5)));
  CHECK_FALSE(painted(red, to_screen(r, -5.0, 0.5)));
  CHECK_FALSE(painted(red, to_screen(r, -5.9, 0.5)));
  CHECK(painted(green, to_screen(r, -5.0, 0.3)));
  CHECK(red.size() < green.size());  // fewer segments than the unbroken trace
}

TEST_CASE("time_plot: data outside the window is clipped", "[ui][time_plot]") {
  ImGuiHarness imgui;
  const Trace wide = constant(-20.0, 10.0, 0.1, 0.5f);  // runs past both ends
  const Trace later = constant(20.0, 30.0, 0.1, 0.5f);  // entirely right of the window
  const Trace high = constant(-10.0, 0.0, 0.5, 5.0f);   // entirely above y_max
  const PlotSeries series[] = {
      {"wide", kRed, wide.x, wide.y, 3.0f}, {"later", kGreen, later.x, later.y, 3.0f}, {"high", kBlue, high.x, high.y, 3.0f}};
  PlotResult r;
  ImVec2 item_min, item_max;
  imgui.frames([&] {
    r = time_plot("plot", ImVec2(500.0f, 160.0f), window(-10.0f, 0.0f), series);
    item_min = ImGui::GetItemRectMin();
    item_max = ImGui::GetItemRectMax();
  });

  const auto all = triangles();
  const auto red = solid(all, kRed);
  REQUIRE_FALSE(red.empty());
  const Box rb = bounds(red);
  CHECK(rb.x0 >= r.plot_min.x - 3.0f);  // cut at the edges in data space, not just scissored
  CHECK(rb.x1 <= r.plot_max.x + 3.0f);
  CHECK(painted(red, ImVec2(r.plot_min.x + 1.0f, to_screen(r, 0.0, 0.5).y)));
  CHECK(painted(red, ImVec2(r.plot_max.x - 1.0f, to_screen(r, 0.0, 0.5).y)));
  CHECK(solid(all, kGreen).empty());

  // Off the top: whatever is emitted is scissored to the plot, so nothing of it shows.
  for (const Triangle& t : solid(all, kBlue)) {
    CHECK(t.clip.x >= item_min.x - 0.5f);
    CHECK(t.clip.z <= item_max.x + 0.5f);
    CHECK(t.clip.y >= r.plot_min.y - 10.0f);
    CHECK(t.clip.w <= r.plot_max.y + 10.0f);
  }
  CHECK_FALSE(painted(solid(all, kBlue), to_screen(r, -5.0, 1.0)));
  CHECK_FALSE(painted(solid(all, kBlue), ImVec2(to_screen(r, -5.0, 0.0).x, r.plot_min.y - 20.0f)));
}

TEST_CASE("time_plot: many more samples than pixels are decimated without losing peaks", "[ui][time_plot]") {
  ImGuiHarness imgui;
  Trace dense;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    dense.x.push_back(-10.0f + 10.0f * static_cast<float>(i) / (n - 1));
    dense.y.push_back(i == n / 2 ? 0.95f : 0.2f + 0.01f * static_cast<float>(i % 7));
  }
  const PlotSeries series[] = {{"dense", kRed, dense.x, dense.y, 3.0f}};
  PlotResult r;
  imgui.frames([&] { r = time_plot("plot", ImVec2(400.0f, 160.0f), window(-10.0f, 0.0f), series); });

  const auto red = solid(triangles(), kRed);
  REQUIRE_FALSE(red.empty());
  const float width = r.plot_max.x - r.plot_min.x;
  CHECK(red.size() < static_cast<std::size_t>(width * 4.0f * 6.0f));  // ~4 points per column, not 100000
  CHECK(painted(red, to_screen(r, -5.0, 0.93)));                       // the one-sample spike survives
}

TEST_CASE("time_plot: a dashboard trace keeps its twitches and its ends with under half the vertices", "[ui][time_plot]") {
  ImGuiHarness imgui;
  // As the dashboard draws them: 30 s at 30 fps across a plot ~540 px wide, over 1.5 samples per
  // pixel, of a noisy resting signal with a one-sample twitch up and a one-sample dip.
  Trace trace;
  const int n = 900;
  for (int i = 0; i < n; ++i) {
    trace.x.push_back(-30.0f + 30.0f * static_cast<float>(i) / (n - 1));
    const float noise = 0.02f * static_cast<float>((i * 7) % 5);
    trace.y.push_back(i == 300 ? 0.9f : i == 600 ? 0.0f : 0.3f + noise);
  }
  const PlotSeries series[] = {{"trace", kRed, trace.x, trace.y, 2.0f}};
  PlotResult r;
  imgui.frames([&] { r = time_plot("plot", ImVec2(600.0f, 200.0f), window(-30.0f, 0.0f), series); });

  const auto red = solid(triangles(), kRed);
  REQUIRE_FALSE(red.empty());
  const float width = r.plot_max.x - r.plot_min.x;
  // Two triangles per segment; at most two points per 3 px column (and the two ends).
  INFO("triangles " << red.size() << " over " << width << " px");
  CHECK(red.size() <= static_cast<std::size_t>(2.0f * (2.0f * width / 3.0f + 4.0f)));
  CHECK(red.size() < 2 * n / 2);  // under one point per two samples
  CHECK(painted(red, to_screen(r, trace.x[300], 0.88)));  // the twitch keeps its height
  CHECK(painted(red, to_screen(r, trace.x[600], 0.02)));  // and the dip its depth
  const Box b = bounds(red);
  CHECK(b.x0 <= r.plot_min.x + 2.0f);  // from the first sample...
  CHECK(b.x1 >= r.plot_max.x - 2.0f);  // ...to the last
}

TEST_CASE("time_plot: legend, title and width filling", "[ui][time_plot]") {
  ImGuiHarness imgui;
  const Trace a = constant(-10.0, 0.0, 0.1, 0.25f);
  const PlotSeries series[] = {{"Left", kRed, a.x, a.y, 3.0f}, {nullptr, kGreen, a.x, a.y, 3.0f}};
  PlotOptions o = window(-10.0f, 0.0f);
  o.legend = true;
  o.title = "Eye closure";
  PlotResult r;
  float avail = 0.0f;
  ImVec2 item_min, item_max;
  imgui.frames([&] {
    avail = ImGui::GetContentRegionAvail().x;
    r = time_plot("plot", ImVec2(-1.0f, 180.0f), o, series);
    item_min = ImGui::GetItemRectMin();
    item_max = ImGui::GetItemRectMax();
  });
  CHECK(item_max.x - item_min.x == Approx(avail));
  CHECK(avail > 700.0f);

  const auto all = triangles();
  // The legend swatch: series colour above the data area, in the right half.
  bool swatch = false;
  for (const Triangle& t : solid(all, kRed)) {
    const Box b = bounds({t});
    if (b.y1 < r.plot_min.y && b.x0 > (item_min.x + item_max.x) / 2.0f) swatch = true;
  }
  CHECK(swatch);
  // An unlabelled series has no swatch.
  for (const Triangle& t : solid(all, kGreen)) CHECK(bounds({t}).y0 >= r.plot_min.y - 5.0f);
  // The title: text-coloured glyphs at the top left, above the data area.
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  bool title = false;
  for (const Triangle& t : all) {
    const Box b = bounds({t});
    if (t.col[0] == text && b.y1 <= r.plot_min.y && b.y0 >= item_min.y - 1.0f && b.x1 < item_min.x + 150.0f) title = true;
  }
  CHECK(title);
}

TEST_CASE("time_plot: x labels are nice relative to the label origin", "[ui][time_plot]") {
  ImGuiHarness imgui;
  std::vector<double> labelled;
  PlotOptions o = window(1204.6f, 1234.6f);
  o.x_label_origin = 1234.6f;
  o.x_tick_user_data = &labelled;
  o.x_tick_formatter = [](double v, char* buf, int size, void* user) {
    static_cast<std::vector<double>*>(user)->push_back(v);
    std::snprintf(buf, static_cast<std::size_t>(size), "%.0f s", v);
  };
  imgui.frames([&] {
    labelled.clear();
    time_plot("plot", ImVec2(600.0f, 150.0f), o, {});
  });
  REQUIRE_FALSE(labelled.empty());
  bool zero = false, minus_thirty = false;
  for (double v : labelled) {
    CHECK(v >= -30.01);
    CHECK(v <= 0.01);
    zero = zero || std::abs(v) < 1e-3;
    minus_thirty = minus_thirty || std::abs(v + 30.0) < 1e-3;
  }
  CHECK(zero);
  CHECK(minus_thirty);
}

TEST_CASE("time_plot: fit_y grows the range to the visible data", "[ui][time_plot]") {
  ImGuiHarness imgui;
  Trace t = constant(-10.0, 0.0, 0.1, 0.0f);
  for (std::size_t i = 0; i < t.x.size(); ++i) t.y[i] = 12.0f + 5.0f * std::sin(t.x[i]);
  t.x.push_back(5.0f);  // outside the window: must not widen the range
  t.y.push_back(1000.0f);
  const PlotSeries series[] = {{"s", kRed, t.x, t.y, 3.0f}};
  PlotOptions o = window(-10.0f, 0.0f);
  o.fit_y = true;
  PlotResult r;
  imgui.frames([&] { r = time_plot("plot", ImVec2(500.0f, 200.0f), o, series); });
  CHECK(r.y_min <= 7.0f);
  CHECK(r.y_max >= 17.0f);
  CHECK(r.y_min >= 0.0f);
  CHECK(r.y_max <= 30.0f);

  SECTION("a quiet trace keeps the given range instead of being magnified") {
    Trace quiet = constant(-10.0, 0.0, 0.1, 0.0f);
    for (std::size_t i = 0; i < quiet.x.size(); ++i) quiet.y[i] = 0.5f + 0.01f * std::sin(quiet.x[i] * 7.0f);
    const PlotSeries flat[] = {{"s", kRed, quiet.x, quiet.y, 3.0f}};
    imgui.frames([&] { r = time_plot("plot", ImVec2(500.0f, 200.0f), o, flat); });
    CHECK(r.y_min == 0.0f);
    CHECK(r.y_max == 1.0f);
  }
  SECTION("nothing visible keeps the given range") {
    const Trace none = constant(5.0, 8.0, 0.1, 3.0f);
    const PlotSeries hidden[] = {{"s", kRed, none.x, none.y, 3.0f}};
    imgui.frames([&] { r = time_plot("plot", ImVec2(500.0f, 200.0f), o, hidden); });
    CHECK(r.y_min == 0.0f);
    CHECK(r.y_max == 1.0f);
  }
}

TEST_CASE("time_plot: hovering reports the data x under the mouse", "[ui][time_plot]") {
  ImGuiHarness imgui;
  const Trace a = constant(-10.0, 0.0, 0.1, 0.25f);
  const PlotSeries series[] = {{"A", kRed, a.x, a.y, 3.0f}};
  PlotResult r;
  imgui.frames([&] { r = time_plot("plot", ImVec2(600.0f, 200.0f), window(-10.0f, 0.0f), series); });
  CHECK_FALSE(r.hovered);
  ImGui::GetIO().MousePos = to_screen(r, -2.5, 0.5);
  imgui.frames([&] { r = time_plot("plot", ImVec2(600.0f, 200.0f), window(-10.0f, 0.0f), series); });
  CHECK(r.hovered);
  CHECK(r.hover_x == Approx(-2.5f).margin(0.05f));
}

TEST_CASE("time_plot: hostile input draws without crashing", "[ui][time_plot]") {
  ImGuiHarness imgui;
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  const std::vector<float> x = {-0.5f, -5.0f, nan, -3.0f, -2.0f, inf, -1.0f, 1e30f, -1e30f};
  const std::vector<float> y = {3.4e38f, nan, 0.5f, inf, -inf, 0.2f, 1e30f, 0.3f};  // one shorter than x
  const std::vector<float> all_nan(x.size(), nan);
  const PlotSeries series[] = {{"odd", kRed, x, y, 2.0f}, {"none", kGreen, x, all_nan, 1.0f}, {"empty", kBlue, {}, {}, 1.0f}};
  const PlotSpan spans[] = {{nan, 1.0f, kSpan}, {3.0f, -20.0f, kSpan}, {50.0f, 60.0f, kSpan}};
  const PlotMarker markers[] = {{nan, kMarker}, {1e30f, kMarker}};
  PlotOptions bad;
  bad.x_min = nan;
  bad.x_max = -inf;
  bad.y_min = 3.0f;
  bad.y_max = 3.0f;
  bad.max_x_ticks = 1000;
  bad.max_y_ticks = -4;
  PlotOptions fit = window(-10.0f, 0.0f);
  fit.fit_y = true;
  imgui.frames([&] {
    const PlotResult a = time_plot("bad", ImVec2(300.0f, 100.0f), bad, series, spans, markers);
    CHECK(std::isfinite(a.x_min));
    CHECK(a.x_max > a.x_min);
    CHECK(a.y_max > a.y_min);
    const PlotResult b = time_plot("tiny", ImVec2(1.0f, 1.0f), fit, series, spans, markers);
    CHECK(b.plot_max.x > b.plot_min.x);
    CHECK(b.plot_max.y > b.plot_min.y);
    CHECK(std::isfinite(b.y_min));
    CHECK(std::isfinite(b.y_max));
    time_plot("empty", ImVec2(0.0f, 0.0f), fit, {});
  });
  // Every vertex stays a finite number a renderer can take.
  int non_finite = 0;
  for (const Triangle& t : triangles()) {
    for (const ImVec2& p : t.p) non_finite += std::isfinite(p.x) && std::isfinite(p.y) ? 0 : 1;
  }
  CHECK(non_finite == 0);
}
