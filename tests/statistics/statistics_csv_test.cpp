#include "statistics/statistics_csv.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace cqpm::statistics {
namespace {

Statistics sample() {
  Statistics s;
  s.from = "2026-01-01";
  s.to = "2026-06-30";
  s.success_rates.push_back(
      {"qualite", "Technicien de la qualité", "employee", "Salarié(e)", 3, 2, 0, 1, 2.0 / 3});
  s.stage_durations.push_back({"draft", "Brouillon", 5, 2.5});
  s.files_by_cqpm.push_back({"2026-01", "x", "Titre; avec \"guillemets\"", 4});
  s.overdue.push_back({"x", "=HYPERLINK(1)", 1});
  return s;
}

TEST(StatisticsCsvTest, WritesFrenchExcelCsv) {
  const std::string csv = seriesCsv(sample(), "success_rates");
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "CQPM;Parcours;Décisions;Certifiés;Blocs validés;Non certifiés;Taux de réussite (%)\r\n"
            "Technicien de la qualité;Salarié(e);3;2;0;1;66,7\r\n");
  EXPECT_EQ(seriesCsv(sample(), "stage_durations"),
            "\xEF\xBB\xBF"
            "Étape;Passages;Durée médiane (jours)\r\nBrouillon;5;2,5\r\n");
}

TEST(StatisticsCsvTest, QuotesSeparatorsAndDisarmsFormulas) {
  EXPECT_EQ(seriesCsv(sample(), "files_by_cqpm"),
            "\xEF\xBB\xBFMois;CQPM;Dossiers\r\n2026-01;\"Titre; avec \"\"guillemets\"\"\";4\r\n");
  EXPECT_EQ(seriesCsv(sample(), "overdue"),
            "\xEF\xBB\xBF"
            "CQPM;Dossiers en retard\r\n'=HYPERLINK(1);1\r\n");
}

TEST(StatisticsCsvTest, EverySeriesHasAHeaderAndAnUnknownOneIsNotFound) {
  for (const auto series : seriesIds()) {
    const std::string csv = seriesCsv(Statistics{}, series);
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << series;
    EXPECT_TRUE(csv.ends_with("\r\n")) << series;
  }
  try {
    seriesCsv(Statistics{}, "nothing");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
    EXPECT_EQ(e.field(), "series");
  }
}

}  // namespace
}  // namespace cqpm::statistics
