#include "certificates/text_flow.h"

#include <algorithm>
#include <functional>

#include "certificates/cp1252_text.h"
#include "common/input_rules.h"

namespace cqpm::certificates {
namespace {

std::vector<std::string_view> splitOn(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// A paragraph prints at most about a page (kMaxParagraphLines at 10 pt), a table cell
// a third of one: texts stored before the API limited them (a 66,000-character place, a
// 70 kB reason) would otherwise fill dozens of pages, and a table row, which never
// splits, would run off the page. What is cut is said on the page; the whole text stays
// in the application. Only the first kMaxWrappedChars characters are wrapped at all:
// more than the line cap can show, and wrapping costs grow with the text.
constexpr std::size_t kMaxParagraphLines = 60;
constexpr std::size_t kMaxCellLines = 12;
constexpr std::size_t kMaxWrappedChars = 12000;

std::size_t printedCharacters(std::string_view utf8) {
  std::size_t count = 0;
  for (const unsigned char c : utf8) count += (c & 0xC0) != 0x80;
  return count;
}

std::string cutNote(std::size_t characters) {
  return toCp1252("[… texte tronqué à l'impression : " + std::to_string(characters) +
                  " caractères au total, conservés en entier dans CQPM Hub]");
}

// Keeps at most `max_lines` of `lines`, the last of them saying the text was cut.
void capLines(std::vector<std::string>& lines, std::size_t max_lines, bool cut_before, std::size_t characters,
              const std::function<std::vector<std::string>(const std::string&)>& wrap) {
  if (lines.size() <= max_lines && !cut_before) return;
  const std::vector<std::string> note = wrap(cutNote(characters));
  const std::size_t keep = max_lines > note.size() ? max_lines - note.size() : 0;
  if (lines.size() > keep) lines.resize(keep);
  lines.insert(lines.end(), note.begin(), note.end());
}

}  // namespace

std::vector<std::string> wrapCp1252(HPDF_Font font, float size, std::string_view text, float width) {
  std::vector<std::string> lines;
  std::string current;
  auto fits = [&](std::string_view candidate) { return textWidth(font, size, candidate) <= width; };
  for (std::string_view word : splitOn(text, ' ')) {
    if (word.empty()) continue;
    const std::string joined = current.empty() ? std::string(word) : current + " " + std::string(word);
    if (fits(joined)) {
      current = joined;
      continue;
    }
    if (!current.empty()) lines.push_back(std::move(current));
    current.clear();
    // A word wider than the column (a long URL, a hash) is cut where it must be.
    for (char c : word) {
      if (!current.empty() && !fits(current + c)) {
        lines.push_back(std::move(current));
        current.clear();
      }
      current += c;
    }
  }
  if (!current.empty() || lines.empty()) lines.push_back(std::move(current));
  return lines;
}

TextFlow::TextFlow(PdfDocument& document, Margins margins) : document_(document), margins_(margins) {
  newPage();
}

float TextFlow::columnWidth() const { return page_width_ - margins_.left - margins_.right; }

HPDF_Font TextFlow::fontOf(Face face) const {
  switch (face) {
    case Face::kBold:
      return document_.fonts().bold;
    case Face::kItalic:
      return document_.fonts().italic;
    case Face::kMono:
      return document_.fonts().mono;
    case Face::kRegular:
      break;
  }
  return document_.fonts().regular;
}

void TextFlow::newPage() {
  page_ = document_.addPage();
  page_height_ = HPDF_Page_GetHeight(page_);
  page_width_ = HPDF_Page_GetWidth(page_);
  y_ = page_height_ - margins_.top;
}

std::vector<Line> TextFlow::layout(std::string_view text, const TextStyle& style) const {
  const float width = columnWidth() - style.indent;
  const std::size_t characters = printedCharacters(text);
  const std::string shown = truncatedText(text, kMaxWrappedChars);
  std::vector<std::string> wrapped_lines;
  for (std::string_view source_line : splitOn(shown, '\n')) {
    for (std::string& wrapped : wrapCp1252(fontOf(style.face), style.size, toCp1252(source_line), width)) {
      wrapped_lines.push_back(std::move(wrapped));
      if (wrapped_lines.size() > kMaxParagraphLines) break;
    }
    if (wrapped_lines.size() > kMaxParagraphLines) break;
  }
  capLines(wrapped_lines, kMaxParagraphLines, characters > kMaxWrappedChars, characters,
           [&](const std::string& note) { return wrapCp1252(fontOf(style.face), style.size, note, width); });
  std::vector<Line> lines;
  for (std::string& wrapped : wrapped_lines) {
    TextStyle line_style = style;
    line_style.space_after = 0.0f;
    lines.push_back(Line{std::move(wrapped), line_style});
  }
  lines.back().style.space_after = style.space_after;
  return lines;
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
  const float usable = page_height_ - margins_.top - margins_.bottom;
  const float height = heightOf(lines);
  if (height <= usable) ensureRoom(height);
  for (const Line& line : lines) {
    ensureRoom(leadingOf(line.style.size));
    drawLine(line);
  }
}

void TextFlow::drawLine(const Line& line) {
  HPDF_Font font = fontOf(line.style.face);
  const float baseline = y_ - line.style.size;
  float x = margins_.left + line.style.indent + line.x_offset;
  if (line.style.centred)
    x = margins_.left + (columnWidth() - textWidth(font, line.style.size, line.text)) / 2;
  HPDF_Page_BeginText(page_);
  HPDF_Page_SetFontAndSize(page_, font, line.style.size);
  HPDF_Page_TextOut(page_, x, baseline, line.text.c_str());
  HPDF_Page_EndText(page_);
  y_ -= leadingOf(line.style.size) + line.style.space_after;
}

void TextFlow::paragraph(std::string_view text, const TextStyle& style) { draw(layout(text, style)); }

void TextFlow::tableRow(const std::vector<std::string>& cells, const std::vector<float>& widths, float size,
                        bool bold) {
  const float padding = 4.0f;
  const TextStyle style{bold ? Face::kBold : Face::kRegular, size, 0.0f, 0.0f, false};
  std::vector<std::vector<std::string>> wrapped;
  std::size_t tallest = 1;
  for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
    const float width = widths[i] - 2 * padding;
    const std::size_t characters = printedCharacters(cells[i]);
    wrapped.push_back(wrapCp1252(fontOf(style.face), size,
                                 toCp1252(truncatedText(cells[i], kMaxWrappedChars / 10)), width));
    capLines(wrapped.back(), kMaxCellLines, characters > kMaxWrappedChars / 10, characters,
             [&](const std::string& note) { return wrapCp1252(fontOf(style.face), size, note, width); });
    tallest = std::max(tallest, wrapped.back().size());
  }
  const float row_height = static_cast<float>(tallest) * leadingOf(size) + padding;
  ensureRoom(row_height);
  const float top = y_;
  float x = margins_.left;
  for (std::size_t column = 0; column < wrapped.size(); ++column) {
    y_ = top - padding / 2;
    for (const std::string& text : wrapped[column]) {
      Line line{text, style, x - margins_.left + padding};
      drawLine(line);
    }
    x += widths[column];
  }
  y_ = top - row_height;
  HPDF_Page_SetLineWidth(page_, 0.3f);
  HPDF_Page_SetRGBStroke(page_, 0.6f, 0.6f, 0.6f);
  HPDF_Page_MoveTo(page_, margins_.left, y_);
  HPDF_Page_LineTo(page_, x, y_);
  HPDF_Page_Stroke(page_);
}

void TextFlow::gap(float points) {
  if (y_ < page_height_ - margins_.top) y_ -= points;
}

void TextFlow::rule() {
  ensureRoom(8.0f);
  y_ -= 4.0f;
  HPDF_Page_SetLineWidth(page_, 0.6f);
  HPDF_Page_SetRGBStroke(page_, 0.2f, 0.2f, 0.2f);
  HPDF_Page_MoveTo(page_, margins_.left, y_);
  HPDF_Page_LineTo(page_, page_width_ - margins_.right, y_);
  HPDF_Page_Stroke(page_);
  y_ -= 4.0f;
}

void drawFooters(PdfDocument& document, const std::function<std::string(int, int)>& text) {
  const auto& pages = document.pages();
  const int count = static_cast<int>(pages.size());
  const float size = 8.0f;
  HPDF_Font font = document.fonts().italic;
  for (int index = 0; index < count; ++index) {
    HPDF_Page page = pages[index];
    const std::string footer = toCp1252(text(index + 1, count));
    const float x = (HPDF_Page_GetWidth(page) - textWidth(font, size, footer)) / 2;
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, size);
    HPDF_Page_TextOut(page, x, 30.0f, footer.c_str());
    HPDF_Page_EndText(page);
  }
  document.check("writing the footers");
}

}  // namespace cqpm::certificates
