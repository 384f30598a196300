// The neurologist's report on the command line: weeks of history built from real footage around
// a recorded Botox injection (cycle_history.h), `hemitrack report` and `hemitrack compare` run on
// it, and the PDF read back with pdftotext and pdfinfo.
#include "e2e/cli_runner.h"
#include "e2e/cycle_history.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <regex>

using namespace hemitrack;
using namespace hemitrack::test;

namespace {

std::string command_output(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  pclose(pipe);
  return out;
}

// pdftotext's words with runs of spaces and line breaks made single spaces, so a sentence
// wrapped over two lines is still found whole.
std::string pdf_words(const std::filesystem::path& pdf) {
  const std::string text = command_output("pdftotext '" + pdf.string() + "' - 2>&1");
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

int pdf_pages(const std::filesystem::path& pdf) {
  const std::string info = command_output("pdfinfo '" + pdf.string() + "' 2>&1");
  std::smatch m;
  REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
  return std::stoi(m[1]);
}

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

TEST_CASE("weeks of real footage around an injection give a report with the right numbers") {
  TempDir scratch;
  const CycleHistory h = build_cycle_history(scratch.path());
  REQUIRE(h.before_events > 0);
  REQUIRE(h.after_h > 0.25);
  const double before_rate = h.before_events / h.before_h;
  const double after_rate = h.after_events / h.after_h;
  REQUIRE(after_rate < before_rate / 2);  // the footage was made so; the report must find it

  const auto pdf = scratch.path() / "report.pdf";
  const auto csv = scratch.path() / "events.csv";
  const auto json = scratch.path() / "period.json";
  const CliRun r = run_cli("report --from " + h.report_from + " --to " + h.report_to + " -o " + quoted(pdf) +
                               " --csv " + quoted(csv) + " --json " + quoted(json) + " --patient 'Test Patient'",
                           scratch.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::filesystem::exists(pdf));
  // HEMITRACK_KEEP_REPORTS=DIR keeps the report and its database, to look at (as in report_tests).
  if (const char* keep = std::getenv("HEMITRACK_KEEP_REPORTS")) {
    std::filesystem::create_directories(keep);
    std::filesystem::copy_file(pdf, std::filesystem::path(keep) / "cycle-report.pdf",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy(scratch.path() / "data", std::filesystem::path(keep) / "cycle-data",
                          std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
  }
  CHECK(pdf_pages(pdf) >= 3);
  const std::string text = pdf_words(pdf);
  INFO(text.substr(0, 3000));

  // Page 1: the period, what was monitored, the events by side.
  CHECK_THAT(text, Catch::Contains("10 February – 20 April 2026"));
  CHECK_THAT(text, Catch::Contains("Test Patient"));
  CHECK_THAT(text,
             Catch::Contains(fixed(h.monitored_s / 3600.0, 1) + " h, " + std::to_string(h.sessions) + " sessions"));
  const int total = h.events_by_side[0] + h.events_by_side[1];
  CHECK_THAT(text, Catch::Contains("All events " + std::to_string(total)));
  CHECK_THAT(text, Catch::Contains("Right side " + std::to_string(h.events_by_side[0])));
  CHECK_THAT(text, Catch::Contains("Left side " + std::to_string(h.events_by_side[1])));

  // The comparison: the fall and both rates, computed here from what was stored.
  const double fall_pct = (1.0 - after_rate / before_rate) * 100.0;
  CHECK_THAT(text, Catch::Contains("One-sided twitches fell by " + fixed(fall_pct, 0) + " % (95 % CI"));
  CHECK_THAT(text, Catch::Contains("after the 3 March 2026 injection"));
  CHECK_THAT(text, Catch::Contains(fixed(before_rate, 1) + " per hour in the 2 weeks before"));
  CHECK_THAT(text, Catch::Contains(fixed(after_rate, 1) + " per hour in weeks 2–6 after"));

  // The treatment, the diary, the estimates, the disclaimer; typical events from stored signals.
  CHECK_THAT(text, Catch::Contains("Botox 17.5 U"));
  CHECK_THAT(text, Catch::Contains("orbicularis oculi 12.5 U"));
  CHECK_THAT(text, Catch::Contains("17/28") || Catch::Contains("17 / 28") || Catch::Contains(" 17 "));
  CHECK_THAT(text, Catch::Contains("Jankovic frequency (estimate): estimate"));
  CHECK_THAT(text, Catch::Contains("SMC grade (estimate): estimate grade"));
  CHECK_THAT(text, Catch::Contains("hemitrack measures; it does not diagnose."));
  CHECK_THAT(text, Catch::Contains("Typical clonic event"));
  // The still frame from the one clip, captioned with its event.
  CHECK_THAT(text, Catch::Contains("2026-03-02 09:00 UTC · left · " + std::string(to_string(h.clip_event.kind))));

  // The exports hold the same period.
  const std::string table = slurp(csv);
  CHECK(std::count(table.begin(), table.end(), '\n') == total + 1);
  const auto doc = read_json(json);
  CHECK(doc["sessions_count"] == h.sessions);
  CHECK(doc["events_count"] == total);
  CHECK(doc["comparison"]["enough_data"] == true);
  CHECK(doc["comparison"]["rate_ratio"]["ratio"].get<double>() == Approx(after_rate / before_rate).epsilon(0.001));
  CHECK(doc["treatments"].size() == 1);
  CHECK(doc["hfs7"].size() == 2);

  // The dashboard's Treatment cycle window shows the same comparison.
  const auto shot = scratch.path() / "cycle.png";
  const CliRun shown = run_dashboard(
      "--input " + quoted(h.few.video) + " --speed 0 --frames 10 --cycle --screenshot " + quoted(shot), scratch.path());
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  const auto seen = read_json(scratch.path() / "cycle.json");
  CHECK(seen["cycle_treatments"] == 1);
  CHECK_THAT(seen["cycle_comparison"].get<std::string>(), Catch::Contains("fell by " + fixed(fall_pct, 0) + " %"));

  // The same comparison on the command line.
  const CliRun compared = run_cli("compare", scratch.path());
  REQUIRE(compared.exit_code == 0);
  CHECK_THAT(compared.out, Catch::Contains("fell by " + fixed(fall_pct, 0) + " %"));
  // The same sessions chosen by number give the same figures (ids follow the days they were stored:
  // 1-21 are days -21..-1, 22-26 days 1-13, 27-40 days 14-40 after the injection).
  const CliRun by_number = run_cli("compare --before-sessions 8-21 --after-sessions 27-40", scratch.path());
  REQUIRE(by_number.exit_code == 0);
  CHECK_THAT(by_number.out, Catch::Contains("fell by " + fixed(fall_pct, 0) + " %") &&
                                Catch::Contains(fixed(before_rate, 1) + " per hour in sessions 8-21"));
  CHECK(run_cli("compare --before-sessions 8-21 --after-sessions 400", scratch.path()).exit_code == 3);
}

TEST_CASE("a report on too little monitoring says so instead of printing confident numbers") {
  TempDir scratch;
  const AnalysedClip clip = inject_and_analyse(scratch.path(), "short", 6, 11);
  {
    auto opened = SessionStore::open(scratch.path() / "data" / "hemitrack" / "hemitrack.db");
    REQUIRE(std::holds_alternative<SessionStore>(opened));
    SessionStore& store = std::get<SessionStore>(opened);
    store_session(store, clip, "2026-03-01", 1, {});
    store_session(store, clip, "2026-03-20", 1, {});
    Treatment botox;
    botox.day = *parse_date("2026-03-03");
    REQUIRE(std::holds_alternative<TreatmentId>(store.add_treatment(botox)));
  }
  const auto pdf = scratch.path() / "report.pdf";
  const CliRun r = run_cli("report --from 2026-02-15 --to 2026-03-31 -o " + quoted(pdf), scratch.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = pdf_words(pdf);
  INFO(text.substr(0, 3000));
  CHECK_THAT(text, Catch::Contains("Not enough data for a before/after comparison"));
  CHECK_THAT(text, Catch::Contains("too little monitored time"));
  CHECK_THAT(text, Catch::Contains("Too little monitored time to estimate the scales"));
  CHECK_THAT(text, !Catch::Contains("fell by") && !Catch::Contains("rose by") && !Catch::Contains("95 % CI"));
  CHECK_THAT(r.out, Catch::Contains("Too little monitored time"));
}

TEST_CASE("report and compare refuse bad dates and unwritable files in one line") {
  TempDir scratch;
  const CliRun bad_date = run_cli("report --from 2026-02-30", scratch.path());
  CHECK(bad_date.exit_code == 2);
  CHECK_THAT(bad_date.err, Catch::Contains("--from: '2026-02-30' is not a date"));
  const CliRun reversed = run_cli("report --from 2026-03-10 --to 2026-03-01", scratch.path());
  CHECK(reversed.exit_code == 2);
  const CliRun unwritable = run_cli("report -o " + quoted(scratch.path() / "missing" / "r.pdf"), scratch.path());
  CHECK(unwritable.exit_code == 5);
  CHECK(lines(unwritable.err) == 1);
  CHECK_THAT(unwritable.err, Catch::Contains("r.pdf"));
  const CliRun no_injection = run_cli("compare", scratch.path());
  CHECK(no_injection.exit_code == 2);
  CHECK_THAT(no_injection.err, Catch::Contains("no Botox injection is recorded"));
  const CliRun half = run_cli("compare --before 2026-01-01..2026-01-14", scratch.path());
  CHECK(half.exit_code == 2);
  const CliRun bad_list = run_cli("compare --before-sessions 3-x --after-sessions 4", scratch.path());
  CHECK(bad_list.exit_code == 2);
  CHECK_THAT(bad_list.err, Catch::Contains("--before-sessions: '3-x' is not a list of session numbers"));
}
