#include "certificates/text_flow.h"

#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <functional>

#include "common/input_rules.h"

namespace cqpm::certificates {
namespace {

// A paragraph prints at most about a page (kMaxParagraphLines at 10 pt), a table cell
// a third of one: texts stored before the API limited them (a 66,000-character place, a
// 70 kB reason) would otherwise fill dozens of pages, and a table row, which never
// splits, would run off the page. What is cut is said on the page; the whole text stays
// in the application. Only the first kMaxWrappedChars characters are laid out at all:
// more than the line cap can show, and layout costs grow with the text.
constexpr std::size_t kMaxParagraphLines = 60;
constexpr std::size_t kMaxCellLines = 12;
constexpr std::size_t kMaxWrappedChars = 12000;

std::size_t printedCharacters(std::string_view utf8) {
  std::size_t count = 0;
  for (const unsigned char c : utf8) count += (c & 0xC0) != 0x80;
  return count;
}

std::string cutNote(std::size_t characters) {
  return "[… texte tronqué à l'impression : " + std::to_string(characters) +
         " caractères au total, conservés en entier dans CQPM Hub]";
}

// Valid UTF-8 with no control character but the line feed: Pango would warn on invalid bytes
// and draw boxes for controls.
std::string drawableText(std::string_view text) {
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string out(valid);
  g_free(valid);
  for (char& c : out) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F) c = ' ';
  }
  return out;
}

std::shared_ptr<PangoLayout> paragraphLayout(PangoContext* context, const std::string& text,
                                             const TextStyle& style, float width) {
  std::shared_ptr<PangoLayout> layout(pango_layout_new(context), GObjectRelease{});
  const FontDescription font = fontOf(style.face, style.size);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_width(layout.get(), static_cast<int>(std::max(width, 1.0f) * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  return layout;
}

// The lines of `layout`, with where Pango placed each within the paragraph's width.
std::vector<Line> linesOf(const std::shared_ptr<PangoLayout>& layout, const TextStyle& style) {
  std::vector<Line> lines;
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  int index = 0;
  do {
    PangoRectangle logical{};
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    TextStyle line_style = style;
    line_style.space_after = 0.0f;
    lines.push_back(Line{layout, index++, line_style, 0.0f, static_cast<float>(logical.x) / PANGO_SCALE});
  } while (pango_layout_iter_next_line(iter) != 0);
  pango_layout_iter_free(iter);
  lines.back().style.space_after = style.space_after;
  return lines;
}

// `text` laid out in `width`, at most `max_lines` lines: a longer text keeps its first lines and
// ends with a note saying how long it was.
std::vector<Line> cappedLines(PangoContext* context, std::string_view text, const TextStyle& style,
                              float width, std::size_t max_chars, std::size_t max_lines) {
  const std::size_t characters = printedCharacters(text);
  const bool cut_before = characters > max_chars;
  std::string shown = drawableText(truncatedText(text, max_chars));
  std::shared_ptr<PangoLayout> layout = paragraphLayout(context, shown, style, width);
  const auto line_count = static_cast<std::size_t>(pango_layout_get_line_count(layout.get()));
  if (line_count <= max_lines && !cut_before) return linesOf(layout, style);

  const std::string note = cutNote(characters);
  const auto note_lines = static_cast<std::size_t>(
      pango_layout_get_line_count(paragraphLayout(context, note, style, width).get()));
  const std::size_t keep = max_lines > note_lines ? max_lines - note_lines : 0;
  std::string kept;
  if (keep > 0 && keep < line_count) {
    const PangoLayoutLine* first_cut = pango_layout_get_line_readonly(layout.get(), static_cast<int>(keep));
    kept = shown.substr(0, static_cast<std::size_t>(first_cut->start_index));
  } else if (keep > 0) {
    kept = shown;
  }
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == '\n')) kept.pop_back();
  return linesOf(paragraphLayout(context, kept.empty() ? note : kept + "\n" + note, style, width), style);
}

void drawLineAt(const PdfPage& page, const Line& line, float x, float baseline) {
  PangoLayoutLine* layout_line = pango_layout_get_line_readonly(line.paragraph.get(), line.index);
  cairo_set_source_rgb(page.context, 0.0, 0.0, 0.0);
  cairo_move_to(page.context, x + line.line_x, page.cairoY(baseline));
  pango_cairo_show_layout_line(page.context, layout_line);
}

}  // namespace

std::vector<std::string> textsOf(const std::vector<Line>& lines) {
  std::vector<std::string> texts;
  for (const Line& line : lines) {
    const char* text = pango_layout_get_text(line.paragraph.get());
    const PangoLayoutLine* layout_line = pango_layout_get_line_readonly(line.paragraph.get(), line.index);
    std::string piece(text + layout_line->start_index, static_cast<std::size_t>(layout_line->length));
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\n')) piece.pop_back();
    texts.push_back(std::move(piece));
  }
  return texts;
}

TextFlow::TextFlow(PdfDocument& document, Margins margins) : document_(document), margins_(margins) {
  newPage();
}

float TextFlow::columnWidth() const { return page_.width - margins_.left - margins_.right; }

void TextFlow::newPage() {
  page_ = document_.addPage();
  y_ = page_.height - margins_.top;
}

std::vector<Line> TextFlow::layout(std::string_view text, const TextStyle& style) const {
  return cappedLines(document_.pango(), text, style, columnWidth() - style.indent, kMaxWrappedChars,
                     kMaxParagraphLines);
}

float TextFlow::heightOf(const std::vector<Line>& lines) {
  float height = 0.0f;
  for (const Line& line : lines) height += leadingOf(line.style.size) + line.style.space_after;
  return height;
}

void TextFlow::ensureRoom(float height) {
  if (y_ - height < margins_.bottom) newPage();
}

void TextFlow::draw(const std::vector<Line>& lines) {
  const float usable = page_.height - margins_.top - margins_.bottom;
  const float height = heightOf(lines);
  if (height <= usable) ensureRoom(height);
  for (const Line& line : lines) {
    ensureRoom(leadingOf(line.style.size));
    drawLine(line);
  }
}

void TextFlow::drawLine(const Line& line) {
  drawLineAt(page_, line, margins_.left + line.style.indent + line.x_offset, y_ - line.style.size);
  y_ -= leadingOf(line.style.size) + line.style.space_after;
}

void TextFlow::paragraph(std::string_view text, const TextStyle& style) { draw(layout(text, style)); }

void TextFlow::tableRow(const std::vector<std::string>& cells, const std::vector<float>& widths, float size,
                        bool bold) {
  const float padding = 4.0f;
  const TextStyle style{bold ? Face::kBold : Face::kRegular, size, 0.0f, 0.0f, false};
  std::vector<std::vector<Line>> wrapped;
  std::size_t tallest = 1;
  for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
    wrapped.push_back(cappedLines(document_.pango(), cells[i], style, widths[i] - 2 * padding,
                                  kMaxWrappedChars / 10, kMaxCellLines));
    tallest = std::max(tallest, wrapped.back().size());
  }
  const float row_height = static_cast<float>(tallest) * leadingOf(size) + padding;
  ensureRoom(row_height);
  const float top = y_;
  float x = margins_.left;
  for (std::size_t column = 0; column < wrapped.size(); ++column) {
    y_ = top - padding / 2;
    for (Line& line : wrapped[column]) {
      line.style.space_after = 0.0f;
      line.x_offset = x - margins_.left + padding;
      drawLine(line);
    }
    x += widths[column];
  }
  y_ = top - row_height;
  drawRule(page_, margins_.left, y_, x, y_, 0.3f, 0.6f);
}

void TextFlow::gap(float points) {
  if (y_ < page_.height - margins_.top) y_ -= points;
}

void TextFlow::rule() {
  ensureRoom(8.0f);
  y_ -= 4.0f;
  drawRule(page_, margins_.left, y_, page_.width - margins_.right, y_, 0.6f, 0.2f);
  y_ -= 4.0f;
}

float drawTextAt(const PdfDocument& document, const PdfPage& page, std::string_view text,
                 const TextStyle& style, float x, float top, float width) {
  const std::vector<Line> lines =
      cappedLines(document.pango(), text, style, width, kMaxWrappedChars, kMaxParagraphLines);
  float y = top;
  for (const Line& line : lines) {
    drawLineAt(page, line, x + line.style.indent, y - line.style.size);
    y -= leadingOf(line.style.size) + line.style.space_after;
  }
  return top - y;
}

void drawFooters(PdfDocument& document, const std::function<std::string(int, int)>& text) {
  const std::vector<PdfPage> pages = document.pages();
  const int count = static_cast<int>(pages.size());
  const TextStyle style{Face::kItalic, 8.0f, 0.0f, 0.0f, true};
  for (int index = 0; index < count; ++index) {
    const PdfPage& page = pages[static_cast<std::size_t>(index)];
    drawTextAt(document, page, text(index + 1, count), style, 40.0f, 40.0f, page.width - 80.0f);
  }
  document.check("writing the footers");
}

void drawRule(const PdfPage& page, float x1, float y1, float x2, float y2, float width, float grey) {
  cairo_set_line_width(page.context, width);
  cairo_set_source_rgb(page.context, grey, grey, grey);
  cairo_move_to(page.context, x1, page.cairoY(y1));
  cairo_line_to(page.context, x2, page.cairoY(y2));
  cairo_stroke(page.context);
}

}  // namespace cqpm::certificates
