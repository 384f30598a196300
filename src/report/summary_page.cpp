// Page 1 of the report: everything a neurologist needs in one minute, on one page.
#include "report/report_charts.h"
#include "report/report_format.h"
#include "report/report_pages.h"

#include <algorithm>
#include <cmath>

namespace hemitrack::report {
namespace {

constexpr double kLeft = page::kMarginX;
constexpr double kWidth = page::kContentWidth;
// The disclaimer and the note on units sit at the bottom of page 1, above the footer.
constexpr double kClosingBand = 34.0;
// Below this the chart's axes and legend crowd out the bars; above the maximum it only grows taller.
constexpr double kMinChartHeight = 130.0;
constexpr double kMaxChartHeight = 290.0;

std::string share_text(int part, int whole) {
  if (whole <= 0) return std::string(kMissing);
  return number(100.0 * part / whole, 0) + "%";
}

void header(PageFlow& flow, const ReportDocument& doc) {
  const Canvas& c = flow.canvas();
  double y = flow.cursor();
  c.text(kLeft, y + 16, c.fit(doc.title, font::kTitle, kWidth), font::kTitle);
  c.text(kLeft, y + 36, c.fit(doc.period_label, font::kPeriod, kWidth * 0.62), font::kPeriod);
  // The patient's name, or a line to write it on: the neurologist files the page.
  const double name_left = kLeft + kWidth * 0.64;
  c.text(name_left, y + 36, "Patient:", font::kBody, colour::kMuted);
  const double after_label = name_left + c.text_width("Patient: ", font::kBody);
  if (doc.patient.empty())
    c.line(after_label, y + 37, kLeft + kWidth, y + 37, colour::kRule, 0.6);
  else
    c.text(after_label, y + 36, c.fit(doc.patient, font::kBodyBold, kLeft + kWidth - after_label), font::kBodyBold);
  std::string made = "Generated " + format_date_long(doc.generated_day);
  if (!doc.program_version.empty()) made += " by hemitrack " + doc.program_version;
  made += ". Left and right are the patient's own sides.";
  c.text(kLeft, y + 51, c.fit(made, font::kSmall, kWidth), font::kSmall, colour::kMuted);
  c.line(kLeft, y + 58, kLeft + kWidth, y + 58, colour::kText, 0.8);
  flow.move_to(y + 62);
}

std::string monitored_text(double hours, int sessions) {
  return hours_text(hours) + ", " + std::to_string(sessions) + (sessions == 1 ? " session" : " sessions");
}

TableRow rate_row(std::string label, const RateFigure& f, int all_events) {
  return {std::move(label), std::to_string(f.events), rate_text(f.per_hour), share_text(f.events, all_events)};
}

// One label over its value, stacked: the key figures beside the rate table.
double key_figure(const Canvas& c, double x, double y, double width, std::string_view label, std::string_view value) {
  c.text(x, y + 9, c.fit(label, font::kSmall, width), font::kSmall, colour::kMuted);
  const double h = c.paragraph(x, y + 12, width, value, font::kBodyBold);
  return 12 + h + 5;
}

void summary(PageFlow& flow, const ReportDocument& doc) {
  const SummaryFigures& s = doc.summary;
  section_heading(flow, "Summary of the period", 150);
  const Canvas& c = flow.canvas();
  const double top = flow.cursor();

  const std::vector<Column> columns{{"One-sided events", 150},
                                    {"Count", 48, Align::right},
                                    {"Per hour", 52, Align::right},
                                    {"Share", 46, Align::right}};
  const int all = s.all.events;
  std::vector<TableRow> rows{
      rate_row("All events", s.all, all), rate_row("Right side", s.by_side[index_of(Side::right)], all),
      rate_row("Left side", s.by_side[index_of(Side::left)], all),
      rate_row("Clonic (brief twitches)", s.by_kind[0], all), rate_row("Tonic (sustained)", s.by_kind[1], all)};
  for (Spread sp : kAllSpreads)
    rows.push_back(rate_row(std::string(spread_heading(sp)), s.by_spread[static_cast<std::size_t>(sp)], all));
  TableStyle style;
  style.bold_rows = 1;
  style.rules_after = {0, 2, 4};  // all | by side | by kind | by spread
  const double table_h = draw_table_at(c, kLeft, top, columns, rows, style);

  const double fx = kLeft + 316, fw = kWidth - 316;
  double fy = top;
  fy += key_figure(c, fx, fy, fw, "Monitored (a face in view)", monitored_text(s.monitored_hours, s.sessions));
  fy += key_figure(c, fx, fy, fw, "Affected side",
                   s.affected_side ? capitalised(side_text(*s.affected_side)) : "None (no events)");
  const std::string eye =
      s.affected_side ? capitalised(side_text(*s.affected_side)) + " eye closed" : "Affected eye closed";
  fy += key_figure(c, fx, fy, fw, eye,
                   s.affected_eye_closed_pct ? number(*s.affected_eye_closed_pct, 1) + "% of monitored time"
                                             : std::string(kMissing));
  std::string longest(kMissing);
  if (s.longest_event)
    longest = seconds_text(s.longest_event->duration_s) + ", " + kind_text(s.longest_event->kind) + ", " +
              side_text(s.longest_event->side) + "\n" + s.longest_event->when;
  fy += key_figure(c, fx, fy, fw, "Longest event", longest);
  fy += key_figure(c, fx, fy, fw, "Brow sign (\"other Babinski\")",
                   std::to_string(s.other_babinski_events) + (s.other_babinski_events == 1 ? " event" : " events"));
  flow.move_to(std::max(top + table_h, fy) + 4);
}

void comparison(PageFlow& flow, const ReportDocument& doc) {
  const ComparisonBlock& cmp = doc.comparison;
  section_heading(flow, "Before and after treatment", 60);
  const Canvas& c = flow.canvas();
  if (!cmp.enough_data) {
    // The reason, prominently, and only what was monitored: no rates, no estimates.
    const std::string reason = cmp.reason.empty() ? std::string("Too little monitored time to compare.") : cmp.reason;
    const std::string amounts = (cmp.before.label.empty() ? std::string("Before") : cmp.before.label) + ": " +
                                hours_text(cmp.before.monitored_hours) + " monitored. " +
                                (cmp.after.label.empty() ? std::string("After") : cmp.after.label) + ": " +
                                hours_text(cmp.after.monitored_hours) + " monitored.";
    const double inner = kWidth - 20;
    const double h = 8 + Canvas::line_height(font::kBodyBold) +
                     c.wrap(reason, font::kBody, inner).size() * Canvas::line_height(font::kBody) + 4 +
                     c.wrap(amounts, font::kSmall, inner).size() * Canvas::line_height(font::kSmall) + 8;
    const double y = flow.cursor();
    c.fill_rect(kLeft, y, kWidth, h, colour::kNoticeFill);
    c.stroke_rect(kLeft, y, kWidth, h, colour::kNoticeEdge, 0.8);
    double t = y + 8;
    t += c.paragraph(kLeft + 10, t, inner, "Not enough data for a before/after comparison.", font::kBodyBold);
    t += c.paragraph(kLeft + 10, t, inner, reason, font::kBody);
    c.paragraph(kLeft + 10, t + 4, inner, amounts, font::kSmall, colour::kMuted);
    flow.move_to(y + h + 6);
    return;
  }
  body_text(flow, cmp.sentence, font::kBodyBold);
  flow.advance(3);
  auto change = [](const std::optional<ChangeEstimate>& e) { return e ? change_text(*e) : std::string(); };
  const PeriodColumn& b = cmp.before;
  const PeriodColumn& a = cmp.after;
  // "Before (16 Feb – 15 Mar)" reads best as "Before" over its dates.
  auto header_of = [](const std::string& label, const char* fallback) {
    std::string h = label.empty() ? std::string(fallback) : label;
    if (const auto at = h.find(" ("); at != std::string::npos) h.replace(at, 1, "\n");
    return h;
  };
  const std::vector<Column> columns{{"", 126},
                                    {header_of(b.label, "Before"), 114, Align::right, true},
                                    {header_of(a.label, "After"), 114, Align::right, true},
                                    {"Change (95% interval)", kWidth - 354, Align::right, true}};
  const std::vector<TableRow> rows{
      {"Monitored", monitored_text(b.monitored_hours, b.sessions), monitored_text(a.monitored_hours, a.sessions), ""},
      {"Events", std::to_string(b.events), std::to_string(a.events), ""},
      {"Events per hour", rate_text(b.events_per_hour), rate_text(a.events_per_hour),
       change(cmp.events_per_hour_change)},
      {"Mean event duration", number_or_missing(b.mean_duration_s, 2, " s"),
       number_or_missing(a.mean_duration_s, 2, " s"), change(cmp.duration_change)},
      {"Mean peak closure (0\u20131)", number_or_missing(b.mean_peak_closure, 2),
       number_or_missing(a.mean_peak_closure, 2), change(cmp.peak_closure_change)},
      {"Affected eye closed", number_or_missing(b.eye_closed_pct, 1, "%"), number_or_missing(a.eye_closed_pct, 1, "%"),
       change(cmp.eye_closed_change)},
  };
  flow.advance(draw_table_at(c, kLeft, flow.cursor(), columns, rows));
  if (!cmp.method.empty()) {
    flow.advance(2);
    body_text(flow, cmp.method, font::kSmall, colour::kMuted);
  }
  flow.advance(2);
}

// Short lines under the chart naming the treatments in the period with their doses: two at most,
// page 1 has no room for more (the treatments table lists them all).
std::vector<std::string> treatment_lines(const Canvas& c, const ReportDocument& doc) {
  std::vector<const TreatmentEntry*> in_period;
  for (const TreatmentEntry& t : doc.treatments)
    if (t.day >= doc.period_first_day && t.day <= doc.period_last_day) in_period.push_back(&t);
  std::vector<std::string> lines;
  const std::size_t shown = in_period.size() > 2 ? 1 : in_period.size();
  for (std::size_t i = 0; i < shown; ++i) {
    const TreatmentEntry& t = *in_period[i];
    std::string line = format_date_long(t.day) + ": " + (t.chart_label.empty() ? t.kind : t.chart_label);
    if (!t.doses.empty()) line += " (" + t.doses + ")";
    lines.push_back(c.fit(line, font::kSmall, kWidth));
  }
  if (shown < in_period.size())
    lines.push_back("and " + std::to_string(in_period.size() - shown) + " more: see the treatments table.");
  return lines;
}

void trend(PageFlow& flow, const ReportDocument& doc) {
  section_heading(flow, "Trend over the period", 40);
  const Canvas& c = flow.canvas();
  const double bottom = page::kContentBottom - kClosingBand;
  if (!trend_has_rates(doc)) {
    body_text(flow,
              doc.trend.empty() ? "No monitored sessions in this period: nothing to chart."
                                : "Too little monitored time in this period to chart a rate.",
              font::kBody, colour::kMuted);
    return;
  }
  const auto lines = treatment_lines(c, doc);
  const double lines_h = lines.size() * Canvas::line_height(font::kSmall);
  const double room = bottom - flow.cursor() - lines_h - 4;
  if (room < kMinChartHeight) {  // only when the texts above are far longer than they should be
    body_text(flow, "The trend chart did not fit on this page: see \"Trend in detail\".", font::kBody, colour::kMuted);
    return;
  }
  const double chart_h = std::min(room, kMaxChartHeight);
  draw_trend_chart(c, {kLeft, flow.cursor(), kWidth, chart_h}, doc);
  flow.advance(chart_h + 4);
  for (const std::string& line : lines) {
    c.text(kLeft, flow.cursor() + 9, line, font::kSmall, colour::kTreatment);
    flow.advance(Canvas::line_height(font::kSmall));
  }
}

void closing(PageFlow& flow, const ReportDocument& doc) {
  const Canvas& c = flow.canvas();
  const double y = page::kContentBottom - kClosingBand + 6;
  c.line(kLeft, y, kLeft + kWidth, y, colour::kRule, 0.5);
  c.text(kLeft, y + 13,
         c.fit(doc.disclaimer.empty() ? std::string(kDisclaimer) : doc.disclaimer, font::kBodyBold, kWidth),
         font::kBodyBold);
  c.text(kLeft, y + 25,
         c.fit("Rates count one-sided events per hour a face was in view. Scale scores in this report are estimates.",
               font::kSmall, kWidth),
         font::kSmall, colour::kMuted);
}

}  // namespace

void section_heading(PageFlow& flow, std::string_view title, double first_content) {
  const double height = 24.0;
  flow.need(height + first_content);
  if (flow.cursor() > page::kContentTop + 1) flow.advance(8);
  flow.canvas().text(page::kMarginX, flow.cursor() + 13, title, font::kHeading);
  flow.advance(height - 4);
}

void body_text(PageFlow& flow, std::string_view text, const Font& font, Rgb colour) {
  const auto lines = flow.canvas().wrap(text, font, page::kContentWidth);
  for (const std::string& line : lines) {
    flow.need(Canvas::line_height(font));
    flow.advance(flow.canvas().paragraph(page::kMarginX, flow.cursor(), page::kContentWidth, line, font, colour));
  }
}

void compose_summary_page(PageFlow& flow, const ReportDocument& doc) {
  header(flow, doc);
  summary(flow, doc);
  comparison(flow, doc);
  trend(flow, doc);
  closing(flow, doc);
}

}  // namespace hemitrack::report
