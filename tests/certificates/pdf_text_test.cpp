#include <gtest/gtest.h>

#include <algorithm>

#include "certificates/cp1252_text.h"
#include "certificates/french_dates.h"
#include "certificates/outcome_labels.h"
#include "certificates/pdf_document.h"
#include "certificates/text_flow.h"
#include "common/error.h"

namespace cqpm::certificates {
namespace {

TEST(Cp1252TextTest, KeepsFrenchLettersAndTypography) {
  EXPECT_EQ(toCp1252("é è ê à ç œ Œ « » — €"), "\xE9 \xE8 \xEA \xE0 \xE7 \x9C \x8C \xAB \xBB \x97 \x80");
}

TEST(Cp1252TextTest, ReplacesWhatItCannotHoldAndControlCharacters) {
  EXPECT_EQ(toCp1252("Ł 漢 ·"), "? ? \xB7");
  EXPECT_EQ(toCp1252("a\tb\nc\x01"), "a b c ");
  const std::string invalid = toCp1252("bad \xC3 utf8");
  EXPECT_EQ(invalid.rfind("bad ?", 0), 0u) << invalid;
  EXPECT_EQ(invalid.substr(invalid.size() - 4), "utf8");
}

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

TEST(WrapTest, BreaksBetweenWordsWithinTheWidthAndCutsOverlongWords) {
  PdfDocument document("test");
  HPDF_Font font = document.fonts().regular;
  const std::string text = "un deux trois quatre cinq six sept huit neuf dix " + std::string(200, 'w');
  const auto lines = wrapCp1252(font, 10.0f, text, 100.0f);
  ASSERT_GT(lines.size(), 3u);
  std::string rejoined;
  for (const std::string& line : lines) {
    EXPECT_LE(textWidth(font, 10.0f, line), 100.0f) << line;
    EXPECT_FALSE(line.empty());
    rejoined += line;
  }
  EXPECT_EQ(lines.front().rfind("un deux", 0), 0u);
  EXPECT_EQ(rejoined.find(' '), 2u);
  EXPECT_EQ(std::count(rejoined.begin(), rejoined.end(), 'w'), 200);
}

TEST(PdfDocumentTest, ALibharuErrorBecomesAnInternalError) {
  PdfDocument document("test");
  HPDF_Page page = document.addPage();
  EXPECT_NO_THROW(document.check("nothing yet"));
  // libharu refuses font sizes above 600 points through its error callback, not by crashing.
  HPDF_Page_SetFontAndSize(page, document.fonts().regular, 5000.0f);
  try {
    document.check("setting the size");
    FAIL() << "no error recorded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInternal);
    EXPECT_NE(std::string(e.what()).find("setting the size"), std::string::npos) << e.what();
  }
  EXPECT_THROW(document.bytes(), Error);
}

TEST(WrapTest, AnEmptyTextIsOneEmptyLine) {
  PdfDocument document("test");
  EXPECT_EQ(wrapCp1252(document.fonts().regular, 10.0f, "", 100.0f), std::vector<std::string>{""});
}

}  // namespace
}  // namespace cqpm::certificates
