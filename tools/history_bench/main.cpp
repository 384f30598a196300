// hemitrack-history-bench: fills a scratch history database with months of monitoring, then
// times what reads it back (the period's samples, the trend and comparison, the report with its
// exports), so the report's speed on a realistic amount of history can be measured. The signals
// are synthetic (a resting face with a twitch now and then at a rate that falls after an
// injection): this measures the storage and the report, not the detector.
//   hemitrack-history-bench DB_FILE [DAYS] [HOURS_PER_DAY] [FPS]
#include "report/pdf_report.h"
#include "report/period_data.h"
#include "report/period_export.h"
#include "report/report_builder.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

using namespace hemitrack;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int fail(const std::string& message) {
  std::fprintf(stderr, "hemitrack-history-bench: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return fail("usage: hemitrack-history-bench DB_FILE [DAYS] [HOURS_PER_DAY] [FPS]");
  const std::filesystem::path db = argv[1];
  const int days = argc > 2 ? std::atoi(argv[2]) : 90;
  const double hours = argc > 3 ? std::atof(argv[3]) : 2.0;
  const double fps = argc > 4 ? std::atof(argv[4]) : 25.0;
  if (days < 1 || hours <= 0 || fps <= 0) return fail("DAYS, HOURS_PER_DAY and FPS must be positive");
  if (std::filesystem::exists(db)) return fail("'" + db.string() + "' exists: give a new file");

  StoreOptions fast;
  fast.sync_every_commit = false;
  auto opened = SessionStore::open(db, fast);
  if (auto* e = std::get_if<StoreError>(&opened)) return fail(e->message);
  SessionStore& store = std::get<SessionStore>(opened);

  const DayNumber first = *parse_date("2026-01-05");
  const DayNumber injection = first + days / 3;
  Treatment botox;
  botox.day = injection;
  botox.doses = {{Muscle::orbicularis_oculi, Side::left, 12.5}};
  if (auto added = store.add_treatment(botox); std::holds_alternative<StoreError>(added))
    return fail(std::get<StoreError>(added).message);

  std::mt19937 random(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const auto started = Clock::now();
  std::int64_t frames_written = 0, events_written = 0;
  const auto frames_per_session = static_cast<std::int64_t>(hours * 3600.0 * fps);
  for (int d = 0; d < days; ++d) {
    SessionInfo info;
    info.started_at = format_date(first + d) + "T09:00:00Z";
    info.source = "benchmark";
    auto begun = store.begin_session(info);
    if (auto* e = std::get_if<StoreError>(&begun)) return fail(e->message);
    const SessionId id = std::get<SessionId>(begun);
    // Twitches per hour: 120 before the injection, 30 from two weeks after it.
    const double per_hour = first + d < injection + 14 ? 120.0 : 30.0;
    const double p_event = per_hour / 3600.0 / fps;
    std::vector<FrameSignals> chunk;
    std::vector<TwitchEvent> events;
    int number = 0;
    double closing_until = -1.0;
    for (std::int64_t i = 0; i < frames_per_session; ++i) {
      FrameSignals s;
      s.time_s = static_cast<double>(i) / fps;
      s.face_found = s.valid = s.settled = true;
      s.closure = {0.05 + 0.02 * unit(random), 0.05 + 0.02 * unit(random)};
      if (unit(random) < p_event) {
        TwitchEvent e;
        e.id = ++number;
        e.start_s = s.time_s;
        e.end_s = s.time_s + 0.2 + 1.2 * unit(random);
        e.side = Side::left;
        e.regions = {Region::eye};
        e.kind = e.duration_s() >= 1.0 ? EventKind::tonic : EventKind::clonic;
        e.peak_closure = 0.6 + 0.4 * unit(random);
        events.push_back(e);
        closing_until = e.end_s;
      }
      if (s.time_s < closing_until) s.closure[1] = 0.8;
      chunk.push_back(s);
      if (chunk.size() == 1000) {
        if (auto e = store.add_signals(id, chunk)) return fail(e->message);
        chunk.clear();
      }
    }
    if (auto e = store.add_signals(id, chunk)) return fail(e->message);
    if (auto e = store.add_events(id, events)) return fail(e->message);
    if (auto e =
            store.end_session(id, SessionEnd{format_date(first + d) + "T11:00:00Z", hours * 3600.0, hours * 3600.0}))
      return fail(e->message);
    frames_written += frames_per_session;
    events_written += static_cast<std::int64_t>(events.size());
  }
  std::printf("wrote %d sessions, %.0f h, %lld frames, %lld events: %.1f MB in %.1f s\n", days, days * hours,
              static_cast<long long>(frames_written), static_cast<long long>(events_written),
              static_cast<double>(std::filesystem::file_size(db)) / 1e6, seconds_since(started));

  // What a report reads, each step timed from a fresh connection (as `hemitrack report` opens one).
  auto t = Clock::now();
  auto reopened = SessionStore::open(db);
  if (auto* e = std::get_if<StoreError>(&reopened)) return fail(e->message);
  const SessionStore& reader = std::get<SessionStore>(reopened);
  std::printf("open (with the integrity check): %.2f s\n", seconds_since(t));
  t = Clock::now();
  auto gathered = gather_period(reader, first, first + days - 1);
  if (auto* e = std::get_if<StoreError>(&gathered)) return fail(e->message);
  const PeriodData& period = std::get<PeriodData>(gathered);
  std::printf("period: sessions, trend and comparison: %.2f s\n", seconds_since(t));
  if (period.comparison) std::printf("  %s\n", period.comparison->sentence.c_str());
  t = Clock::now();
  ReportOptions options;
  options.generated_day = first + days;
  const report::ReportDocument doc = build_report(reader, period, options);
  std::printf("report document (typical traces from stored signals): %.2f s\n", seconds_since(t));
  t = Clock::now();
  const std::filesystem::path pdf = db.parent_path() / "history-bench-report.pdf";
  if (auto problem = report::write_report_pdf(doc, pdf)) return fail(*problem);
  std::printf("PDF: %.2f s, %.0f kB\n", seconds_since(t), static_cast<double>(std::filesystem::file_size(pdf)) / 1e3);
  t = Clock::now();
  const std::string csv = period_events_csv(period), json = period_json(period);
  std::printf("exports: %.2f s (CSV %.1f MB, JSON %.1f MB)\n", seconds_since(t), csv.size() / 1e6, json.size() / 1e6);
  return 0;
}
