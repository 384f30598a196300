#include "report/pdf_canvas.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace hemitrack::report {
namespace {

// DejaVu Sans (fonts-dejavu-core) through fontconfig: cairo embeds a subset with a ToUnicode
// map, so the text can be searched and copied from the PDF.
constexpr const char* kFamily = "DejaVu Sans";
constexpr std::string_view kEllipsis = "\u2026";

// Byte length of the UTF-8 sequence that starts with `lead`.
std::size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// The offsets at which characters start, plus the end.
std::vector<std::size_t> char_boundaries(std::string_view s) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < s.size(); i += utf8_length(static_cast<unsigned char>(s[i]))) at.push_back(i);
  at.push_back(s.size());
  return at;
}

// Image pixels printed at about 150 dpi: sharp on paper, small in the file.
constexpr double kImageDpi = 150.0;

}  // namespace

// --- Canvas ---

void Canvas::select(const Font& font) const {
  cairo_select_font_face(cr_, kFamily, font.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                         font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr_, font.size);
}

double Canvas::text_width(std::string_view text, const Font& font) const {
  select(font);
  const std::string s(text);
  cairo_text_extents_t e;
  cairo_text_extents(cr_, s.c_str(), &e);
  return e.x_advance;
}

double Canvas::ascent(const Font& font) const {
  select(font);
  cairo_font_extents_t e;
  cairo_font_extents(cr_, &e);
  return e.ascent;
}

void Canvas::text(double x, double baseline, std::string_view text, const Font& font, Rgb c, Align align) const {
  if (text.empty()) return;
  const double w = align == Align::left ? 0.0 : text_width(text, font);
  select(font);
  cairo_set_source_rgb(cr_, c.r, c.g, c.b);
  cairo_move_to(cr_, align == Align::left ? x : align == Align::centre ? x - w / 2 : x - w, baseline);
  const std::string s(text);
  cairo_show_text(cr_, s.c_str());
}

void Canvas::vertical_text(double x, double y, std::string_view text, const Font& font, Rgb c) const {
  const double w = text_width(text, font);
  cairo_save(cr_);
  cairo_translate(cr_, x, y);
  cairo_rotate(cr_, -std::numbers::pi / 2);
  this->text(-w / 2, 0.0, text, font, c);
  cairo_restore(cr_);
}

std::string Canvas::fit(std::string_view text, const Font& font, double width) const {
  if (text_width(text, font) <= width) return std::string(text);
  const auto at = char_boundaries(text);
  for (std::size_t n = at.size() - 1; n-- > 0;) {
    std::string shorter(text.substr(0, at[n]));
    while (!shorter.empty() && shorter.back() == ' ') shorter.pop_back();
    shorter += kEllipsis;
    if (text_width(shorter, font) <= width) return shorter;
  }
  return std::string(kEllipsis);
}

std::vector<std::string> Canvas::wrap(std::string_view text, const Font& font, double width) const {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t newline = text.find('\n', start);
    const std::string_view para =
        text.substr(start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
    std::string line;
    std::size_t i = 0;
    while (i < para.size()) {
      const std::size_t space = para.find(' ', i);
      const std::string_view word =
          para.substr(i, space == std::string_view::npos ? std::string_view::npos : space - i);
      i = space == std::string_view::npos ? para.size() : space + 1;
      if (word.empty()) continue;
      const std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
      if (text_width(candidate, font) <= width) {
        line = candidate;
        continue;
      }
      if (!line.empty()) lines.push_back(line);
      line.clear();
      // A word wider than the line (a long file name): break it between characters.
      std::string piece;
      const auto at = char_boundaries(word);
      for (std::size_t k = 0; k + 1 < at.size(); ++k) {
        const std::string next = piece + std::string(word.substr(at[k], at[k + 1] - at[k]));
        if (!piece.empty() && text_width(next, font) > width) {
          lines.push_back(piece);
          piece = std::string(word.substr(at[k], at[k + 1] - at[k]));
        } else {
          piece = next;
        }
      }
      line = piece;
    }
    lines.push_back(line);
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return lines;
}

double Canvas::paragraph(double x, double top, double width, std::string_view text, const Font& font, Rgb c) const {
  const auto lines = wrap(text, font, width);
  const double lh = line_height(font);
  const double first_baseline = top + ascent(font);
  for (std::size_t i = 0; i < lines.size(); ++i)
    this->text(x, first_baseline + lh * static_cast<double>(i), lines[i], font, c);
  return lh * static_cast<double>(lines.size());
}

void Canvas::fill_rect(double x, double y, double w, double h, Rgb c, double alpha) const {
  cairo_set_source_rgba(cr_, c.r, c.g, c.b, alpha);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_fill(cr_);
}

void Canvas::stroke_rect(double x, double y, double w, double h, Rgb c, double line_width) const {
  cairo_set_source_rgb(cr_, c.r, c.g, c.b);
  cairo_set_line_width(cr_, line_width);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_stroke(cr_);
}

void Canvas::line(double x0, double y0, double x1, double y1, Rgb c, double line_width, bool dashed) const {
  cairo_save(cr_);
  cairo_set_source_rgb(cr_, c.r, c.g, c.b);
  cairo_set_line_width(cr_, line_width);
  if (dashed) {
    const double dash[] = {3.0, 2.0};
    cairo_set_dash(cr_, dash, 2, 0.0);
  }
  cairo_move_to(cr_, x0, y0);
  cairo_line_to(cr_, x1, y1);
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

double Canvas::image(const cv::Mat& input, double x, double y, double max_w, double max_h) const {
  if (input.empty() || input.depth() != CV_8U) {
    fill_rect(x, y, max_w, std::min(max_h, 40.0), colour::kZebra);
    text(x + max_w / 2, y + 23, "no image", font::kSmall, colour::kMuted, Align::centre);
    return std::min(max_h, 40.0);
  }
  cv::Mat bgr;
  if (input.channels() == 1)
    cv::cvtColor(input, bgr, cv::COLOR_GRAY2BGR);
  else if (input.channels() == 4)
    cv::cvtColor(input, bgr, cv::COLOR_BGRA2BGR);
  else
    bgr = input;
  const double scale = std::min(max_w / bgr.cols, max_h / bgr.rows);
  const double w = bgr.cols * scale, h = bgr.rows * scale;
  const int px_w = std::max(1, static_cast<int>(std::lround(w / 72.0 * kImageDpi)));
  if (px_w < bgr.cols) {
    const int px_h = std::max(1, static_cast<int>(std::lround(bgr.rows * static_cast<double>(px_w) / bgr.cols)));
    cv::resize(bgr, bgr, cv::Size(px_w, px_h), 0, 0, cv::INTER_AREA);
  }
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, bgr.cols, bgr.rows);
  cairo_surface_flush(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int r = 0; r < bgr.rows; ++r) {
    auto* out = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(r) * stride);
    const cv::Vec3b* in = bgr.ptr<cv::Vec3b>(r);
    for (int c = 0; c < bgr.cols; ++c)  // native-endian xRGB, whatever the byte order
      out[c] = (std::uint32_t{in[c][2]} << 16) | (std::uint32_t{in[c][1]} << 8) | std::uint32_t{in[c][0]};
  }
  cairo_surface_mark_dirty(surface);

  const double left = x;
  cairo_save(cr_);
  cairo_translate(cr_, left, y);
  cairo_scale(cr_, w / bgr.cols, h / bgr.rows);
  cairo_set_source_surface(cr_, surface, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
  cairo_paint(cr_);
  cairo_restore(cr_);
  cairo_surface_destroy(surface);  // the page recording keeps its own reference
  stroke_rect(left, y, w, h, colour::kRule, 0.5);
  return h;
}

// --- PageFlow ---

PageFlow::PageFlow() { new_page(); }
PageFlow::~PageFlow() { context_.reset(); }

void PageFlow::new_page() {
  context_.reset();
  const cairo_rectangle_t extents{0.0, 0.0, page::kWidth, page::kHeight};
  pages_.emplace_back(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
  context_.reset(cairo_create(pages_.back().get()));
  canvas_ = Canvas(context_.get());
  cursor_ = page::kContentTop;
}

void PageFlow::need(double height) {
  if (cursor_ > page::kContentTop + 0.5 && height > remaining()) new_page();
}

// --- tables ---

namespace {

constexpr double kCellPadX = 4.0;
constexpr double kCellPadY = 2.2;

struct LaidOutRow {
  std::vector<std::vector<std::string>> cells;  // lines per cell
  double height = 0.0;
};

// Headers always wrap (a short column under a long header is common); cells as their column says.
LaidOutRow lay_out(const Canvas& canvas, const std::vector<Column>& columns, const TableRow& row, const Font& font,
                   bool wrap_all = false) {
  LaidOutRow out;
  std::size_t lines = 1;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string text = c < row.size() ? row[c] : std::string();
    const double room = columns[c].width - 2 * kCellPadX;
    if (columns[c].wrap || wrap_all)
      out.cells.push_back(canvas.wrap(text, font, room));
    else
      out.cells.push_back({canvas.fit(text, font, room)});
    lines = std::max(lines, out.cells.back().size());
  }
  out.height = Canvas::line_height(font) * static_cast<double>(lines) + 2 * kCellPadY;
  return out;
}

double total_width(const std::vector<Column>& columns) {
  double w = 0.0;
  for (const Column& c : columns) w += c.width;
  return w;
}

void draw_row(const Canvas& canvas, double x, double y, const std::vector<Column>& columns, const LaidOutRow& row,
              const Font& font) {
  const double lh = Canvas::line_height(font);
  const double first_baseline = y + kCellPadY + canvas.ascent(font) + (lh - font.size * 1.16) / 2;
  double left = x;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const Column& col = columns[c];
    const double anchor = col.align == Align::left     ? left + kCellPadX
                          : col.align == Align::centre ? left + col.width / 2
                                                       : left + col.width - kCellPadX;
    for (std::size_t l = 0; l < row.cells[c].size(); ++l)
      canvas.text(anchor, first_baseline + lh * static_cast<double>(l), row.cells[c][l], font, colour::kText,
                  col.align);
    left += col.width;
  }
}

double draw_header(const Canvas& canvas, double x, double y, const std::vector<Column>& columns,
                   const TableStyle& style) {
  TableRow headers;
  for (const Column& c : columns) headers.push_back(c.header);
  LaidOutRow row = lay_out(canvas, columns, headers, style.header_font, true);
  // Header cells sit on the bottom line, next to the first row, when some header wraps.
  const double lh = Canvas::line_height(style.header_font);
  for (auto& cell : row.cells)
    while (static_cast<double>(cell.size()) * lh + 2 * kCellPadY < row.height - 0.5) cell.insert(cell.begin(), "");
  draw_row(canvas, x, y, columns, row, style.header_font);
  canvas.line(x, y + row.height, x + total_width(columns), y + row.height, colour::kText, 0.8);
  return row.height;
}

}  // namespace

double table_height_hint(const TableStyle& style, int rows) {
  return (Canvas::line_height(style.header_font) + 2 * kCellPadY) +
         rows * (Canvas::line_height(style.font) + 2 * kCellPadY);
}

double draw_table_at(const Canvas& canvas, double x, double y, const std::vector<Column>& columns,
                     const std::vector<TableRow>& rows, const TableStyle& style) {
  double top = y + draw_header(canvas, x, y, columns, style);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Font& font = static_cast<int>(r) < style.bold_rows ? style.header_font : style.font;
    const LaidOutRow row = lay_out(canvas, columns, rows[r], font);
    if (style.zebra && r % 2 == 1) canvas.fill_rect(x, top, total_width(columns), row.height, colour::kZebra);
    draw_row(canvas, x, top, columns, row, font);
    top += row.height;
    if (std::find(style.rules_after.begin(), style.rules_after.end(), r) != style.rules_after.end())
      canvas.line(x, top, x + total_width(columns), top, colour::kRule, 0.6);
  }
  canvas.line(x, top, x + total_width(columns), top, colour::kRule, 0.5);
  return top - y;
}

void draw_table(PageFlow& flow, const std::vector<Column>& columns, const std::vector<TableRow>& rows,
                const TableStyle& style) {
  const double x = page::kMarginX;
  flow.need(table_height_hint(style, std::min<int>(3, static_cast<int>(rows.size()))));
  flow.advance(draw_header(flow.canvas(), x, flow.cursor(), columns, style));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Font& font = static_cast<int>(r) < style.bold_rows ? style.header_font : style.font;
    const LaidOutRow row = lay_out(flow.canvas(), columns, rows[r], font);
    if (row.height > flow.remaining()) {
      flow.canvas().line(x, flow.cursor(), x + total_width(columns), flow.cursor(), colour::kRule, 0.5);
      flow.new_page();
      if (!style.continued.empty()) {
        flow.canvas().text(x, flow.cursor() + 10, style.continued, font::kSubheading, colour::kMuted);
        flow.advance(Canvas::line_height(font::kSubheading) + 4);
      }
      flow.advance(draw_header(flow.canvas(), x, flow.cursor(), columns, style));
    }
    if (style.zebra && r % 2 == 1)
      flow.canvas().fill_rect(x, flow.cursor(), total_width(columns), row.height, colour::kZebra);
    draw_row(flow.canvas(), x, flow.cursor(), columns, row, font);
    flow.advance(row.height);
  }
  flow.canvas().line(x, flow.cursor(), x + total_width(columns), flow.cursor(), colour::kRule, 0.5);
}

}  // namespace hemitrack::report
