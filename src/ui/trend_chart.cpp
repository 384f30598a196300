#include "ui/trend_chart.h"

#include "report/report_document.h"
#include "ui/palette.h"
#include "ui/time_plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

namespace hemitrack::ui {
namespace {

constexpr ImU32 kTreatmentLine = IM_COL32(200, 60, 200, 255);
constexpr ImU32 kRate = IM_COL32(235, 110, 60, 255);
constexpr ImU32 kClosed = IM_COL32(120, 120, 220, 255);
constexpr ImU32 kHfs7 = IM_COL32(90, 170, 90, 255);
constexpr ImU32 kTonic = IM_COL32(220, 80, 120, 255);
constexpr ImU32 kSpread = IM_COL32(200, 170, 60, 255);

void day_label(double value, char* buf, int size, void*) {
  std::snprintf(buf, static_cast<std::size_t>(size), "%s",
                format_day_month(static_cast<DayNumber>(std::floor(value + 0.5))).c_str());
}

float nan() { return std::numeric_limits<float>::quiet_NaN(); }

// Treatments as vertical lines across a plot, each labelled once at the top of the upper plot.
void draw_treatment_lines(const PlotResult& plot, std::span<const Treatment> treatments, bool labels) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const Treatment& t : treatments) {
    if (t.day < plot.x_min || t.day > plot.x_max) continue;
    const float x =
        plot.plot_min.x + (t.day - plot.x_min) / (plot.x_max - plot.x_min) * (plot.plot_max.x - plot.plot_min.x);
    dl->AddLine(ImVec2(x, plot.plot_min.y), ImVec2(x, plot.plot_max.y), kTreatmentLine, 2.0f);
    if (!labels) continue;
    const std::string text = report::describe(t).chart_label + ", " + format_day_month(t.day);
    dl->AddText(ImVec2(x + 3, plot.plot_min.y + 2), kTreatmentLine, text.c_str());
  }
}

void hover_tooltip(const PlotResult& plot, std::span<const TrendBin> bins) {
  if (!plot.hovered) return;
  for (const TrendBin& b : bins) {
    if (plot.hover_x < b.from_day || plot.hover_x >= b.from_day + b.days) continue;
    ImGui::BeginTooltip();
    ImGui::Text("%s to %s", format_day_month(b.from_day).c_str(), format_day_month(b.from_day + b.days - 1).c_str());
    ImGui::Text("%.1f h monitored in %d sessions", b.monitored_h, b.sessions);
    if (b.events_per_hour) ImGui::Text("%.1f one-sided twitches per hour (%d)", *b.events_per_hour, b.events);
    if (b.eye_closed_pct) ImGui::Text("eye closed %.1f %% of the time", *b.eye_closed_pct);
    if (b.tonic_share) ImGui::Text("%.0f %% tonic", *b.tonic_share * 100.0);
    if (!b.tags.empty()) {
      std::string tags;
      for (const auto& t : b.tags) tags += (tags.empty() ? "" : ", ") + t;
      ImGui::Text("tags: %s", tags.c_str());
    }
    ImGui::EndTooltip();
    return;
  }
}

}  // namespace

ImU32 phase_colour(BotoxPhase phase) {
  switch (phase) {
    case BotoxPhase::before_onset: return IM_COL32(160, 160, 160, 40);
    case BotoxPhase::taking_effect: return IM_COL32(120, 200, 140, 45);
    case BotoxPhase::peak: return IM_COL32(70, 190, 110, 70);
    case BotoxPhase::benefit: return IM_COL32(70, 190, 110, 35);
    case BotoxPhase::wearing_off: return IM_COL32(235, 180, 40, 40);
  }
  return 0;
}

void draw_trend_chart(const TrendChartData& data, float height) {
  std::vector<float> x, rate, closed, tonic, spread;
  for (const TrendBin& b : data.bins) {
    x.push_back(static_cast<float>(b.from_day + b.days * 0.5));
    rate.push_back(b.events_per_hour ? static_cast<float>(*b.events_per_hour) : nan());
    closed.push_back(b.eye_closed_pct ? static_cast<float>(*b.eye_closed_pct) : nan());
    tonic.push_back(b.tonic_share ? static_cast<float>(*b.tonic_share * 100.0) : nan());
    // Spread: the share of the affected side's twitches that reach beyond the eye alone.
    int total = 0;
    for (int n : b.by_spread) total += n;
    const int eye_only = b.by_spread[static_cast<std::size_t>(Spread::eye_only)];
    spread.push_back(total > 0 ? 100.0f * static_cast<float>(total - eye_only) / static_cast<float>(total) : nan());
  }
  std::vector<PlotSpan> spans;
  for (const PhaseSpan& p : data.phases)
    spans.push_back({static_cast<float>(p.from_day), static_cast<float>(p.to_day), phase_colour(p.phase)});
  std::vector<float> hx, hy;
  for (const Hfs7Answers& h : data.hfs7) {
    hx.push_back(static_cast<float>(h.day));
    hy.push_back(static_cast<float>(h.total()));
  }

  PlotOptions o;
  o.x_min = static_cast<float>(data.from);
  o.x_max = static_cast<float>(data.to);
  o.x_tick_formatter = day_label;
  o.fit_y = true;
  o.max_y_ticks = 4;
  o.min_y_label_width = ImGui::CalcTextSize("000").x;
  o.title = "One-sided twitches per hour of monitored time";
  o.y_max = 10.0f;
  const std::array<PlotSeries, 1> rate_series = {{{"per hour", kRate, x, rate, 2.5f}}};
  const float upper_h = height * 0.45f;
  const PlotResult upper = time_plot("trend_rate", ImVec2(-1, upper_h), o, rate_series, spans);
  draw_treatment_lines(upper, data.treatments, true);
  hover_tooltip(upper, data.bins);

  o.title = "Percent: time the affected eye was closed, tonic twitches, twitches beyond the eye";
  o.fit_y = false;
  o.y_max = 100.0f;
  const std::array<PlotSeries, 3> share_series = {{{"eye closed", kClosed, x, closed, 2.0f},
                                                   {"tonic", kTonic, x, tonic, 2.0f},
                                                   {"beyond the eye", kSpread, x, spread, 2.0f}}};
  const float middle_h = (height - upper_h) * 0.62f;
  const PlotResult middle = time_plot("trend_shares", ImVec2(-1, middle_h), o, share_series, spans);
  draw_treatment_lines(middle, data.treatments, false);
  hover_tooltip(middle, data.bins);

  o.title = "HFS-7 questionnaire total (0 = no burden, 28 = most)";
  o.y_max = 28.0f;
  o.max_y_ticks = 3;
  const std::array<PlotSeries, 1> hfs7_series = {{{"HFS-7", kHfs7, hx, hy, 2.0f}}};
  const PlotResult lower = time_plot("trend_hfs7", ImVec2(-1, height - upper_h - middle_h), o, hfs7_series, spans);
  draw_treatment_lines(lower, data.treatments, false);

  // The legend for the shading: one swatch per phase that is on screen.
  bool any = false;
  for (BotoxPhase p : {BotoxPhase::before_onset, BotoxPhase::taking_effect, BotoxPhase::peak, BotoxPhase::benefit,
                       BotoxPhase::wearing_off}) {
    if (std::none_of(data.phases.begin(), data.phases.end(), [&](const PhaseSpan& s) { return s.phase == p; }))
      continue;
    if (any) ImGui::SameLine();
    any = true;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + h, at.y + h), phase_colour(p) | 0x60000000);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(std::string(label(p)).c_str());
  }
  if (any)
    ImGui::TextDisabled(
        "Shading: the expected course after a Botox injection (onset 3-4 days, peak 1-2 weeks, about 12 weeks of "
        "benefit).");
}

}  // namespace hemitrack::ui
