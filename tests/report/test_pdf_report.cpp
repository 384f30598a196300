// The neurologist's PDF report, read back the way a person (or their software) reads it: the text
// pdftotext extracts and the page count pdfinfo reports. Set HEMITRACK_KEEP_REPORTS to a folder to
// keep the PDFs these tests write (e.g. to look at them with pdftoppm).
#include "report/pdf_report.h"
#include "report/report_format.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace hemitrack;
using namespace hemitrack::report;

namespace {

DayNumber day(const char* iso) { return parse_date(iso).value(); }

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// A command's standard output; the test fails when it does not exit with 0.
std::string run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
  const int status = ::pclose(pipe.release());
  INFO(command);
  REQUIRE(status == 0);
  return out;
}

// The text of pages first..last (0: to the end) with every run of white space made one space, so
// that a sentence wrapped over two lines is still found.
std::string pdf_text(const fs::path& pdf, int first = 1, int last = 0) {
  std::string cmd = "pdftotext -layout -f " + std::to_string(first);
  if (last > 0) cmd += " -l " + std::to_string(last);
  const std::string raw = run(cmd + " " + quoted(pdf) + " - 2>/dev/null");
  std::string text;
  for (char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!space)
      text += c;
    else if (!text.empty() && text.back() != ' ')
      text += ' ';
  }
  return text;
}

int pdf_pages(const fs::path& pdf) {
  const std::string info = run("pdfinfo " + quoted(pdf) + " 2>/dev/null");
  const auto at = info.find("Pages:");
  REQUIRE(at != std::string::npos);
  return std::stoi(info.substr(at + 6));
}

std::string pdf_info(const fs::path& pdf) { return run("pdfinfo " + quoted(pdf) + " 2>/dev/null"); }

void keep_if_asked(const fs::path& pdf) {
  if (const char* folder = std::getenv("HEMITRACK_KEEP_REPORTS")) {
    fs::create_directories(folder);
    fs::copy_file(pdf, fs::path(folder) / pdf.filename(), fs::copy_options::overwrite_existing);
  }
}

fs::path write_or_fail(const ReportDocument& doc, const fs::path& out) {
  const auto error = write_report_pdf(doc, out);
  if (error) FAIL(*error);
  REQUIRE(fs::is_regular_file(out));
  keep_if_asked(out);
  return out;
}

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
  return files;
}

TypicalEvent synthetic_event(const std::string& title, double duration_s, bool with_brow) {
  TypicalEvent e;
  e.title = title;
  e.event_start_s = 0.0;
  e.event_end_s = duration_s;
  for (double t = -1.5; t <= duration_s + 1.5 + 1e-9; t += 1.0 / 30) {
    e.time_s.push_back(t);
    const double inside = t >= 0 && t <= duration_s ? 1.0 : 0.0;
    const double flutter = inside * (0.55 + 0.35 * std::sin(t * 25.0));
    auto& left = e.sides[index_of(Side::left)];
    auto& right = e.sides[index_of(Side::right)];
    left.closure.push_back(0.05 + flutter);
    right.closure.push_back(0.04 + 0.02 * std::sin(t * 3.0));
    left.mouth.push_back(0.01 + 0.06 * inside);
    right.mouth.push_back(0.005 * std::sin(t * 2.0));
    if (with_brow) {
      left.brow.push_back(0.045 * inside);
      right.brow.push_back(0.003 * std::cos(t * 2.0));
    }
  }
  return e;
}

// Every figure distinctive, so that each found in the text can only have come from its field.
ReportDocument distinctive_document() {
  ReportDocument doc;
  doc.patient = "Test Patient";
  doc.period_label = "1 March \u2013 30 April 2026";
  doc.period_first_day = day("2026-03-01");
  doc.period_last_day = day("2026-04-30");
  doc.generated_day = day("2026-05-02");
  doc.program_version = "0.1.0";

  SummaryFigures& s = doc.summary;
  s.monitored_hours = 42.7;
  s.sessions = 37;
  s.all = {523, 12.34};
  s.by_side[index_of(Side::right)] = {7, 0.164};
  s.by_side[index_of(Side::left)] = {516, 12.08};
  s.by_kind = {RateFigure{431, 10.09}, RateFigure{92, 2.16}};
  s.by_spread = {RateFigure{301, 7.05}, RateFigure{150, 3.51}, RateFigure{60, 1.41}, RateFigure{12, 0.28}};
  s.affected_side = Side::left;
  s.affected_eye_closed_pct = 3.7;
  s.longest_event = EventHighlight{"14 Mar 2026 10:02", Side::left, EventKind::tonic, 4.8};
  s.other_babinski_events = 17;

  report::ComparisonBlock& c = doc.comparison;
  c.enough_data = true;
  c.sentence =
      "Twitches were 58% less frequent in the 4 weeks after the Botox injection of 16 March than in the "
      "4 weeks before.";
  c.before = {"Before (16 Feb \u2013 15 Mar)", 20.5, 15, 330, 16.1, 0.61, 0.72, 4.9};
  c.after = {"After (23 Mar \u2013 19 Apr)", 22.2, 18, 150, 6.76, 0.48, 0.55, 1.8};
  c.events_per_hour_change = ChangeEstimate{-58, -67, -47, "%", 0};
  c.duration_change = ChangeEstimate{-0.13, -0.21, -0.05, " s", 2};
  c.peak_closure_change = ChangeEstimate{-0.17, -0.25, -0.09, "", 2};
  c.eye_closed_change = ChangeEstimate{-3.1, -4.2, -1.9, " pp", 1};
  c.method = "Rate ratio with sessions as clusters; the first 7 days after the injection are left out (onset).";

  const double rates[] = {15.2, 17.9, 16.4, -1, 9.1, 5.2, 4.4, 6.0, 7.3};
  for (int i = 0; i < 9; ++i) {
    report::TrendRow b;
    b.first_day = doc.period_first_day + 7 * i;
    b.days = i == 8 ? 5 : 7;
    if (rates[i] > 0) {
      b.monitored_hours = 4.0 + i * 0.3;
      b.events = static_cast<int>(rates[i] * b.monitored_hours);
      b.events_per_hour = rates[i];
      b.eye_closed_pct = rates[i] / 4;
      b.tonic_pct = 18.0 - i;
      b.spread_pct = std::array<double, kSpreadCount>{55, 30, 12, 3};
    }
    if (i == 1) b.tags = {"stress", "talking"};
    doc.trend.push_back(b);
  }
  const DayNumber injection = day("2026-03-16");
  doc.phases = {{injection + 2, injection + 5, "Onset (days 2\u20135)"},
                {injection + 7, injection + 14, "Peak (weeks 1\u20132)"},
                {injection + 14, injection + 84, "Benefit expected (to week 12)"}};

  Treatment earlier{0, day("2025-12-10"), TreatmentKind::botox, "Botox", {{Muscle::orbicularis_oculi, Side::left, 10}},
                    ""};
  Treatment botox{0,
                  injection,
                  TreatmentKind::botox,
                  "Botox",
                  {{Muscle::orbicularis_oculi, Side::left, 12.5}, {Muscle::zygomaticus_major, Side::left, 5}},
                  "Lower lid spared this time"};
  doc.treatments = {describe(earlier), describe(botox)};

  doc.hfs7 = {{0, day("2026-03-02"), {3, 1, 2, 3, 3, 2, 3}, "before the injection"},
              {0, day("2026-03-30"), {1, 0, 1, 1, 2, 1, 1}, ""},
              {0, day("2026-04-27"), {1, 0, 1, 1, 1, 1, 1}, ""}};

  for (int i = 0; i < 30; ++i) {
    EventRow e;
    e.session_start = format_date(doc.period_first_day + i * 2) + " 09:1" + std::to_string(i % 10);
    e.time_in_session_s = 61.0 + 97.0 * i;
    e.side = i == 7 ? Side::right : Side::left;
    e.regions = i % 3 == 0 ? std::vector<Region>{Region::eye, Region::mouth} : std::vector<Region>{Region::eye};
    e.kind = i % 5 == 0 ? EventKind::tonic : EventKind::clonic;
    e.duration_s = i % 5 == 0 ? 1.9 : 0.31;
    e.peak_closure = 0.81;
    e.other_babinski = i == 4;
    doc.events.push_back(e);
  }
  doc.typical_events = {
      synthetic_event("Typical clonic event: left eye + mouth, 0.6 s (9 Mar 2026 09:14)", 0.6, false),
      synthetic_event("Typical tonic event: left eye + mouth + brow, 2.4 s (14 Mar 2026 10:02)", 2.4, true)};
  const cv::Mat astronaut =
      cv::imread((fs::path(HEMITRACK_SOURCE_DIR) / "tests/fixtures/skimage/astronaut.png").string());
  REQUIRE(!astronaut.empty());
  doc.stills = {{astronaut, "14 Mar 2026 10:02 \u00b7 left \u00b7 tonic"},
                {astronaut(cv::Rect(120, 20, 200, 300)).clone(), "9 Mar 2026 09:14 \u00b7 left \u00b7 clonic"},
                {astronaut(cv::Rect(0, 0, 512, 200)).clone(), "30 Mar 2026 16:40 \u00b7 left \u00b7 clonic"}};
  doc.scale_estimates = {
      {"Jankovic Rating Scale, severity", 2, 4,
       "Events mostly under a second with the eye closing only partly; spread to the mouth corner.", ""},
      {"Jankovic Rating Scale, frequency", 3, 4, "12.3 events per monitored hour.", ""},
      {"SMC grade", 2, 4, "Spasms spread beyond the eye to other facial muscles (mouth corner).", "grade II"}};
  return doc;
}

}  // namespace

TEST_CASE("the report shows the period, the figures, the comparison, estimates and the disclaimer") {
  test::TempDir dir;
  const auto pdf = write_or_fail(distinctive_document(), dir.path() / "report.pdf");
  const std::string text = pdf_text(pdf);
  INFO(text);
  CHECK(text.find("1 March \u2013 30 April 2026") != std::string::npos);
  CHECK(text.find("Test Patient") != std::string::npos);
  CHECK(text.find("42.7 h, 37 sessions") != std::string::npos);
  CHECK(text.find("All events 523 12.3 100%") != std::string::npos);
  CHECK(text.find("Right side 7 0.16 1%") != std::string::npos);
  CHECK(text.find("Left side 516 12.1 99%") != std::string::npos);
  CHECK(text.find("Tonic (sustained) 92 2.2 18%") != std::string::npos);
  CHECK(text.find("Mouth without eye 12 0.28 2%") != std::string::npos);
  CHECK(text.find("3.7% of monitored time") != std::string::npos);
  CHECK(text.find("4.8 s, tonic, left") != std::string::npos);
  CHECK(text.find("Twitches were 58% less frequent in the 4 weeks after the Botox injection of 16 March") !=
        std::string::npos);
  CHECK(text.find("16.1 6.8 \u221258% (\u221267 to \u221247)") != std::string::npos);
  CHECK(text.find("\u22120.13 s (\u22120.21 to \u22120.05)") != std::string::npos);
  CHECK(text.find("\u22123.1 pp (\u22124.2 to \u22121.9)") != std::string::npos);
  CHECK(text.find("Botox 17.5 U") != std::string::npos);
  CHECK(text.find("L orbicularis oculi 12.5 U, L zygomaticus major 5 U") != std::string::npos);
  CHECK(text.find("Jankovic Rating Scale, severity: estimate 2 of 4") != std::string::npos);
  CHECK(text.find("SMC grade: estimate grade II") != std::string::npos);
  CHECK(text.find("17 / 28") != std::string::npos);
  CHECK(text.find("Typical tonic event") != std::string::npos);
  CHECK(text.find("14 Mar 2026 10:02 \u00b7 left \u00b7 tonic") != std::string::npos);
  CHECK(text.find("30 Mar 2026 16:40 \u00b7 left \u00b7 clonic") != std::string::npos);
  CHECK(text.find(std::string(kDisclaimer)) != std::string::npos);

  const int pages = pdf_pages(pdf);
  CHECK(pages >= 3);
  CHECK(text.find("page 1 of " + std::to_string(pages)) != std::string::npos);
  CHECK(text.find("page " + std::to_string(pages) + " of " + std::to_string(pages)) != std::string::npos);
  CHECK(pdf_info(pdf).find("595.276 x 841.89 pts (A4)") != std::string::npos);
  CHECK(files_in(dir.path()).size() == 1);  // no temporary file left beside it
}

TEST_CASE("page 1 is the whole summary and the details follow") {
  test::TempDir dir;
  const auto pdf = write_or_fail(distinctive_document(), dir.path() / "summary-first.pdf");
  const std::string first = pdf_text(pdf, 1, 1);
  INFO(first);
  for (const char* part : {"Summary of the period", "Before and after treatment", "Trend over the period",
                           "Events per monitored hour", "HFS-7 total", "Botox 17.5 U, 16 Mar", "hemitrack measures"})
    CHECK(first.find(part) != std::string::npos);
  CHECK(first.find("Treatments") == std::string::npos);
  const std::string second = pdf_text(pdf, 2, 2);
  CHECK(second.rfind("Treatments", 0) == 0);
}

TEST_CASE("long sentences and many treatments still fit the summary on page 1") {
  ReportDocument doc = distinctive_document();
  doc.comparison.sentence +=
      " The tonic events, which close the eye for longer than a second, fell even more than "
      "the brief twitches did, and the mouth corner was involved less often after the injection.";
  doc.comparison.method +=
      " Intervals are 95% bootstrap intervals over sessions; weeks with less than one monitored "
      "hour are not used.";
  for (int i = 0; i < 4; ++i) {
    TreatmentEntry t = doc.treatments[1];  // the injection in the period
    t.day += 7 + 9 * i;
    t.chart_label = "Medication " + std::to_string(i + 1);
    doc.treatments.push_back(t);
  }
  test::TempDir dir;
  const auto pdf = write_or_fail(doc, dir.path() / "crowded.pdf");
  const std::string first = pdf_text(pdf, 1, 1);
  INFO(first);
  CHECK(first.find("and 4 more: see the treatments table.") != std::string::npos);
  CHECK(first.find("Events per monitored hour") != std::string::npos);  // the chart is there
  CHECK(first.find("hemitrack measures; it does not diagnose.") != std::string::npos);
  CHECK(pdf_text(pdf, 2, 2).rfind("Treatments", 0) == 0);
}

TEST_CASE("too little data for a comparison shows the reason and no percentages") {
  ReportDocument doc = distinctive_document();
  doc.comparison.enough_data = false;
  doc.comparison.reason = "Only 1.5 monitored hours after the injection; at least 5 are needed.";
  doc.comparison.after.monitored_hours = 1.5;
  test::TempDir dir;
  const auto pdf = write_or_fail(doc, dir.path() / "too-little-data.pdf");
  const std::string first = pdf_text(pdf, 1, 1);
  INFO(first);
  const auto from = first.find("Before and after treatment");
  const auto to = first.find("Trend over the period");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  const std::string section = first.substr(from, to - from);
  CHECK(section.find("Not enough data for a before/after comparison.") != std::string::npos);
  CHECK(section.find("Only 1.5 monitored hours after the injection; at least 5 are needed.") != std::string::npos);
  CHECK(section.find("1.5 h monitored") != std::string::npos);
  CHECK(section.find('%') == std::string::npos);
  CHECK(section.find("less frequent") == std::string::npos);
  CHECK(first.find("\u221258%") == std::string::npos);
}

TEST_CASE("an output folder that cannot be written gives an error naming the file and leaves nothing") {
  test::TempDir dir;
  const ReportDocument doc = distinctive_document();

  const fs::path missing = dir.path() / "no such folder" / "report.pdf";
  const auto error = write_report_pdf(doc, missing);
  REQUIRE(error);
  CHECK(error->find(missing.string()) != std::string::npos);
  CHECK(error->find('\n') == std::string::npos);
  CHECK(!fs::exists(missing.parent_path()));

  // A file where the folder should be: fails for root too.
  const fs::path blocker = dir.path() / "a file";
  {
    std::FILE* f = std::fopen(blocker.c_str(), "w");
    REQUIRE(f);
    std::fclose(f);
  }
  const auto error2 = write_report_pdf(doc, blocker / "report.pdf");
  REQUIRE(error2);
  CHECK(error2->find((blocker / "report.pdf").string()) != std::string::npos);

  if (::geteuid() != 0) {  // root writes anywhere
    const fs::path locked = dir.path() / "locked";
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    const auto error3 = write_report_pdf(doc, locked / "report.pdf");
    REQUIRE(error3);
    CHECK(error3->find((locked / "report.pdf").string()) != std::string::npos);
    CHECK(error3->find("Permission denied") != std::string::npos);
    CHECK(files_in(locked).empty());
  }
  CHECK(files_in(dir.path()) == std::vector<fs::path>{blocker});
}

TEST_CASE("writing over an earlier report replaces it whole") {
  test::TempDir dir;
  const fs::path out = dir.path() / "replaced.pdf";
  ReportDocument doc;
  doc.period_label = "first version";
  write_or_fail(doc, out);
  doc.period_label = "second version";
  write_or_fail(doc, out);
  CHECK(pdf_text(out).find("second version") != std::string::npos);
  CHECK(files_in(dir.path()).size() == 1);
}

TEST_CASE("an empty document still renders, saying what was not recorded") {
  ReportDocument doc;
  doc.period_label = "1 \u2013 7 June 2026";
  doc.period_first_day = day("2026-06-01");
  doc.period_last_day = day("2026-06-07");
  doc.generated_day = day("2026-06-08");
  doc.comparison.reason = "No treatment in this period to compare around.";
  doc.disclaimer.clear();  // the disclaimer is printed anyway
  test::TempDir dir;
  const auto pdf = write_or_fail(doc, dir.path() / "empty.pdf");
  CHECK(pdf_pages(pdf) == 2);
  const std::string text = pdf_text(pdf);
  INFO(text);
  for (const char* part :
       {"1 \u2013 7 June 2026", "0.0 h, 0 sessions", "None (no events)",
        "No treatment in this period to compare around.", "No monitored sessions in this period: nothing to chart.",
        "No treatments recorded.", "No scale estimates.", "No HFS-7 questionnaires recorded.", "No typical events",
        "No clips recorded.", "No one-sided events recorded in this period.",
        "hemitrack measures; it does not diagnose.", "page 2 of 2"})
    CHECK(text.find(part) != std::string::npos);
}

TEST_CASE("a long event list is capped and says how many were left out") {
  ReportDocument doc = distinctive_document();
  doc.typical_events.clear();
  doc.stills.clear();
  const EventRow row = doc.events.front();
  doc.events.assign(1000, row);
  doc.events.back().session_start = "2026-04-29 21:45";
  test::TempDir dir;
  const auto pdf = write_or_fail(doc, dir.path() / "long.pdf");
  const std::string text = pdf_text(pdf);
  CHECK(text.find("The " + std::to_string(kMaxEventRows) + " most recent of 1000 events are listed; " +
                  std::to_string(1000 - kMaxEventRows) +
                  " earlier ones are left out. The CSV export "
                  "lists them all.") != std::string::npos);
  CHECK(text.find("2026-04-29 21:45") != std::string::npos);
  const int pages = pdf_pages(pdf);
  CHECK(pages >= 8);
  CHECK(text.find("page " + std::to_string(pages) + " of " + std::to_string(pages)) != std::string::npos);
}

TEST_CASE("a Botox treatment is described with its total and its doses per side") {
  const Treatment t{0,
                    day("2026-03-16"),
                    TreatmentKind::botox,
                    "Xeomin",
                    {{Muscle::orbicularis_oculi, Side::right, 7.5}, {Muscle::buccinator, Side::right, 2.5}},
                    "note"};
  const TreatmentEntry e = describe(t);
  CHECK(e.day == t.day);
  CHECK(e.chart_label == "Xeomin 10 U");
  CHECK(e.kind == "Botox injection");
  CHECK(e.doses == "R orbicularis oculi 7.5 U, R buccinator 2.5 U");
  CHECK(describe(Treatment{0, 0, TreatmentKind::decompression, "", {}, ""}).chart_label == "Decompression");
}

TEST_CASE("numbers print with a true minus sign, rates keep small values and missing ones are a dash") {
  CHECK(number(-3.04, 1) == "\u22123.0");
  CHECK(number(-0.04, 1) == "0.0");
  CHECK(signed_number(2.5, 1) == "+2.5");
  CHECK(signed_number(0.0, 0) == "0");
  CHECK(rate_text(0.07) == "0.07");
  CHECK(rate_text(12.34) == "12.3");
  CHECK(rate_text(std::nullopt) == "\u2014");
  CHECK(clock_text(3723) == "1:02:03");
  CHECK(clock_text(245) == "4:05");
  CHECK(change_text({-42, -55, -25, "%", 0}) == "\u221242% (\u221255 to \u221225)");
  CHECK(spread_heading(Spread::with_brow) == "Reaching the brow");
}
