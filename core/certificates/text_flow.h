#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "certificates/pdf_document.h"
#include "certificates/pdf_fonts.h"

namespace cqpm::certificates {

/// How a paragraph is set: face, size in points, left indent from the margin, space kept after it.
struct TextStyle {
  Face face = Face::kRegular;
  float size = 10.0f;
  float indent = 0.0f;
  float space_after = 2.0f;
  bool centred = false;
};

/// One line of a paragraph laid out by Pango (wrapped, shaped, hyphenated, right-to-left runs in
/// their order); its paragraph's layout is shared by all its lines.
struct Line {
  std::shared_ptr<PangoLayout> paragraph;
  int index = 0;
  TextStyle style;
  float x_offset = 0.0f;  // from the column's left edge, on top of the style's indent
  float line_x = 0.0f;    // where Pango put the line within the paragraph's width (centring, RTL)
};

/// The text of each of `lines`, as UTF-8 (what a line shows, without the hyphen Pango may add).
std::vector<std::string> textsOf(const std::vector<Line>& lines);

/// The page margins of a flow, in points. The bottom margin may reserve room for something drawn
/// later (a footer, a QR code).
struct Margins {
  float left = 56.0f;
  float right = 56.0f;
  float top = 56.0f;
  float bottom = 64.0f;
};

/// Writes text down the pages of a document, top to bottom, adding a page when the next block
/// does not fit. Blocks are kept together on one page when they fit on one. Text given to it is
/// UTF-8 in any script; invalid bytes and control characters are printed as U+FFFD and spaces.
/// Borrows the document, which must outlive it.
class TextFlow {
 public:
  TextFlow(PdfDocument& document, Margins margins);

  /// The width of the column between the margins.
  float columnWidth() const;

  /// Lays out `text` (line feeds start new lines) in `style` without drawing it. A paragraph
  /// longer than about a page is cut, and says so on its last line.
  std::vector<Line> layout(std::string_view text, const TextStyle& style) const;

  /// Draws `lines`, on the current page if they all fit, else on a new page (split across pages
  /// only when taller than a page).
  void draw(const std::vector<Line>& lines);
  /// layout + draw.
  void paragraph(std::string_view text, const TextStyle& style);

  /// A table row: one cell per column, each wrapped in its own width; the row never splits.
  /// `widths` are in points from the left margin, `bold` sets every cell in bold (header rows).
  void tableRow(const std::vector<std::string>& cells, const std::vector<float>& widths, float size,
                bool bold);

  /// Leaves `points` of blank space (nothing if it falls at the top of a new page).
  void gap(float points);
  /// A thin horizontal rule across the column.
  void rule();

  /// Starts a new page if less than `height` points are left on this one.
  void ensureRoom(float height);

  /// Height of `lines` when drawn.
  static float heightOf(const std::vector<Line>& lines);

  const PdfPage& page() const { return page_; }
  /// The top of the free space on the current page, in PDF coordinates.
  float cursor() const { return y_; }

 private:
  void newPage();
  void drawLine(const Line& line);

  PdfDocument& document_;
  Margins margins_;
  PdfPage page_;
  float y_ = 0.0f;
};

/// Lays out `text` in `style` within `width` points and draws it on `page` with its top at
/// `top` and its left edge at `x` (PDF coordinates). Returns the height drawn.
float drawTextAt(const PdfDocument& document, const PdfPage& page, std::string_view text,
                 const TextStyle& style, float x, float top, float width);

/// Writes `text(page_number, page_count)` centred at the foot of every page of `document`, in small
/// italic; call once every page exists ("page 2 / 5" needs the count).
void drawFooters(PdfDocument& document, const std::function<std::string(int, int)>& text);

/// Draws a straight line from (x1, y1) to (x2, y2) in PDF coordinates, `width` points thick, grey `grey`
/// (0 black, 1 white).
void drawRule(const PdfPage& page, float x1, float y1, float x2, float y2, float width, float grey);

/// Line height used for text of `size` points.
inline float leadingOf(float size) { return size * 1.3f; }

}  // namespace cqpm::certificates
