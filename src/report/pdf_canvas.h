#pragma once
// Drawing on report pages with cairo: fonts, text that wraps or is shortened with an ellipsis
// instead of running off the page, rules, images, and tables that continue on the next page.
// Units are PDF points (1/72 inch); y grows downwards; text is placed by its baseline.
//
// Pages are drawn into cairo recording surfaces first (PageFlow), so the total page count is
// known before the footers ("page N of M") are drawn and the pages are written out.
#include <cairo.h>
#include <opencv2/core.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hemitrack::report {

struct Rgb {
  double r = 0.0, g = 0.0, b = 0.0;
};

namespace colour {
inline constexpr Rgb kText{0.10, 0.10, 0.12};
inline constexpr Rgb kMuted{0.38, 0.38, 0.42};
inline constexpr Rgb kRule{0.70, 0.70, 0.73};
inline constexpr Rgb kGrid{0.88, 0.88, 0.90};
inline constexpr Rgb kZebra{0.955, 0.955, 0.965};
// The dashboard's side colours (src/ui/palette.h): right orange, left blue.
inline constexpr Rgb kRight{240 / 255.0, 140 / 255.0, 40 / 255.0};
inline constexpr Rgb kLeft{60 / 255.0, 150 / 255.0, 240 / 255.0};
inline constexpr Rgb kBars{0.36, 0.42, 0.52};
inline constexpr Rgb kTreatment{0.72, 0.12, 0.12};
inline constexpr Rgb kHfs7{0.42, 0.18, 0.55};
inline constexpr Rgb kNoticeFill{1.00, 0.95, 0.84};
inline constexpr Rgb kNoticeEdge{0.85, 0.62, 0.20};
}  // namespace colour

struct Font {
  double size = 9.5;
  bool bold = false;
  bool italic = false;
};

namespace font {
inline constexpr Font kTitle{18.0, true};
inline constexpr Font kPeriod{12.5};
inline constexpr Font kHeading{12.5, true};
inline constexpr Font kSubheading{10.0, true};
inline constexpr Font kBody{9.5};
inline constexpr Font kBodyBold{9.5, true};
inline constexpr Font kTable{9.0};
inline constexpr Font kTableBold{9.0, true};
inline constexpr Font kSmall{8.5};
inline constexpr Font kSmallItalic{8.5, false, true};
inline constexpr Font kTick{8.0};
}  // namespace font

enum class Align { left, centre, right };

// A4 portrait; the footer lives below content_bottom.
namespace page {
inline constexpr double kWidth = 595.276;
inline constexpr double kHeight = 841.890;
inline constexpr double kMarginX = 48.0;
inline constexpr double kContentTop = 46.0;
inline constexpr double kContentBottom = 790.0;
inline constexpr double kFooterBaseline = 816.0;
inline constexpr double kContentWidth = kWidth - 2 * kMarginX;
}  // namespace page

class Canvas {
 public:
  explicit Canvas(cairo_t* cr) : cr_(cr) {}  // not owned
  cairo_t* cr() const { return cr_; }

  double text_width(std::string_view text, const Font& font) const;
  double ascent(const Font& font) const;
  static double line_height(const Font& font) { return font.size * 1.32; }

  void text(double x, double baseline, std::string_view text, const Font& font, Rgb colour = colour::kText,
            Align align = Align::left) const;
  // Reads bottom to top, centred on (x, y): a vertical axis title.
  void vertical_text(double x, double y, std::string_view text, const Font& font, Rgb colour = colour::kText) const;
  // `text` cut at a character boundary with "…" so that it fits `width`.
  std::string fit(std::string_view text, const Font& font, double width) const;
  // Lines no wider than `width`, broken at spaces (and inside a word only when it alone is too
  // wide); '\n' starts a new line.
  std::vector<std::string> wrap(std::string_view text, const Font& font, double width) const;
  // Wrapped text whose first line's top is at `top`; returns the height used.
  double paragraph(double x, double top, double width, std::string_view text, const Font& font,
                   Rgb colour = colour::kText) const;

  void fill_rect(double x, double y, double w, double h, Rgb colour, double alpha = 1.0) const;
  void stroke_rect(double x, double y, double w, double h, Rgb colour, double line_width = 0.6) const;
  void line(double x0, double y0, double x1, double y1, Rgb colour, double line_width = 0.6, bool dashed = false) const;
  // The image scaled to fit the box (aspect kept, at its top left corner, so a caption below lines
  // up with it); returns the height it took. A thin frame marks its edge on white paper.
  double image(const cv::Mat& bgr, double x, double y, double max_w, double max_h) const;

 private:
  void select(const Font& font) const;
  cairo_t* cr_;
};

// Pages drawn one after another with a cursor that moves down; a new page begins when something
// does not fit.
class PageFlow {
 public:
  PageFlow();
  ~PageFlow();
  PageFlow(const PageFlow&) = delete;
  PageFlow& operator=(const PageFlow&) = delete;

  Canvas& canvas() { return canvas_; }
  double cursor() const { return cursor_; }
  void move_to(double y) { cursor_ = y; }
  void advance(double dy) { cursor_ += dy; }
  double remaining() const { return page::kContentBottom - cursor_; }
  void new_page();
  // Starts a new page unless `height` fits below the cursor (and the page is not still empty).
  void need(double height);

  int page_count() const { return static_cast<int>(pages_.size()); }
  cairo_surface_t* page_surface(int i) const { return pages_[static_cast<std::size_t>(i)].get(); }

 private:
  struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  };
  struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
  };
  std::vector<std::unique_ptr<cairo_surface_t, SurfaceDeleter>> pages_;
  std::unique_ptr<cairo_t, ContextDeleter> context_;
  Canvas canvas_{nullptr};
  double cursor_ = page::kContentTop;
};

// --- tables ---

struct Column {
  std::string header;
  double width = 60.0;
  Align align = Align::left;
  bool wrap = false;  // wrap long cells onto more lines; otherwise shorten them with "…"
};

struct TableStyle {
  Font font = font::kTable;
  Font header_font = font::kTableBold;
  int bold_rows = 0;  // the first rows printed bold (e.g. a total)
  bool zebra = true;
  std::vector<std::size_t> rules_after;  // a thin rule under these rows: groups within a table
  std::string continued;                 // printed above the header repeated on a new page ("Events (continued)")
};

using TableRow = std::vector<std::string>;

// Draws the table at (x, y) without regard to the page end; returns its height.
double draw_table_at(const Canvas& canvas, double x, double y, const std::vector<Column>& columns,
                     const std::vector<TableRow>& rows, const TableStyle& style = {});
// Draws the table at the cursor, continuing on new pages with the header repeated.
void draw_table(PageFlow& flow, const std::vector<Column>& columns, const std::vector<TableRow>& rows,
                const TableStyle& style = {});
// The height of the header and of the first `rows` rows (single-line): how much room to ask for
// so that a table does not start with its header alone at the bottom of a page.
double table_height_hint(const TableStyle& style, int rows);

}  // namespace hemitrack::report
