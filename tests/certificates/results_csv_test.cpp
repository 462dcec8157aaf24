#include "certificates/results_csv.h"

#include <gtest/gtest.h>

namespace cqpm::certificates {
namespace {

const std::string kHeader =
    "Nom;Prénom;Date de naissance;N° CQPM;Intitulé;Décision;Blocs;Version du référentiel;Date de la session;"
    "Code de vérification\r\n";

ResultRow plainRow() {
  return ResultRow{"Dupré-Lœuvre",
                   "Hélène",
                   "1990-04-12",
                   "MQ 2016 04 89 0303",
                   "Technicien(ne) en maintenance industrielle",
                   "CQPM délivré",
                   "BDC0208, BDC0209",
                   "3",
                   "2025-06-12",
                   "K7QM-4XPA-9RTE"};
}

TEST(ResultsCsvTest, StartsWithTheUtf8BomAndTheFrenchHeader) {
  const std::string csv = renderResultsCsv({});
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3), kHeader);
}

TEST(ResultsCsvTest, SeparatesWithSemicolonsAndEndsEveryLineWithCrLf) {
  const std::string csv = renderResultsCsv({plainRow(), plainRow()});
  const std::string line =
      "Dupré-Lœuvre;Hélène;1990-04-12;MQ 2016 04 89 0303;Technicien(ne) en maintenance industrielle;"
      "CQPM délivré;BDC0208, BDC0209;3;2025-06-12;K7QM-4XPA-9RTE\r\n";
  EXPECT_EQ(csv, "\xEF\xBB\xBF" + kHeader + line + line);
}

TEST(ResultsCsvTest, QuotesFieldsWithSeparatorsQuotesOrLineBreaks) {
  ResultRow row = plainRow();
  row.family_name = "Martin; Durand";
  row.given_name = "Jean \"Jo\"";
  row.cqpm_title = "ligne 1\r\nligne 2";
  row.blocs = "a\nb";
  const std::string csv = renderResultsCsv({row});
  EXPECT_NE(csv.find("\"Martin; Durand\";\"Jean \"\"Jo\"\"\";1990-04-12;"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";\"ligne 1\r\nligne 2\";CQPM délivré;\"a\nb\";"), std::string::npos) << csv;
}

TEST(ResultsCsvTest, GuardsCellsThatASpreadsheetWouldRunAsFormulas) {
  ResultRow row = plainRow();
  row.family_name = "=HYPERLINK(\"http://evil\";\"clic\")";
  row.given_name = "+33 6 12";
  row.birth_date = "-2+3";
  row.cqpm_number = "@SUM(A1)";
  row.cqpm_title = "\tcaché";
  const std::string csv = renderResultsCsv({row});
  const std::string line = csv.substr(csv.find("\r\n") + 2);
  EXPECT_EQ(line,
            "\"'=HYPERLINK(\"\"http://evil\"\";\"\"clic\"\")\";'+33 6 12;'-2+3;'@SUM(A1);'\tcaché;"
            "CQPM délivré;BDC0208, BDC0209;3;2025-06-12;K7QM-4XPA-9RTE\r\n");
}

TEST(ResultsCsvTest, LeavesHyphensAndSignsInsideAFieldAlone) {
  ResultRow row = plainRow();
  row.family_name = "Le-Gall";
  row.outcome_fr = "Blocs de compétences validés";
  const std::string csv = renderResultsCsv({row});
  EXPECT_NE(csv.find("\r\nLe-Gall;Hélène;"), std::string::npos);
  EXPECT_EQ(csv.find('\''), std::string::npos);
}

TEST(ResultsCsvTest, EmptyFieldsStayEmpty) {
  const std::string csv = renderResultsCsv({ResultRow{}});
  EXPECT_EQ(csv.substr(3 + kHeader.size()), ";;;;;;;;;\r\n");
}

}  // namespace
}  // namespace cqpm::certificates
