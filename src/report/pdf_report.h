#pragma once
// The neurologist's report as an A4 PDF: a one-page summary, then the details, "page N of M" and
// the period in every footer.
#include "report/report_document.h"

#include <filesystem>
#include <optional>
#include <string>

namespace hemitrack::report {

// The event table lists at most this many events, the most recent; it says how many it left out
// and that the CSV export has them all.
inline constexpr int kMaxEventRows = 400;

// Writes `doc` to `out`. The PDF is written under a hidden temporary name in the same folder and
// renamed over `out` only when complete, so `out` is either the whole report or untouched.
// Returns nothing on success, otherwise one line naming `out` and the reason
// ("cannot write the report /x/report.pdf: Permission denied"); no file is left behind then.
std::optional<std::string> write_report_pdf(const ReportDocument& doc, const std::filesystem::path& out);

}  // namespace hemitrack::report
