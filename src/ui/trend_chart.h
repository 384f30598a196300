#pragma once
// The treatment-cycle timeline: one-sided twitches per hour of monitored time and the % of time
// the affected eye was closed, bin by bin over weeks and months, with treatments as dated lines,
// the expected Botox phases shaded behind, HFS-7 totals and the diary's tags on hover.
#include "core/botox_cycle.h"
#include "core/hfs7.h"
#include "core/treatment.h"
#include "core/trend.h"

#include <imgui.h>

#include <span>

namespace hemitrack::ui {

struct TrendChartData {
  DayNumber from = 0, to = 0;  // [from, to)
  std::span<const TrendBin> bins;
  std::span<const Treatment> treatments;
  std::span<const PhaseSpan> phases;
  std::span<const Hfs7Answers> hfs7;
};

// Draws into the current window, `height` for the two stacked plots together.
void draw_trend_chart(const TrendChartData& data, float height);

// The faint colour a Botox phase is shaded with (also the legend's swatch).
ImU32 phase_colour(BotoxPhase phase);

}  // namespace hemitrack::ui
