#pragma once
// Everything the neurologist's PDF report shows, already computed: numbers, dates and sentences,
// no database access. Whoever fills it (from the session history) decides what the figures are;
// the renderer (pdf_report.h) only lays them out. Missing figures are std::nullopt and print as
// "—"; empty lists print "none recorded".
//
// Conventions: left/right are the patient's anatomical sides (DESIGN §3); percentages are 0..100;
// eyelid closure is 0 (open) .. 1 (closed); mouth and brow movement are in inter-ocular distances;
// dates are DayNumber (core/calendar.h).
#include "core/calendar.h"
#include "core/events.h"
#include "core/hfs7.h"
#include "core/landmarks.h"
#include "core/treatment.h"
#include "core/trend.h"

#include <opencv2/core.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hemitrack::report {

// Printed on every report, whatever the document says (DESIGN §1).
inline constexpr std::string_view kDisclaimer = "hemitrack measures; it does not diagnose.";

// How far an event spread (core/trend.h's Spread), as a table heading: "Eye only", "Eye + mouth",
// "Reaching the brow", "Mouth without eye".
std::string_view spread_heading(Spread s);

// A count of events and its rate per hour of monitored time (none when nothing was monitored).
struct RateFigure {
  int events = 0;
  std::optional<double> per_hour;
};

struct EventHighlight {
  std::string when;  // date and time (UTC, as the history keeps them), "2026-03-04 09:14 UTC"
  Side side = Side::left;
  EventKind kind = EventKind::tonic;
  double duration_s = 0.0;
};

// Page 1's figures for the whole period.
struct SummaryFigures {
  double monitored_hours = 0.0;  // time with a face in view
  int sessions = 0;
  RateFigure all;
  std::array<RateFigure, 2> by_side{};               // index_of(Side)
  std::array<RateFigure, 2> by_kind{};               // [0] clonic, [1] tonic
  std::array<RateFigure, kSpreadCount> by_spread{};  // indexed by Spread
  std::optional<Side> affected_side;                 // none when there were no events
  std::optional<double> affected_eye_closed_pct;     // % of monitored time the affected eye was closed
  std::optional<EventHighlight> longest_event;
  int other_babinski_events = 0;  // events where the same-side brow rose as the eye closed
};

// An estimated change from the first period to the second with its 95 % interval, in the unit the
// quantity is compared in: e.g. -42 with unit "%" for a rate, +0.3 " s" for a duration.
struct ChangeEstimate {
  double estimate = 0.0;
  double low = 0.0;
  double high = 0.0;
  std::string unit;  // printed after the estimate: "%", " s", " pp" (percentage points)
  int decimals = 0;
};

struct PeriodColumn {
  std::string label;  // "4 weeks before (3 Feb – 2 Mar)"
  double monitored_hours = 0.0;
  int sessions = 0;
  int events = 0;
  std::optional<double> events_per_hour;
  std::optional<double> mean_duration_s;
  std::optional<double> mean_peak_closure;  // 0..1, over events involving the eye
  std::optional<double> eye_closed_pct;     // affected eye, % of monitored time
};

// Before/after a treatment. When enough_data is false the report states `reason` plainly and
// shows no rates, percentages or estimates, only how much was monitored in each period.
struct ComparisonBlock {
  bool enough_data = false;
  std::string sentence;  // when enough_data: the finding in one plain sentence, printed in bold
  std::string reason;    // when not: why ("Only 1.5 monitored hours after the injection; 5 needed.")
  PeriodColumn before;
  PeriodColumn after;
  std::optional<ChangeEstimate> events_per_hour_change;  // usually % change of the rate ratio
  std::optional<ChangeEstimate> duration_change;
  std::optional<ChangeEstimate> peak_closure_change;
  std::optional<ChangeEstimate> eye_closed_change;
  std::string method;  // small print under the table ("Rate ratio, sessions as clusters.")
};

// One bar of the trend chart and one row of the trend table: [first_day, first_day + days).
struct TrendRow {
  DayNumber first_day = 0;
  int days = 7;
  double monitored_hours = 0.0;
  int events = 0;
  std::optional<double> events_per_hour;                       // none: not monitored, or too little to give a rate
  std::optional<double> eye_closed_pct;                        // affected eye
  std::optional<double> tonic_pct;                             // share of events that were tonic
  std::optional<std::array<double, kSpreadCount>> spread_pct;  // shares by Spread, sum 100
  std::vector<std::string> tags;  // context tags of the bin's sessions ("stress", "tired", ...)
};

// A lightly shaded stretch of the trend chart, e.g. the expected Botox phases
// ("onset", "peak effect", "wearing off"); spans with the same label share a colour.
struct ShadedSpan {
  DayNumber first_day = 0;
  DayNumber end_day = 0;  // exclusive
  std::string label;
};

// A treatment: a marker on the trend chart and a row of the treatments table.
struct TreatmentEntry {
  DayNumber day = 0;
  std::string chart_label;  // short, on the chart: "Botox 25 U"
  std::string kind;         // "Botox injection"
  std::string product;      // "Botox"; may be empty
  std::string doses;        // "L orbicularis oculi 12.5 U, L zygomaticus major 5 U"; may be empty
  std::string note;
};
// The entry for a recorded treatment, in the words above.
TreatmentEntry describe(const Treatment& treatment);

struct EventRow {
  std::string session_start;  // UTC date and time the session began, "2026-03-04 09:12"
  double time_in_session_s = 0.0;
  Side side = Side::left;
  std::vector<Region> regions;  // ordered eye, mouth, brow
  EventKind kind = EventKind::clonic;
  double duration_s = 0.0;
  std::optional<double> peak_closure;  // none when the eye took no part
  bool other_babinski = false;
};

// One side's signals around an event; each vector is as long as TypicalEvent::time_s, or empty
// when that signal is not shown.
struct SideTrace {
  std::vector<double> closure;  // 0..1
  std::vector<double> mouth;    // mouth-corner rise, inter-ocular distances
  std::vector<double> brow;     // brow height, inter-ocular distances (+ raised)
};

struct TypicalEvent {
  std::string title;               // "Typical tonic event: left eye + mouth, 2.4 s (4 Mar 2026 09:14)"
  std::vector<double> time_s;      // seconds from the event's start (negative before it)
  std::array<SideTrace, 2> sides;  // index_of(Side)
  double event_start_s = 0.0;      // the shaded span, on time_s's scale
  double event_end_s = 0.0;
};

struct StillFrame {
  cv::Mat image_bgr;    // 8-bit BGR, any size (scaled down to print)
  std::string caption;  // "4 Mar 2026 09:14 · left · tonic"
};

// A clinical scale scored from the measurements; the report always prints it as an estimate.
struct ScaleLine {
  std::string scale;  // "Jankovic Rating Scale, severity"
  int score = 0;
  int max = 0;
  std::string basis;       // how it was estimated, one or two sentences
  std::string score_text;  // the score in the scale's own words ("grade III"); empty: "score of max"
};

struct ReportDocument {
  std::string title = "Hemifacial spasm monitoring report";
  std::string patient;       // as the patient wrote it; empty leaves a line to write on
  std::string period_label;  // "1 March – 30 April 2026"
  DayNumber period_first_day = 0;
  DayNumber period_last_day = 0;  // inclusive
  DayNumber generated_day = 0;
  std::string program_version;                        // "0.1.0"
  std::string disclaimer = std::string(kDisclaimer);  // kDisclaimer is printed even if this is empty

  SummaryFigures summary;
  ComparisonBlock comparison;

  std::vector<TrendRow> trend;  // oldest first, within the period
  std::vector<ShadedSpan> phases;
  std::vector<TreatmentEntry> treatments;  // oldest first; those in the period are marked on the chart
  std::vector<Hfs7Answers> hfs7;           // oldest first; totals are plotted on the chart

  std::vector<EventRow> events;  // all of them, oldest first (the report lists kMaxEventRows)
  std::vector<TypicalEvent> typical_events;
  std::vector<StillFrame> stills;
  std::vector<ScaleLine> scale_estimates;
  std::string no_estimates_reason;  // why there are none, when there are none ("too little monitored time")
};

}  // namespace hemitrack::report
