#pragma once

#include <hpdf.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "certificates/pdf_document.h"

namespace cqpm::certificates {

/// The face a line is set in.
enum class Face { kRegular, kBold, kItalic, kMono };

/// How a paragraph is set: face, size in points, left indent from the margin, space kept after it.
struct TextStyle {
  Face face = Face::kRegular;
  float size = 10.0f;
  float indent = 0.0f;
  float space_after = 2.0f;
  bool centred = false;
};

/// One laid-out line, already in Windows-1252 and short enough for its column.
struct Line {
  std::string text;
  TextStyle style;
  float x_offset = 0.0f;  // from the column's left edge, on top of the style's indent
};

/// Greedy word wrap of Windows-1252 `text` into lines no wider than `width` points; a word longer
/// than a line is cut between characters. Never returns an empty vector ("" gives one empty line).
std::vector<std::string> wrapCp1252(HPDF_Font font, float size, std::string_view text, float width);

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
/// UTF-8. Borrows the document, which must outlive it.
class TextFlow {
 public:
  TextFlow(PdfDocument& document, Margins margins);

  /// The width of the column between the margins.
  float columnWidth() const;

  /// Lays out UTF-8 `text` (line feeds start new lines) in `style` without drawing it.
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

  HPDF_Page page() const { return page_; }
  /// The baseline-free top of the free space on the current page, in PDF coordinates.
  float cursor() const { return y_; }

 private:
  HPDF_Font fontOf(Face face) const;
  void newPage();
  void drawLine(const Line& line);

  PdfDocument& document_;
  Margins margins_;
  HPDF_Page page_ = nullptr;
  float page_height_ = 0.0f;
  float page_width_ = 0.0f;
  float y_ = 0.0f;
};

/// Writes `text(page_number, page_count)` centred at the foot of every page of `document`, in small
/// italic; call once every page exists ("page 2 / 5" needs the count).
void drawFooters(PdfDocument& document, const std::function<std::string(int, int)>& text);

/// Line height used for text of `size` points.
inline float leadingOf(float size) { return size * 1.3f; }

}  // namespace cqpm::certificates
