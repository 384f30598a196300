#include "report/report_charts.h"

#include "report/report_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>

namespace hemitrack::report {
namespace {

// Light, distinct fills for the phase spans; none of them orange or blue, which mean a side.
constexpr Rgb kPhaseFills[] = {{0.86, 0.94, 0.84}, {0.72, 0.87, 0.71}, {0.97, 0.92, 0.78}, {0.89, 0.87, 0.95}};
constexpr Rgb kEventSpan{0.93, 0.91, 0.84};

int decimals_for(double step) {
  for (int d = 0; d < 4; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::abs(scaled - std::round(scaled)) < 1e-6) return d;
  }
  return 3;
}

// --- the dated x axis ---

struct Civil {
  int year = 1970, month = 1, day = 1;
};
Civil civil(DayNumber d) {
  const std::string iso = format_date(d);  // "2026-03-03"
  return {std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))};
}
DayNumber month_start(int year, int month) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-01", year, month);
  return parse_date(buf).value_or(0);
}

// Ticks at round dates: every day, every other day, Mondays, every other Monday, or the first of
// every 1, 2, 3, 6 or 12 months, whichever is the densest that leaves room for the labels.
std::vector<DayNumber> day_ticks(DayNumber first, DayNumber end, int max_ticks) {
  const int span = end - first;
  std::vector<DayNumber> ticks;
  for (int step : {1, 2, 7, 14}) {
    if (span / step + 1 > max_ticks) continue;
    DayNumber d = first;
    if (step >= 7)
      while ((d + 3) % 7 != 0) ++d;  // 1970-01-01 was a Thursday: day + 3 is divisible by 7 on Mondays
    for (; d <= end; d += step) ticks.push_back(d);
    return ticks;
  }
  for (int months : {1, 2, 3, 6, 12}) {
    ticks.clear();
    Civil c = civil(first);
    for (int y = c.year, m = c.month;; ++m) {
      if (m > 12) m = 1, ++y;
      const DayNumber d = month_start(y, m);
      if (d > end) break;
      if (d >= first && (m - 1) % months == 0) ticks.push_back(d);
    }
    if (static_cast<int>(ticks.size()) <= max_ticks) return ticks;
  }
  return ticks;
}

struct LegendItem {
  enum class Kind { bar, swatch, line, trace, marker, text } kind;
  Rgb colour;
  std::string text;
};

constexpr double kLegendRow = 13.0;
constexpr double kSwatch = 10.0;

double legend_item_width(const Canvas& canvas, const LegendItem& item) {
  const double mark = item.kind == LegendItem::Kind::text ? 0.0 : kSwatch + 4.0;
  return mark + canvas.text_width(item.text, font::kSmall) + 14.0;
}

int legend_rows(const Canvas& canvas, const std::vector<LegendItem>& items, double width) {
  int rows = items.empty() ? 0 : 1;
  double x = 0.0;
  for (const LegendItem& item : items) {
    const double w = legend_item_width(canvas, item);
    if (x > 0.0 && x + w > width) ++rows, x = 0.0;
    x += w;
  }
  return rows;
}

void diamond(cairo_t* cr, double x, double y, double r) {
  cairo_move_to(cr, x, y - r);
  cairo_line_to(cr, x + r, y);
  cairo_line_to(cr, x, y + r);
  cairo_line_to(cr, x - r, y);
  cairo_close_path(cr);
}

void draw_legend(const Canvas& canvas, double x0, double top, double width, const std::vector<LegendItem>& items) {
  cairo_t* cr = canvas.cr();
  double x = x0, y = top;
  for (const LegendItem& item : items) {
    const double w = legend_item_width(canvas, item);
    if (x > x0 && x + w > x0 + width) x = x0, y += kLegendRow;
    const double mid = y + kLegendRow / 2;
    double text_x = x + kSwatch + 4.0;
    switch (item.kind) {
      case LegendItem::Kind::bar: canvas.fill_rect(x + 2, mid - 4.5, kSwatch - 4, 9, item.colour); break;
      case LegendItem::Kind::swatch:
        canvas.fill_rect(x, mid - 4, kSwatch, 8, item.colour);
        canvas.stroke_rect(x, mid - 4, kSwatch, 8, colour::kRule, 0.4);
        break;
      case LegendItem::Kind::line:
        canvas.line(x + kSwatch / 2, mid - 5, x + kSwatch / 2, mid + 5, item.colour, 1.2, true);
        break;
      case LegendItem::Kind::trace: canvas.line(x, mid, x + kSwatch, mid, item.colour, 2.0); break;
      case LegendItem::Kind::marker:
        cairo_set_source_rgb(cr, item.colour.r, item.colour.g, item.colour.b);
        diamond(cr, x + kSwatch / 2, mid, 3.5);
        cairo_fill(cr);
        break;
      case LegendItem::Kind::text: text_x = x; break;
    }
    canvas.text(text_x, mid + 3, item.text, font::kSmall,
                item.kind == LegendItem::Kind::text ? colour::kMuted : colour::kText);
    x += w;
  }
}

}  // namespace

std::vector<double> nice_ticks(double min, double max, int target) {
  if (!(max > min)) max = min + 1.0;
  const double raw = (max - min) / std::max(1, target);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  const double step = (norm <= 1.0   ? 1.0
                       : norm <= 2.0 ? 2.0
                       : norm <= 2.5 ? 2.5
                       : norm <= 5.0 ? 5.0
                                     : 10.0) *
                      magnitude;
  std::vector<double> ticks;
  const double first = std::floor(min / step + 1e-9) * step;
  for (double v = first; v < max + step - 1e-9 * step; v += step) ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  return ticks;
}

bool trend_has_rates(const ReportDocument& doc) {
  return std::any_of(doc.trend.begin(), doc.trend.end(),
                     [](const TrendRow& b) { return b.events_per_hour.has_value(); });
}

void draw_trend_chart(const Canvas& canvas, const Box& box, const ReportDocument& doc) {
  cairo_t* cr = canvas.cr();
  const DayNumber first = doc.period_first_day;
  const DayNumber end = std::max(doc.period_last_day + 1, first + 1);
  auto in_period = [&](DayNumber d) { return d >= first && d < end; };

  std::vector<std::pair<DayNumber, int>> hfs;
  for (const Hfs7Answers& a : doc.hfs7)
    if (in_period(a.day)) hfs.emplace_back(a.day, a.total());
  std::vector<const TreatmentEntry*> marks;
  for (const TreatmentEntry& t : doc.treatments)
    if (in_period(t.day)) marks.push_back(&t);
  std::vector<std::string> phase_labels;
  for (const ShadedSpan& p : doc.phases)
    if (p.end_day > first && p.first_day < end &&
        std::find(phase_labels.begin(), phase_labels.end(), p.label) == phase_labels.end())
      phase_labels.push_back(p.label);
  auto phase_fill = [&](const std::string& label) {
    const auto i =
        static_cast<std::size_t>(std::find(phase_labels.begin(), phase_labels.end(), label) - phase_labels.begin());
    return kPhaseFills[i % std::size(kPhaseFills)];
  };
  const bool gaps =
      std::any_of(doc.trend.begin(), doc.trend.end(), [](const TrendRow& b) { return !b.events_per_hour.has_value(); });

  std::vector<LegendItem> legend{{LegendItem::Kind::bar, colour::kBars, "Events per monitored hour"}};
  for (const std::string& label : phase_labels) legend.push_back({LegendItem::Kind::swatch, phase_fill(label), label});
  if (!marks.empty()) legend.push_back({LegendItem::Kind::line, colour::kTreatment, "Treatment"});
  if (!hfs.empty()) legend.push_back({LegendItem::Kind::marker, colour::kHfs7, "HFS-7 total (right axis)"});
  if (gaps) legend.push_back({LegendItem::Kind::text, colour::kMuted, "No bar: not monitored"});
  const double legend_h = legend_rows(canvas, legend, box.w) * kLegendRow;

  const double left_axis = 46.0, right_axis = hfs.empty() ? 8.0 : 42.0;
  const double plot_x = box.x + left_axis, plot_w = box.w - left_axis - right_axis;
  auto xs = [&](double day) { return plot_x + (day - first) / static_cast<double>(end - first) * plot_w; };

  // Treatment labels above the plot, stacked in up to three rows when they would overlap.
  struct Label {
    std::string text;
    double left, x;
    int row;
  };
  std::vector<Label> labels;
  std::vector<double> row_right;
  for (const TreatmentEntry* t : marks) {
    const std::string text =
        t->chart_label.empty() ? format_day_month(t->day) : t->chart_label + ", " + format_day_month(t->day);
    const double w = canvas.text_width(text, font::kSmall);
    const double x = xs(t->day + 0.5);
    const double left = std::clamp(x - w / 2, box.x, box.x + box.w - w);
    int row = -1;
    for (std::size_t r = 0; r < row_right.size(); ++r)
      if (row_right[r] + 6.0 <= left) {
        row = static_cast<int>(r);
        break;
      }
    if (row < 0 && row_right.size() < 3) row_right.push_back(-1e9), row = static_cast<int>(row_right.size()) - 1;
    if (row < 0) row = static_cast<int>(std::min_element(row_right.begin(), row_right.end()) - row_right.begin());
    row_right[static_cast<std::size_t>(row)] = left + w;
    labels.push_back({text, left, x, row});
  }
  const double label_row = 11.0;
  const double top_band = row_right.empty() ? 6.0 : row_right.size() * label_row + 4.0;
  const double tick_band = 15.0;
  const double plot_y = box.y + top_band;
  const double plot_h = box.h - top_band - tick_band - 4.0 - legend_h;
  const double plot_bottom = plot_y + plot_h;

  double max_rate = 0.0;
  for (const TrendRow& b : doc.trend)
    if (b.events_per_hour) max_rate = std::max(max_rate, *b.events_per_hour);
  const std::vector<double> yticks = nice_ticks(0.0, std::max(max_rate, 1.0), 5);
  const double y_max = yticks.back();
  auto ys = [&](double v) { return plot_bottom - v / y_max * plot_h; };

  // Phases first, under everything else.
  for (const ShadedSpan& p : doc.phases) {
    const double x0 = xs(std::max(p.first_day, first)), x1 = xs(std::min(p.end_day, end));
    if (x1 > x0) canvas.fill_rect(x0, plot_y, x1 - x0, plot_h, phase_fill(p.label));
  }
  const int decimals = decimals_for(yticks.size() > 1 ? yticks[1] - yticks[0] : 1.0);
  for (double v : yticks) {
    if (v > 0.0) canvas.line(plot_x, ys(v), plot_x + plot_w, ys(v), colour::kGrid, 0.5);
    canvas.text(plot_x - 4, ys(v) + 3, number(v, decimals), font::kTick, colour::kText, Align::right);
  }
  canvas.vertical_text(box.x + 7, plot_y + plot_h / 2, "Events per monitored hour", font::kSmall);

  for (const TrendRow& b : doc.trend) {
    if (!b.events_per_hour) continue;
    const double x0 = xs(std::max(b.first_day, first)), x1 = xs(std::min(b.first_day + std::max(b.days, 1), end));
    if (x1 <= x0) continue;
    const double gap = std::min(2.0, (x1 - x0) * 0.12);
    const double top = std::min(ys(std::max(0.0, *b.events_per_hour)), plot_bottom - 0.8);  // a zero still shows
    canvas.fill_rect(x0 + gap / 2, top, x1 - x0 - gap, plot_bottom - top, colour::kBars);
  }

  // Dated x axis.
  canvas.line(plot_x, plot_bottom, plot_x + plot_w, plot_bottom, colour::kText, 0.7);
  canvas.line(plot_x, plot_y, plot_x, plot_bottom, colour::kText, 0.7);
  const auto ticks = day_ticks(first, end, std::max(2, static_cast<int>(plot_w / 46.0)));
  int last_year = civil(first).year;
  double last_label_right = -1e9;
  for (DayNumber d : ticks) {
    const double x = xs(d);
    if (x < plot_x - 0.1 || x > plot_x + plot_w + 0.1) continue;
    canvas.line(x, plot_bottom, x, plot_bottom + 3, colour::kText, 0.6);
    const int year = civil(d).year;
    const std::string text = year != last_year ? format_day_month(d) + " " + std::to_string(year) : format_day_month(d);
    last_year = year;
    const double w = canvas.text_width(text, font::kTick);
    const double left = std::clamp(x - w / 2, box.x, box.x + box.w - w);
    if (left < last_label_right + 4) continue;
    canvas.text(left, plot_bottom + 12, text, font::kTick);
    last_label_right = left + w;
  }

  for (const Label& l : labels) {
    const double baseline = plot_y - 4.0 - l.row * label_row;
    canvas.line(l.x, baseline + 2, l.x, plot_bottom, colour::kTreatment, 1.0, true);
    canvas.text(l.left, baseline, l.text, font::kSmall, colour::kTreatment);
  }

  if (!hfs.empty()) {
    const double right = plot_x + plot_w;
    canvas.line(right, plot_y, right, plot_bottom, colour::kHfs7, 0.6);
    auto hy = [&](double v) { return plot_bottom - v / kHfs7Items / kHfs7MaxAnswer * plot_h; };
    for (int v = 0; v <= 28; v += 7) {
      canvas.line(right, hy(v), right + 3, hy(v), colour::kHfs7, 0.6);
      canvas.text(right + 5, hy(v) + 3, std::to_string(v), font::kTick, colour::kHfs7);
    }
    canvas.vertical_text(box.x + box.w - 5, plot_y + plot_h / 2, "HFS-7 total (0\u201328)", font::kSmall,
                         colour::kHfs7);
    cairo_set_source_rgb(cr, colour::kHfs7.r, colour::kHfs7.g, colour::kHfs7.b);
    cairo_set_line_width(cr, 0.9);
    for (std::size_t i = 0; i < hfs.size(); ++i) {
      const double x = xs(hfs[i].first + 0.5), y = hy(hfs[i].second);
      i == 0 ? cairo_move_to(cr, x, y) : cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
    for (const auto& [day, total] : hfs) {
      const double x = xs(day + 0.5), y = hy(total);
      cairo_set_source_rgb(cr, 1, 1, 1);
      diamond(cr, x, y, 4.6);
      cairo_fill(cr);
      cairo_set_source_rgb(cr, colour::kHfs7.r, colour::kHfs7.g, colour::kHfs7.b);
      diamond(cr, x, y, 3.6);
      cairo_fill(cr);
      // A white patch under the number keeps it readable over a bar.
      const std::string value = std::to_string(total);
      const double w = canvas.text_width(value, font::kTick);
      canvas.fill_rect(x - w / 2 - 1.5, y - 14, w + 3, 9.5, {1, 1, 1}, 0.85);
      canvas.text(x, y - 6, value, font::kTick, colour::kHfs7, Align::centre);
    }
  }

  draw_legend(canvas, box.x + left_axis, plot_bottom + tick_band + 4.0, box.w - left_axis, legend);
}

// --- typical events ---

namespace {

constexpr double kTitleBand = 20.0;
constexpr double kPanelHeight = 58.0;
constexpr double kPanelGap = 12.0;
constexpr double kTimeAxisBand = 16.0;
constexpr double kTraceLegendBand = 14.0;
constexpr double kPanelLabelWidth = 118.0;

struct Panel {
  std::string name;
  std::string unit;
  const std::vector<double>* series[2];  // index_of(Side)
  bool fixed_unit_range;                 // closure: always 0..1, so events compare by eye
};

std::vector<Panel> panels_of(const TypicalEvent& e) {
  std::vector<Panel> panels;
  const auto& r = e.sides[index_of(Side::right)];
  const auto& l = e.sides[index_of(Side::left)];
  if (!r.closure.empty() || !l.closure.empty())
    panels.push_back({"Eye closure", "0 open, 1 closed", {&r.closure, &l.closure}, true});
  if (!r.mouth.empty() || !l.mouth.empty())
    panels.push_back({"Mouth corner", "rise, inter-ocular", {&r.mouth, &l.mouth}, false});
  if (!r.brow.empty() || !l.brow.empty()) panels.push_back({"Brow", "height, inter-ocular", {&r.brow, &l.brow}, false});
  return panels;
}

void draw_series(cairo_t* cr, const std::vector<double>& t, const std::vector<double>& v, Rgb c,
                 const std::function<double(double)>& xs, const std::function<double(double)>& ys) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
  cairo_set_line_width(cr, 1.3);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  bool drawing = false;
  for (std::size_t i = 0; i < std::min(t.size(), v.size()); ++i) {
    if (!std::isfinite(v[i])) {  // a frame without a valid face breaks the line
      drawing = false;
      continue;
    }
    drawing ? cairo_line_to(cr, xs(t[i]), ys(v[i])) : cairo_move_to(cr, xs(t[i]), ys(v[i]));
    drawing = true;
  }
  cairo_stroke(cr);
}

}  // namespace

double typical_event_height(const TypicalEvent& event) {
  const auto n = static_cast<double>(std::max<std::size_t>(1, panels_of(event).size()));
  return kTitleBand + n * kPanelHeight + (n - 1) * kPanelGap + kTimeAxisBand + kTraceLegendBand;
}

void draw_typical_event(const Canvas& canvas, const Box& box, const TypicalEvent& e) {
  cairo_t* cr = canvas.cr();
  canvas.text(box.x, box.y + 10, canvas.fit(e.title, font::kSubheading, box.w), font::kSubheading);
  const auto panels = panels_of(e);
  if (panels.empty() || e.time_s.size() < 2) {
    canvas.text(box.x, box.y + kTitleBand + 12, "No trace stored for this event.", font::kBody, colour::kMuted);
    return;
  }
  const double t0 = e.time_s.front(), t1 = std::max(e.time_s.back(), t0 + 0.1);
  const double plot_x = box.x + kPanelLabelWidth, plot_w = box.w - kPanelLabelWidth - 4.0;
  const std::function<double(double)> xs = [&](double t) { return plot_x + (t - t0) / (t1 - t0) * plot_w; };

  double top = box.y + kTitleBand;
  for (const Panel& p : panels) {
    double lo = 0.0, hi = 1.0;
    if (!p.fixed_unit_range) {
      lo = 0.0, hi = 0.05;  // a flat trace still gets a readable axis
      for (const auto* s : p.series)
        for (double v : *s)
          if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    const auto ticks = p.fixed_unit_range ? std::vector<double>{0.0, 0.5, 1.0} : nice_ticks(lo, hi, 2);
    lo = ticks.front(), hi = ticks.back();
    const std::function<double(double)> ys = [&](double v) {
      return top + kPanelHeight - (v - lo) / (hi - lo) * kPanelHeight;
    };

    const double s0 = std::clamp(xs(e.event_start_s), plot_x, plot_x + plot_w);
    const double s1 = std::clamp(xs(e.event_end_s), plot_x, plot_x + plot_w);
    canvas.fill_rect(s0, top, std::max(s1 - s0, 0.8), kPanelHeight, kEventSpan);
    const int decimals = decimals_for(ticks.size() > 1 ? ticks[1] - ticks[0] : 1.0);
    for (double v : ticks) {
      canvas.line(plot_x, ys(v), plot_x + plot_w, ys(v),
                  v == 0.0 && !p.fixed_unit_range ? colour::kRule : colour::kGrid, 0.5);
      canvas.text(plot_x - 4, ys(v) + 3, number(v, decimals), font::kTick, colour::kText, Align::right);
    }
    canvas.text(box.x, top + 12, p.name, font::kTableBold);
    canvas.text(box.x, top + 24, p.unit, font::kTick, colour::kMuted);
    cairo_save(cr);
    cairo_rectangle(cr, plot_x, top - 1, plot_w, kPanelHeight + 2);
    cairo_clip(cr);
    draw_series(cr, e.time_s, *p.series[index_of(Side::right)], colour::kRight, xs, ys);
    draw_series(cr, e.time_s, *p.series[index_of(Side::left)], colour::kLeft, xs, ys);
    cairo_restore(cr);
    canvas.stroke_rect(plot_x, top, plot_w, kPanelHeight, colour::kRule, 0.5);
    top += kPanelHeight + kPanelGap;
  }
  top -= kPanelGap;

  const auto tticks = nice_ticks(t0, t1, 8);
  const int decimals = decimals_for(tticks.size() > 1 ? tticks[1] - tticks[0] : 1.0);
  for (double t : tticks) {
    if (t < t0 - 1e-9 || t > t1 + 1e-9) continue;
    canvas.line(xs(t), top, xs(t), top + 3, colour::kText, 0.6);
    canvas.text(xs(t), top + 12, number(t, decimals), font::kTick, colour::kText, Align::centre);
  }
  const std::vector<LegendItem> legend{
      {LegendItem::Kind::trace, colour::kRight, "Right side"},
      {LegendItem::Kind::trace, colour::kLeft, "Left side"},
      {LegendItem::Kind::swatch, kEventSpan, "The event"},
      {LegendItem::Kind::text, colour::kMuted, "Time in seconds from the event's start"}};
  draw_legend(canvas, plot_x, top + kTimeAxisBand - 2, plot_w, legend);
}

}  // namespace hemitrack::report
