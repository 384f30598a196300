#pragma once
// The report's charts: the trend over the period (events per hour of monitored time per bin,
// treatments, expected Botox phases, HFS-7 totals) and the traces around a typical event.
#include "report/pdf_canvas.h"
#include "report/report_document.h"

namespace hemitrack::report {

struct Box {
  double x = 0.0, y = 0.0, w = 0.0, h = 0.0;
};

// True when at least one bin has a rate: otherwise there is nothing to chart and the page says so.
bool trend_has_rates(const ReportDocument& doc);
// The trend chart filling `box`, its legend included. Requires trend_has_rates(doc).
void draw_trend_chart(const Canvas& canvas, const Box& box, const ReportDocument& doc);

// Height draw_typical_event needs for this event at any width.
double typical_event_height(const TypicalEvent& event);
// The event's title, then one panel per signal shown (eye closure, mouth corner, brow) with the
// right side in orange and the left in blue, the event's span shaded, and a shared time axis.
void draw_typical_event(const Canvas& canvas, const Box& box, const TypicalEvent& event);

// Round tick values covering [0, max] (or [min, max]) with about `target` steps.
std::vector<double> nice_ticks(double min, double max, int target);

}  // namespace hemitrack::report
