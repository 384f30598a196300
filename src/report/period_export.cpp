#include "report/period_export.h"

#include "report/report_builder.h"
#include "storage/event_format.h"

#include <nlohmann/json.hpp>

namespace hemitrack {
namespace {

using nlohmann::json;

json optional_number(const std::optional<double>& v, int digits) {
  return v ? json(round_to(*v, digits)) : json(nullptr);
}

json figures_json(const Period& p, const PeriodFigures& f) {
  return {{"label", p.label},
          {"from", format_date(static_cast<DayNumber>(p.from_day))},
          {"to", format_date(static_cast<DayNumber>(p.to_day) - 1)},
          {"sessions", f.sessions},
          {"monitored_h", round_to(f.monitored_h, 3)},
          {"events", f.events},
          {"events_per_hour", optional_number(f.events_per_hour, 2)},
          {"mean_duration_s", optional_number(f.mean_duration_s, 3)},
          {"mean_peak_closure", optional_number(f.mean_peak_closure, 3)},
          {"eye_closed_pct", optional_number(f.eye_closed_pct, 2)}};
}

json interval_json(const MeanDifference& d) {
  if (!d.available) return nullptr;
  return {{"difference", round_to(d.difference, 4)}, {"low", round_to(d.low, 4)}, {"high", round_to(d.high, 4)}};
}

json comparison_json(const PeriodData& d) {
  if (!d.comparison || !d.periods) return nullptr;
  const Comparison& c = *d.comparison;
  json out = {{"injection", d.periods->injection ? json(format_date(d.periods->injection->day)) : json(nullptr)},
              {"before", figures_json(d.periods->before, c.before)},
              {"after", figures_json(d.periods->after, c.after)},
              {"enough_data", c.enough_data},
              {"sentence", c.sentence}};
  if (!c.enough_data) {
    out["too_little"] = c.too_little;
    return out;
  }
  out["rate_ratio"] = {{"ratio", round_to(c.rate.ratio, 4)},
                       {"low", round_to(c.rate.low, 4)},
                       {"high", round_to(c.rate.high, 4)},
                       {"dispersion", round_to(c.rate.dispersion, 3)}};
  out["duration_s_change"] = interval_json(c.duration_s);
  out["peak_closure_change"] = interval_json(c.peak_closure);
  out["eye_closed_pct_change"] = interval_json(c.eye_closed_pct);
  return out;
}

json treatment_json(const Treatment& t) {
  json doses = json::array();
  for (const Dose& dose : t.doses)
    doses.push_back({{"muscle", to_string(dose.muscle)}, {"side", to_string(dose.side)}, {"units", dose.units}});
  return {{"date", format_date(t.day)},
          {"kind", to_string(t.kind)},
          {"product", t.product},
          {"doses", doses},
          {"note", t.note}};
}

}  // namespace

std::string period_events_csv(const PeriodData& d) {
  std::string text = "session,session_start_utc,";
  bool header = false;
  for (const SessionSample& s : d.sessions) {
    const std::string table = events_csv(s.events);
    const std::size_t first_row = table.find('\n') + 1;
    if (!header) {
      text += table.substr(0, first_row);
      header = true;
    }
    const std::string prefix = std::to_string(s.id) + "," + moment_text(s.start_day) + ",";
    for (std::size_t at = first_row; at < table.size();) {
      const std::size_t end = table.find('\n', at) + 1;
      text += prefix + table.substr(at, end - at);
      at = end;
    }
  }
  if (!header) text += events_csv({});
  return text;
}

std::string period_json(const PeriodData& d) {
  json bins = json::array();
  for (const TrendBin& b : d.bins)
    bins.push_back({{"from", format_date(b.from_day)},
                    {"days", b.days},
                    {"sessions", b.sessions},
                    {"monitored_h", round_to(b.monitored_h, 3)},
                    {"events", b.events},
                    {"events_by_side", {{"right", b.events_by_side[0]}, {"left", b.events_by_side[1]}}},
                    {"events_per_hour", optional_number(b.events_per_hour, 2)},
                    {"eye_closed_pct", optional_number(b.eye_closed_pct, 2)},
                    {"tonic_share", optional_number(b.tonic_share, 3)},
                    {"tags", b.tags}});
  json treatments = json::array();
  for (const Treatment& t : d.treatments) treatments.push_back(treatment_json(t));
  json hfs7 = json::array();
  for (const Hfs7Answers& h : d.hfs7)
    hfs7.push_back({{"date", format_date(h.day)}, {"answers", h.answers}, {"total", h.total()}, {"note", h.note}});
  json sessions = json::array();
  double monitored_s = 0.0;
  std::size_t events = 0;
  for (const SessionSample& s : d.sessions) {
    monitored_s += s.monitored_s;
    events += s.events.size();
    sessions.push_back(
        {{"id", s.id},
         {"started_utc", moment_text(s.start_day)},
         {"monitored_s", round_to(s.monitored_s, 2)},
         {"eye_closed_s", {{"right", round_to(s.eye_closed_s[0], 2)}, {"left", round_to(s.eye_closed_s[1], 2)}}},
         {"tags", s.tags},
         {"events", events_to_json(s.events)}});
  }
  const json doc = {
      {"period", {{"from", format_date(d.from)}, {"to", format_date(d.to)}}},
      {"affected_side", d.affected ? json(to_string(*d.affected)) : json(nullptr)},
      {"monitored_h", round_to(monitored_s / 3600.0, 3)},
      {"sessions_count", d.sessions.size()},
      {"events_count", events},
      {"events_per_hour", monitored_s > 0 ? json(round_to(events * 3600.0 / monitored_s, 2)) : json(nullptr)},
      {"comparison", comparison_json(d)},
      {"trend", bins},
      {"treatments", treatments},
      {"hfs7", hfs7},
      {"sessions", sessions},
  };
  return doc.dump(2) + "\n";
}

}  // namespace hemitrack
