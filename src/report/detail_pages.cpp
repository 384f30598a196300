// The pages after the summary: short clinical records first (treatments, scales, HFS-7), then the
// trend bin by bin, typical events, still frames and, last, the long event table.
#include "report/report_charts.h"
#include "report/report_format.h"
#include "report/report_pages.h"

#include <algorithm>

namespace hemitrack::report {
namespace {

constexpr double kLeft = page::kMarginX;
constexpr double kWidth = page::kContentWidth;

void none_recorded(PageFlow& flow, std::string_view what) {
  body_text(flow, std::string(what), font::kBody, colour::kMuted);
}

void treatments(PageFlow& flow, const ReportDocument& doc) {
  section_heading(flow, "Treatments", 40);
  if (doc.treatments.empty()) return none_recorded(flow, "No treatments recorded.");
  const std::vector<Column> columns{{"Date", 70},
                                    {"Treatment", 118, Align::left, true},
                                    {"Product", 70, Align::left, true},
                                    {"Doses", 150, Align::left, true},
                                    {"Note", kWidth - 408, Align::left, true}};
  std::vector<TableRow> rows;
  for (const TreatmentEntry& t : doc.treatments)
    rows.push_back({format_date(t.day), t.kind, t.product, t.doses, t.note});
  draw_table(flow, columns, rows);
}

void scale_estimates(PageFlow& flow, const ReportDocument& doc) {
  section_heading(flow, "Clinical scales (estimates)", 40);
  if (doc.scale_estimates.empty())
    return none_recorded(flow, doc.no_estimates_reason.empty() ? "No scale estimates." : doc.no_estimates_reason);
  body_text(flow, "Estimated from the measurements, not rated by a clinician: a starting point for the examination.",
            font::kBody, colour::kMuted);
  flow.advance(4);
  for (const ScaleLine& s : doc.scale_estimates) {
    const double basis_h =
        flow.canvas().wrap(s.basis, font::kBody, kWidth - 12).size() * Canvas::line_height(font::kBody);
    flow.need(Canvas::line_height(font::kBodyBold) + basis_h + 6);
    const std::string score =
        s.score_text.empty() ? std::to_string(s.score) + " of " + std::to_string(s.max) : s.score_text;
    body_text(flow, s.scale + ": estimate " + score, font::kBodyBold);
    flow.advance(flow.canvas().paragraph(kLeft + 12, flow.cursor(), kWidth - 12, s.basis, font::kBody));
    flow.advance(6);
  }
}

void hfs7(PageFlow& flow, const ReportDocument& doc) {
  section_heading(flow, "HFS-7 questionnaire", 40);
  if (doc.hfs7.empty()) return none_recorded(flow, "No HFS-7 questionnaires recorded.");
  body_text(flow,
            "Each answer 0 (never) to 4 (always); the total runs 0\u201328, higher is worse. Q1 reading, Q2 driving, "
            "Q3 low mood, Q4 avoiding eye contact, Q5 embarrassment, Q6 sleep, Q7 worry about others' reactions.",
            font::kBody, colour::kMuted);
  flow.advance(4);
  std::vector<Column> columns{{"Date", 70}};
  for (int q = 1; q <= kHfs7Items; ++q) columns.push_back({"Q" + std::to_string(q), 28, Align::centre});
  columns.push_back({"Total", 52, Align::right});
  columns.push_back({"Note", kWidth - 70 - 28 * kHfs7Items - 52, Align::left, true});
  std::vector<TableRow> rows;
  for (const Hfs7Answers& a : doc.hfs7) {
    TableRow row{format_date(a.day)};
    for (int answer : a.answers) row.push_back(std::to_string(answer));
    row.push_back(std::to_string(a.total()) + " / 28");
    row.push_back(a.note);
    rows.push_back(std::move(row));
  }
  draw_table(flow, columns, rows);
}

// "1–7 Mar", "29 Mar – 4 Apr": the days a bin covers.
std::string day_range(DayNumber first, int days) {
  const std::string from = format_day_month(first);
  if (days <= 1) return from;
  const std::string to = format_day_month(first + days - 1);
  const auto month = [](const std::string& dm) { return dm.substr(dm.find(' ')); };
  if (month(from) == month(to)) return from.substr(0, from.find(' ')) + "\u2013" + to;
  return from + " \u2013 " + to;
}

void trend_table(PageFlow& flow, const ReportDocument& doc) {
  section_heading(flow, "Trend in detail", 40);
  if (doc.trend.empty()) return none_recorded(flow, "No monitored sessions in this period.");
  body_text(flow,
            "Eye closed: % of monitored time the affected eye was closed. Tonic and spread: shares of the events "
            "in those days; spread is eye only / eye + mouth / reaching the brow / mouth without eye.",
            font::kBody, colour::kMuted);
  flow.advance(4);
  const std::vector<Column> columns{{"Days", 78},
                                    {"Monitored", 62, Align::right},
                                    {"Events", 44, Align::right},
                                    {"Per hour", 50, Align::right},
                                    {"Eye closed", 48, Align::right},
                                    {"Tonic", 40, Align::right},
                                    {"Spread (%)", 92, Align::right},
                                    {"Tags", kWidth - 414, Align::left, true}};
  std::vector<TableRow> rows;
  for (const TrendRow& b : doc.trend) {
    std::string spread(kMissing);
    if (b.spread_pct) {
      spread.clear();
      for (double share : *b.spread_pct) spread += (spread.empty() ? "" : " / ") + number(share, 0);
    }
    std::string tags;
    for (const std::string& t : b.tags) tags += (tags.empty() ? "" : ", ") + t;
    rows.push_back({day_range(b.first_day, b.days), hours_text(b.monitored_hours), std::to_string(b.events),
                    rate_text(b.events_per_hour), number_or_missing(b.eye_closed_pct, 1, "%"),
                    number_or_missing(b.tonic_pct, 0, "%"), spread, tags});
  }
  TableStyle style;
  style.continued = "Trend in detail (continued)";
  draw_table(flow, columns, rows, style);
}

void typical_events(PageFlow& flow, const ReportDocument& doc) {
  const double first_h = doc.typical_events.empty() ? 20.0 : typical_event_height(doc.typical_events.front());
  section_heading(flow, "Typical events", first_h);
  if (doc.typical_events.empty()) return none_recorded(flow, "No typical events: none recorded with a stored trace.");
  for (const TypicalEvent& e : doc.typical_events) {
    const double h = typical_event_height(e);
    flow.need(h);
    draw_typical_event(flow.canvas(), {kLeft, flow.cursor(), kWidth, h}, e);
    flow.advance(h + 14);
  }
}

void stills(PageFlow& flow, const ReportDocument& doc) {
  constexpr double kGap = 19.0;
  constexpr double kImageW = (kWidth - kGap) / 2, kImageH = 180.0;
  section_heading(flow, "Still frames from event clips", doc.stills.empty() ? 20.0 : kImageH + 30);
  if (doc.stills.empty()) return none_recorded(flow, "No clips recorded.");
  for (std::size_t i = 0; i < doc.stills.size(); i += 2) {
    double caption_h = 0.0;
    for (std::size_t k = i; k < std::min(i + 2, doc.stills.size()); ++k)
      caption_h = std::max(caption_h, flow.canvas().wrap(doc.stills[k].caption, font::kTable, kImageW).size() *
                                          Canvas::line_height(font::kTable));
    flow.need(kImageH + caption_h + 6);
    double row_h = 0.0;
    for (std::size_t k = i; k < std::min(i + 2, doc.stills.size()); ++k) {
      const double x = kLeft + (k - i) * (kImageW + kGap);
      const double h = flow.canvas().image(doc.stills[k].image_bgr, x, flow.cursor(), kImageW, kImageH);
      const double ch = flow.canvas().paragraph(x, flow.cursor() + h + 3, kImageW, doc.stills[k].caption, font::kTable);
      row_h = std::max(row_h, h + 3 + ch);
    }
    flow.advance(row_h + 12);
  }
}

void event_table(PageFlow& flow, const ReportDocument& doc) {
  section_heading(flow, "Events", 60);
  if (doc.events.empty()) return none_recorded(flow, "No one-sided events recorded in this period.");
  const std::size_t total = doc.events.size();
  const std::size_t listed = std::min<std::size_t>(total, kMaxEventRows);
  std::string intro =
      "Sessions start in UTC; \"time\" is the time into the session. Brow sign: the brow on the same side "
      "rose while that eye closed (the \"other Babinski\" sign).";
  if (listed < total)
    intro += " The " + std::to_string(listed) + " most recent of " + std::to_string(total) + " events are listed; " +
             std::to_string(total - listed) + " earlier ones are left out. The CSV export lists them all.";
  body_text(flow, intro, font::kBody, colour::kMuted);
  flow.advance(4);
  const std::vector<Column> columns{{"Session", 92},
                                    {"Time", 46, Align::right},
                                    {"Side", 42},
                                    {"Regions", 100},
                                    {"Kind", 46},
                                    {"Duration", 54, Align::right},
                                    {"Peak closure", 60, Align::right},
                                    {"Brow sign", kWidth - 440, Align::centre}};
  std::vector<TableRow> rows;
  for (std::size_t i = total - listed; i < total; ++i) {
    const EventRow& e = doc.events[i];
    rows.push_back({e.session_start, clock_text(e.time_in_session_s), side_text(e.side), regions_text(e.regions),
                    kind_text(e.kind), seconds_text(e.duration_s), number_or_missing(e.peak_closure, 2),
                    e.other_babinski ? "yes" : ""});
  }
  TableStyle style;
  style.continued = "Events (continued)";
  draw_table(flow, columns, rows, style);
}

}  // namespace

void compose_detail_pages(PageFlow& flow, const ReportDocument& doc) {
  treatments(flow, doc);
  scale_estimates(flow, doc);
  hfs7(flow, doc);
  trend_table(flow, doc);
  typical_events(flow, doc);
  stills(flow, doc);
  event_table(flow, doc);
}

}  // namespace hemitrack::report
