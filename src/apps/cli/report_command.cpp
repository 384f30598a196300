#include "apps/cli/report_command.h"

#include "apps/cli/exit_codes.h"
#include "apps/cli/history_command_support.h"
#include "report/pdf_report.h"
#include "report/period_export.h"
#include "report/report_builder.h"
#include "storage/atomic_file.h"

#include <cstdio>

namespace hemitrack {
namespace {

std::optional<std::string> export_file(const std::filesystem::path& file, const std::string& text) {
  if (auto reason = write_atomically(file, text)) return "cannot write '" + file.string() + "': " + *reason;
  return std::nullopt;
}

}  // namespace

int run_report(const ReportArgs& args) {
  const DayNumber to = args.to.value_or(today_utc());
  const DayNumber from = args.from.value_or(to - 90);
  if (to < from)
    return print_failure(exit_code::usage, "--from " + format_date(from) + " is after the last day " + format_date(to));
  const std::filesystem::path pdf =
      args.pdf.value_or("hemitrack-report-" + format_date(from) + "-to-" + format_date(to) + ".pdf");

  auto opened = open_history();
  if (auto* code = std::get_if<int>(&opened)) return *code;
  const SessionStore& store = std::get<SessionStore>(opened);
  auto gathered = gather_period(store, from, to);
  if (auto* e = std::get_if<StoreError>(&gathered)) return store_failure(*e);
  const PeriodData& period = std::get<PeriodData>(gathered);

  ReportOptions options;
  options.generated_day = today_utc();
  options.patient = args.patient;
  const report::ReportDocument doc = build_report(store, period, options);
  if (auto problem = report::write_report_pdf(doc, pdf)) return print_failure(exit_code::output_unwritable, *problem);
  if (args.csv)
    if (auto problem = export_file(*args.csv, period_events_csv(period)))
      return print_failure(exit_code::output_unwritable, *problem);
  if (args.json)
    if (auto problem = export_file(*args.json, period_json(period)))
      return print_failure(exit_code::output_unwritable, *problem);

  std::printf("Report of %s: %d sessions, %.1f h monitored, %d one-sided twitches.\n", doc.period_label.c_str(),
              doc.summary.sessions, doc.summary.monitored_hours, doc.summary.all.events);
  if (period.sessions.empty()) std::printf("No monitoring was recorded in this period: the report says so.\n");
  const std::string& finding = period.comparison ? period.comparison->sentence : doc.comparison.reason;
  if (!finding.empty()) std::printf("%s\n", finding.c_str());
  std::printf("Written to %s", pdf.string().c_str());
  if (args.csv) std::printf(", %s", args.csv->string().c_str());
  if (args.json) std::printf(", %s", args.json->string().c_str());
  std::printf("\n");
  return exit_code::ok;
}

}  // namespace hemitrack
