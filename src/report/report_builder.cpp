#include "report/report_builder.h"

#include "core/scale_estimates.h"
#include "report/report_format.h"

#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

namespace hemitrack {
namespace {

using report::ReportDocument;

std::string hhmm(double day) {
  const double frac = day - std::floor(day);
  const int minutes = static_cast<int>(std::floor(frac * 1440.0 + 1e-6));
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60 % 24, minutes % 60);
  return buf;
}

// An event with the session it belongs to, for the tables and the choice of typical events.
struct PlacedEvent {
  const SessionSample* session;
  const TwitchEvent* event;
  double day() const { return session->start_day + event->start_s / 86400.0; }
};

std::vector<PlacedEvent> all_events(const PeriodData& d) {
  std::vector<PlacedEvent> out;
  for (const SessionSample& s : d.sessions)
    for (const TwitchEvent& e : s.events) out.push_back({&s, &e});
  std::stable_sort(out.begin(), out.end(),
                   [](const PlacedEvent& a, const PlacedEvent& b) { return a.day() < b.day(); });
  return out;
}

report::RateFigure rate(int events, double hours) {
  report::RateFigure r;
  r.events = events;
  if (hours > 0) r.per_hour = events / hours;
  return r;
}

report::SummaryFigures summarise(const PeriodData& d, const std::vector<PlacedEvent>& events) {
  report::SummaryFigures f;
  double monitored_s = 0.0;
  std::array<double, 2> closed_s{};
  for (const SessionSample& s : d.sessions) {
    monitored_s += s.monitored_s;
    for (int i = 0; i < 2; ++i) closed_s[static_cast<std::size_t>(i)] += s.eye_closed_s[static_cast<std::size_t>(i)];
  }
  f.monitored_hours = monitored_s / 3600.0;
  f.sessions = static_cast<int>(d.sessions.size());
  std::array<int, 2> by_side{}, by_kind{};
  std::array<int, kSpreadCount> by_spread{};
  const PlacedEvent* longest = nullptr;
  for (const PlacedEvent& p : events) {
    ++by_side[static_cast<std::size_t>(index_of(p.event->side))];
    ++by_kind[p.event->kind == EventKind::tonic ? 1 : 0];
    ++by_spread[static_cast<std::size_t>(spread_of(*p.event))];
    f.other_babinski_events += p.event->other_babinski;
    if (!longest || p.event->duration_s() > longest->event->duration_s()) longest = &p;
  }
  f.all = rate(static_cast<int>(events.size()), f.monitored_hours);
  for (std::size_t i = 0; i < 2; ++i) {
    f.by_side[i] = rate(by_side[i], f.monitored_hours);
    f.by_kind[i] = rate(by_kind[i], f.monitored_hours);
  }
  for (std::size_t i = 0; i < kSpreadCount; ++i) f.by_spread[i] = rate(by_spread[i], f.monitored_hours);
  f.affected_side = d.affected;
  if (d.affected && monitored_s > 0)
    f.affected_eye_closed_pct = 100.0 * closed_s[static_cast<std::size_t>(index_of(*d.affected))] / monitored_s;
  if (longest) {
    const double day = longest->day();
    f.longest_event = report::EventHighlight{moment_text(day) + " UTC", longest->event->side, longest->event->kind,
                                             longest->event->duration_s()};
  }
  return f;
}

report::PeriodColumn period_figures_of(const Period& p, const PeriodFigures& f) {
  report::PeriodColumn out;
  out.label = p.label + " (" + describe_dates(p) + ")";
  out.monitored_hours = f.monitored_h;
  out.sessions = f.sessions;
  out.events = f.events;
  out.events_per_hour = f.events_per_hour;
  out.mean_duration_s = f.mean_duration_s;
  out.mean_peak_closure = f.mean_peak_closure;
  out.eye_closed_pct = f.eye_closed_pct;
  return out;
}

std::optional<report::ChangeEstimate> change(const MeanDifference& d, std::string unit, int decimals) {
  if (!d.available) return std::nullopt;
  return report::ChangeEstimate{d.difference, d.low, d.high, std::move(unit), decimals};
}

report::ComparisonBlock comparison_of(const PeriodData& d) {
  report::ComparisonBlock out;
  if (!d.comparison || !d.periods) {
    out.reason = "No Botox injection is recorded up to " + format_date_long(d.to) +
                 ": there is no before and after to compare. Record injections in the dashboard's Treatment cycle "
                 "window or with 'hemitrack treatments add'.";
    return out;
  }
  const Comparison& c = *d.comparison;
  out.enough_data = c.enough_data;
  out.sentence = c.sentence;
  out.reason = c.too_little;
  out.before = period_figures_of(d.periods->before, c.before);
  out.after = period_figures_of(d.periods->after, c.after);
  if (c.enough_data) {
    if (c.rate.available)
      out.events_per_hour_change = report::ChangeEstimate{(c.rate.ratio - 1.0) * 100.0, (c.rate.low - 1.0) * 100.0,
                                                          (c.rate.high - 1.0) * 100.0, "%", 0};
    out.duration_change = change(c.duration_s, " s", 2);
    out.peak_closure_change = change(c.peak_closure, "", 2);
    out.eye_closed_change = change(c.eye_closed_pct, " pp", 1);
  }
  out.method =
      "Affected side only. Rate: ratio of twitches per monitored hour, interval widened for day-to-day "
      "variation (quasi-Poisson); means: Welch intervals; pp: percentage points.";
  return out;
}

report::TrendRow trend_bin_of(const TrendBin& b) {
  report::TrendRow out;
  out.first_day = b.from_day;
  out.days = b.days;
  out.monitored_hours = b.monitored_h;
  out.events = b.events_by_side[0] + b.events_by_side[1];
  out.events_per_hour = b.events_per_hour;
  out.eye_closed_pct = b.eye_closed_pct;
  if (b.tonic_share) out.tonic_pct = *b.tonic_share * 100.0;
  int spread_total = 0;
  for (int n : b.by_spread) spread_total += n;
  if (spread_total > 0) {
    std::array<double, kSpreadCount> shares{};
    for (std::size_t i = 0; i < kSpreadCount; ++i) shares[i] = 100.0 * b.by_spread[i] / spread_total;
    out.spread_pct = shares;
  }
  out.tags = b.tags;
  return out;
}

report::EventRow event_row(const PlacedEvent& p) {
  report::EventRow r;
  r.session_start = moment_text(p.session->start_day);
  r.time_in_session_s = p.event->start_s;
  r.side = p.event->side;
  r.regions = p.event->regions;
  r.kind = p.event->kind;
  r.duration_s = p.event->duration_s();
  if (p.event->involves(Region::eye)) r.peak_closure = p.event->peak_closure;
  r.other_babinski = p.event->other_babinski;
  return r;
}

// The events of one kind on the affected side, ordered by how far their duration lies from the
// median: the first is the typical one, the rest stand in when its signals were not kept.
std::vector<PlacedEvent> typical_candidates(const std::vector<PlacedEvent>& events, Side side, EventKind kind) {
  std::vector<PlacedEvent> out;
  for (const PlacedEvent& p : events)
    if (p.event->side == side && p.event->kind == kind) out.push_back(p);
  if (out.empty()) return out;
  std::vector<double> durations;
  for (const PlacedEvent& p : out) durations.push_back(p.event->duration_s());
  std::nth_element(durations.begin(), durations.begin() + static_cast<std::ptrdiff_t>(durations.size() / 2),
                   durations.end());
  const double median = durations[durations.size() / 2];
  std::stable_sort(out.begin(), out.end(), [&](const PlacedEvent& a, const PlacedEvent& b) {
    return std::abs(a.event->duration_s() - median) < std::abs(b.event->duration_s() - median);
  });
  return out;
}

std::optional<report::TypicalEvent> typical_event(const SessionStore& store, const std::vector<PlacedEvent>& candidates,
                                                  std::string_view kind_name) {
  constexpr double kMargin = 2.0;  // seconds shown either side: the face at rest around the event
  constexpr std::size_t kTries = 8;
  for (std::size_t i = 0; i < candidates.size() && i < kTries; ++i) {
    const TwitchEvent& e = *candidates[i].event;
    auto loaded = store.load_signals(candidates[i].session->id, e.start_s - kMargin, e.end_s + kMargin);
    if (!std::holds_alternative<std::vector<StoredFrame>>(loaded)) continue;
    const auto& frames = std::get<std::vector<StoredFrame>>(loaded);
    if (frames.size() < 10) continue;  // signals not kept (or lost): try the next most typical
    report::TypicalEvent t;
    t.title = "Typical " + std::string(kind_name) + " event: " + report::side_text(e.side) + " " +
              report::regions_text(e.regions) + ", " + report::seconds_text(e.duration_s()) + " (" +
              moment_text(candidates[i].day()) + " UTC)";
    t.event_start_s = 0.0;
    t.event_end_s = e.duration_s();
    for (const StoredFrame& f : frames) {
      t.time_s.push_back(f.time_s - e.start_s);
      for (std::size_t s = 0; s < 2; ++s) {
        const double nan = std::nan("");
        t.sides[s].closure.push_back(f.valid ? f.closure[s] : nan);
        t.sides[s].mouth.push_back(f.valid ? f.mouth[s] : nan);
        t.sides[s].brow.push_back(f.valid ? f.brow[s] : nan);
      }
    }
    return t;
  }
  return std::nullopt;
}

// The frame at the middle of the event, from its clip; empty when the clip cannot be read.
cv::Mat frame_from_clip(const ClipInfo& clip, const TwitchEvent& e) {
  cv::VideoCapture capture(clip.path.string(), cv::CAP_FFMPEG);
  if (!capture.isOpened()) return {};
  const double fps = capture.get(cv::CAP_PROP_FPS);
  const double at = (e.start_s + e.end_s) * 0.5 - clip.start_s;
  const double frame = std::max(0.0, std::floor(at * (fps > 0 && fps < 240 ? fps : 25.0)));
  capture.set(cv::CAP_PROP_POS_FRAMES, frame);
  cv::Mat image;
  if (!capture.read(image) || image.empty()) return {};
  return image;
}

std::vector<report::StillFrame> stills(const SessionStore& store, const PeriodData& d, std::size_t max_stills) {
  std::vector<report::StillFrame> out;
  if (max_stills == 0) return out;
  auto listed = store.list_clips();
  if (!std::holds_alternative<std::vector<ClipInfo>>(listed)) return out;
  std::map<SessionId, const SessionSample*> sessions;
  for (const SessionSample& s : d.sessions) sessions[s.id] = &s;
  std::vector<std::pair<const ClipInfo*, PlacedEvent>> shown;
  for (const ClipInfo& c : std::get<std::vector<ClipInfo>>(listed)) {
    const auto s = sessions.find(c.session);
    if (s == sessions.end() || !c.event_number) continue;
    for (const TwitchEvent& e : s->second->events)
      if (e.id == *c.event_number) shown.push_back({&c, PlacedEvent{s->second, &e}});
  }
  // Tonic events first (what a neurologist most wants to see), then the newest.
  std::stable_sort(shown.begin(), shown.end(), [](const auto& a, const auto& b) {
    if (a.second.event->kind != b.second.event->kind) return a.second.event->kind == EventKind::tonic;
    return a.second.day() > b.second.day();
  });
  for (const auto& [clip, placed] : shown) {
    if (out.size() >= max_stills) break;
    cv::Mat image = frame_from_clip(*clip, *placed.event);
    if (image.empty()) continue;
    out.push_back({image, moment_text(placed.day()) + " UTC · " + report::side_text(placed.event->side) + " · " +
                              report::kind_text(placed.event->kind) + ", " +
                              report::seconds_text(placed.event->duration_s())});
  }
  return out;
}

// Like the comparison, the scales need enough monitoring to say anything: a few minutes of a
// good or a bad moment would be graded as if they were the patient's day.
std::vector<report::ScaleLine> scale_estimates_for(const PeriodData& d, std::string& none_because) {
  std::vector<report::ScaleLine> out;
  const ScaleInputs inputs = scale_inputs(d.sessions, d.affected_or_right());
  const double needed_h = CompareOptions{}.min_monitored_h;
  if (inputs.monitored_h < needed_h) {
    char buf[160];
    std::snprintf(
        buf, sizeof buf,
        "Too little monitored time to estimate the scales: %.0f min in this period, at least %.0f min needed.",
        inputs.monitored_h * 60.0, needed_h * 60.0);
    none_because = buf;
    return out;
  }
  const ScaleEstimate frequency = estimate_jankovic_frequency(inputs), severity = estimate_jankovic_severity(inputs),
                      smc_estimate = estimate_smc_grade(inputs);
  for (const ScaleEstimate& e : {std::cref(frequency), std::cref(severity), std::cref(smc_estimate)})
    if (e.available) {
      // SMC grades are written I-IV: "grade 3 of 4" would read like a score.
      static constexpr const char* kRoman[] = {"none", "grade I", "grade II", "grade III", "grade IV"};
      const bool smc = &e == &smc_estimate;
      out.push_back({e.scale, e.score, e.max, e.basis, smc ? kRoman[std::clamp(e.score, 0, 4)] : ""});
    }
  return out;
}

}  // namespace

std::string moment_text(double day) { return format_date(static_cast<DayNumber>(std::floor(day))) + " " + hhmm(day); }

std::string period_label(DayNumber first, DayNumber last) {
  const std::string a = format_date_long(first), b = format_date_long(last);
  if (first == last) return a;
  // "3 March 2026" -> day, month, year
  const auto split = [](const std::string& s) {
    const auto p1 = s.find(' '), p2 = s.rfind(' ');
    return std::array<std::string, 3>{s.substr(0, p1), s.substr(p1 + 1, p2 - p1 - 1), s.substr(p2 + 1)};
  };
  const auto x = split(a), y = split(b);
  if (x[2] != y[2]) return a + " – " + b;
  if (x[1] != y[1]) return x[0] + " " + x[1] + " – " + b;
  return x[0] + "–" + b;
}

ReportDocument build_report(const SessionStore& store, const PeriodData& d, const ReportOptions& options) {
  ReportDocument doc;
  doc.patient = options.patient;
  doc.period_first_day = d.from;
  doc.period_last_day = d.to;
  doc.period_label = period_label(d.from, d.to);
  doc.generated_day = options.generated_day;
  doc.program_version = HEMITRACK_VERSION;
  const std::vector<PlacedEvent> events = all_events(d);
  doc.summary = summarise(d, events);
  doc.comparison = comparison_of(d);
  for (const TrendBin& b : d.bins) doc.trend.push_back(trend_bin_of(b));
  for (const PhaseSpan& p : d.phases)
    doc.phases.push_back({static_cast<DayNumber>(std::floor(p.from_day)), static_cast<DayNumber>(std::ceil(p.to_day)),
                          std::string(label(p.phase))});
  for (const Treatment& t : d.treatments) doc.treatments.push_back(report::describe(t));
  doc.hfs7 = d.hfs7;
  for (const PlacedEvent& p : events) doc.events.push_back(event_row(p));
  const Side side = d.affected_or_right();
  for (EventKind kind : {EventKind::clonic, EventKind::tonic})
    if (auto t = typical_event(store, typical_candidates(events, side, kind), to_string(kind)))
      doc.typical_events.push_back(std::move(*t));
  doc.stills = stills(store, d, options.max_stills);
  doc.scale_estimates = scale_estimates_for(d, doc.no_estimates_reason);
  return doc;
}

}  // namespace hemitrack
