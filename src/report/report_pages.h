#pragma once
// The report's pages: a one-page summary a neurologist reads in a minute, then the details.
#include "report/pdf_canvas.h"
#include "report/pdf_report.h"
#include "report/report_document.h"

namespace hemitrack::report {

// Page 1: title and period, events per hour by side, kind and spread, the before/after
// comparison, the trend chart and the disclaimer. Always exactly one page.
void compose_summary_page(PageFlow& flow, const ReportDocument& doc);
// From a new page on: treatments, scale estimates, HFS-7, the trend bin by bin, typical events,
// still frames and the event table; "none recorded" for what is empty.
void compose_detail_pages(PageFlow& flow, const ReportDocument& doc);

// A section title at the cursor, on a new page when `first_content` would not fit under it.
void section_heading(PageFlow& flow, std::string_view title, double first_content);
// A sentence in the body font at the cursor (wrapped); moves the cursor below it.
void body_text(PageFlow& flow, std::string_view text, const Font& font = font::kBody, Rgb colour = colour::kText);

}  // namespace hemitrack::report
