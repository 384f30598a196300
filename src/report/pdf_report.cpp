#include "report/pdf_report.h"

#include "report/pdf_canvas.h"
#include "report/report_pages.h"

#include <cairo-pdf.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace hemitrack::report {
namespace {

// Where cairo's PDF bytes go: our own file, so that a failure keeps its errno for the message.
struct FileSink {
  std::FILE* file = nullptr;
  int error = 0;  // the first errno of a failed write
};

cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
  auto* sink = static_cast<FileSink*>(closure);
  if (sink->error != 0) return CAIRO_STATUS_WRITE_ERROR;
  errno = 0;
  if (std::fwrite(data, 1, length, sink->file) != length) {
    sink->error = errno != 0 ? errno : EIO;
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

void footer(const Canvas& c, const ReportDocument& doc, int page_number, int pages) {
  const double y = page::kFooterBaseline;
  c.line(page::kMarginX, y - 11, page::kMarginX + page::kContentWidth, y - 11, colour::kRule, 0.4);
  const std::string right = "page " + std::to_string(page_number) + " of " + std::to_string(pages);
  const double right_w = c.text_width(right, font::kSmall);
  std::string left = "hemitrack report";
  if (!doc.period_label.empty()) left += " \u00b7 " + doc.period_label;
  left += " \u00b7 " + std::string(kDisclaimer);
  c.text(page::kMarginX, y, c.fit(left, font::kSmall, page::kContentWidth - right_w - 12), font::kSmall,
         colour::kMuted);
  c.text(page::kMarginX + page::kContentWidth, y, right, font::kSmall, colour::kMuted, Align::right);
}

std::string reason_of(const FileSink& sink, cairo_status_t status) {
  if (sink.error != 0) return std::strerror(sink.error);
  return cairo_status_to_string(status);
}

}  // namespace

std::optional<std::string> write_report_pdf(const ReportDocument& doc, const std::filesystem::path& out) {
  auto failure = [&](const std::string& reason) { return "cannot write the report " + out.string() + ": " + reason; };
  if (out.filename().empty()) return failure("no file name given");

  PageFlow flow;
  compose_summary_page(flow, doc);
  flow.new_page();
  compose_detail_pages(flow, doc);

  const std::filesystem::path temp = out.parent_path() / ("." + out.filename().string() + ".partial");
  FileSink sink;
  errno = 0;
  sink.file = std::fopen(temp.c_str(), "wb");
  if (sink.file == nullptr) return failure(errno != 0 ? std::strerror(errno) : "the folder is missing or not writable");

  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(write_to_file, &sink, page::kWidth, page::kHeight);
  const std::string title = doc.title + (doc.period_label.empty() ? "" : ", " + doc.period_label);
  const std::string creator = doc.program_version.empty() ? "hemitrack" : "hemitrack " + doc.program_version;
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, creator.c_str());
  cairo_t* cr = cairo_create(pdf);
  const Canvas canvas(cr);
  for (int i = 0; i < flow.page_count(); ++i) {
    cairo_set_source_surface(cr, flow.page_surface(i), 0, 0);
    cairo_paint(cr);
    footer(canvas, doc, i + 1, flow.page_count());
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  const cairo_status_t status = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);

  errno = 0;
  const bool flushed = std::fflush(sink.file) == 0;
  if (!flushed && sink.error == 0) sink.error = errno != 0 ? errno : EIO;
  if (std::fclose(sink.file) != 0 && sink.error == 0) sink.error = errno != 0 ? errno : EIO;
  std::error_code ignored;
  if (status != CAIRO_STATUS_SUCCESS || sink.error != 0) {
    std::filesystem::remove(temp, ignored);
    return failure(reason_of(sink, status));
  }
  std::error_code ec;
  std::filesystem::rename(temp, out, ec);
  if (ec) {
    std::filesystem::remove(temp, ignored);
    return failure(ec.message());
  }
  return std::nullopt;
}

}  // namespace hemitrack::report
