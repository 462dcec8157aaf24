#include <gtest/gtest.h>
#include <pango/pango.h>

#include <algorithm>

#include "certificates/french_dates.h"
#include "certificates/outcome_labels.h"
#include "certificates/pdf_document.h"
#include "certificates/text_flow.h"
#include "common/error.h"

namespace cqpm::certificates {
namespace {

TEST(FrenchDatesTest, WritesDatesAsOnAnOfficialDocument) {
  EXPECT_EQ(frenchLongDate("2025-07-01"), "1er juillet 2025");
  EXPECT_EQ(frenchLongDate("2025-02-14"), "14 février 2025");
  EXPECT_EQ(frenchLongDate("2025-08-31"), "31 août 2025");
  EXPECT_EQ(frenchLongDate("2025-02-30"), "2025-02-30");
  EXPECT_EQ(frenchLongDate(""), "");
}

TEST(OutcomeLabelsTest, NamesOutcomesAndCollegesInFrench) {
  EXPECT_EQ(outcomeLabelFr("certified"), "CQPM délivré");
  EXPECT_EQ(outcomeLabelFr("blocs_awarded"), "Blocs de compétences validés");
  EXPECT_EQ(outcomeLabelFr("not_certified"), "CQPM non délivré");
  EXPECT_THROW(outcomeLabelFr("pending"), Error);
  EXPECT_EQ(collegeLabelFr("employer"), "collège employeurs");
  EXPECT_EQ(collegeLabelFr("employee"), "collège salariés");
}

DocumentMetadata testMetadata() {
  DocumentMetadata metadata;
  metadata.title = "test";
  return metadata;
}

// A flow whose column is `width` points wide.
Margins columnOf(float width) {
  Margins margins;
  margins.right = 595.276f - margins.left - width;
  return margins;
}

float widthOf(const Line& line) {
  PangoRectangle logical{};
  pango_layout_line_get_extents(pango_layout_get_line_readonly(line.paragraph.get(), line.index), nullptr,
                                &logical);
  return static_cast<float>(logical.width) / PANGO_SCALE;
}

TEST(WrapTest, BreaksBetweenWordsWithinTheWidthAndCutsOverlongWords) {
  PdfDocument document(testMetadata());
  TextFlow flow(document, columnOf(100.0f));
  ASSERT_NEAR(flow.columnWidth(), 100.0f, 0.01f);
  const std::string text = "un deux trois quatre cinq six sept huit neuf dix " + std::string(200, 'w');
  const std::vector<Line> lines = flow.layout(text, TextStyle{});
  ASSERT_GT(lines.size(), 3u);
  std::string rejoined;
  for (const std::string& line : textsOf(lines)) {
    EXPECT_FALSE(line.empty());
    rejoined += line;
  }
  for (const Line& line : lines) EXPECT_LE(widthOf(line), 100.5f);
  EXPECT_EQ(textsOf(lines).front().rfind("un deux", 0), 0u);
  EXPECT_EQ(rejoined.find(' '), 2u);
  EXPECT_EQ(std::count(rejoined.begin(), rejoined.end(), 'w'), 200);
}

TEST(WrapTest, AnEmptyTextIsOneEmptyLine) {
  PdfDocument document(testMetadata());
  TextFlow flow(document, Margins{});
  EXPECT_EQ(textsOf(flow.layout("", TextStyle{})), std::vector<std::string>{""});
}

TEST(WrapTest, AParagraphLongerThanAPageIsCutAndSaysSo) {
  PdfDocument document(testMetadata());
  TextFlow flow(document, Margins{});
  std::string text;
  for (int i = 0; i < 400; ++i) text += "Ligne " + std::to_string(i) + "\n";
  const std::vector<std::string> lines = textsOf(flow.layout(text, TextStyle{}));
  EXPECT_EQ(lines.size(), 60u);
  EXPECT_EQ(lines.front(), "Ligne 0");
  EXPECT_NE(lines.back().find("texte tronqué à l'impression"), std::string::npos) << lines.back();
}

TEST(WrapTest, InvalidBytesAndControlCharactersDoNotReachThePage) {
  PdfDocument document(testMetadata());
  TextFlow flow(document, Margins{});
  EXPECT_EQ(textsOf(flow.layout("a\tb\x01"
                                "c",
                                TextStyle{})),
            std::vector<std::string>{"a b c"});
  EXPECT_EQ(textsOf(flow.layout("bad \xC3 utf8", TextStyle{})), std::vector<std::string>{"bad \uFFFD utf8"});
}

TEST(PdfDocumentTest, ACairoErrorBecomesAnInternalError) {
  PdfDocument document(testMetadata());
  const PdfPage page = document.addPage();
  EXPECT_NO_THROW(document.check("nothing yet"));
  cairo_scale(page.context, 0.0, 0.0);  // a matrix cairo cannot invert: it records the error
  try {
    document.check("scaling");
    FAIL() << "no error recorded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInternal);
    EXPECT_NE(std::string(e.what()).find("scaling"), std::string::npos) << e.what();
  }
  EXPECT_THROW(document.bytes(), Error);
}

TEST(PdfDateTest, WritesIsoDatesAsPdfDates) {
  EXPECT_EQ(pdfDate("2026-12-02"), "D:20261202");
  EXPECT_EQ(pdfDate("2026-12-02T09:15:00Z"), "D:20261202091500Z");
  EXPECT_EQ(pdfDate("2026-12-02T09:15:00.123Z"), "D:20261202091500Z");
  EXPECT_EQ(pdfDate("2026-12-02T10:15+01:00"), "D:20261202101500+01'00'");
  for (const char* bad :
       {"", "02/12/2026", "2026-12-02 10:15", "2026-12-02T10", "2026-12-02T10:15:00+0100"}) {
    try {
      pdfDate(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.field(), "created") << bad;
    }
  }
}

}  // namespace
}  // namespace cqpm::certificates
