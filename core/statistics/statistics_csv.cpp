#include "statistics/statistics_csv.h"

#include "common/error.h"
#include "common/french_csv.h"

namespace cqpm::statistics {

namespace {

using Lines = std::vector<std::vector<std::string>>;

std::string filesByStateCsv(const Statistics& s) {
  Lines lines;
  for (const auto& r : s.files_by_state) lines.push_back({r.month, r.state_label, std::to_string(r.files)});
  return renderFrenchCsv({"Mois", "État", "Dossiers"}, lines);
}

std::string filesByCqpmCsv(const Statistics& s) {
  Lines lines;
  for (const auto& r : s.files_by_cqpm) lines.push_back({r.month, r.cqpm_title, std::to_string(r.files)});
  return renderFrenchCsv({"Mois", "CQPM", "Dossiers"}, lines);
}

std::string successRatesCsv(const Statistics& s) {
  Lines lines;
  for (const auto& r : s.success_rates) {
    lines.push_back({r.cqpm_title, r.pathway_label, std::to_string(r.decided), std::to_string(r.certified),
                     std::to_string(r.blocs_awarded), std::to_string(r.not_certified),
                     frenchDecimal(r.success_rate * 100, 1)});
  }
  return renderFrenchCsv({"CQPM", "Parcours", "Décisions", "Certifiés", "Blocs validés", "Non certifiés",
                          "Taux de réussite (%)"},
                         lines);
}

std::string stageDurationsCsv(const Statistics& s) {
  Lines lines;
  for (const auto& r : s.stage_durations)
    lines.push_back({r.stage_label, std::to_string(r.files), frenchDecimal(r.median_days, 1)});
  return renderFrenchCsv({"Étape", "Passages", "Durée médiane (jours)"}, lines);
}

std::string overdueCsv(const Statistics& s) {
  Lines lines;
  for (const auto& r : s.overdue) lines.push_back({r.cqpm_title, std::to_string(r.files)});
  return renderFrenchCsv({"CQPM", "Dossiers en retard"}, lines);
}

std::string juriesCsv(const Statistics& s) {
  Lines lines;
  for (const auto& r : s.juries)
    lines.push_back({r.month, std::to_string(r.sessions), std::to_string(r.files_decided)});
  return renderFrenchCsv({"Mois", "Sessions tenues", "Dossiers décidés"}, lines);
}

struct SeriesWriter {
  std::string_view id;
  std::string (*write)(const Statistics&);
};

const std::vector<SeriesWriter>& writers() {
  static const std::vector<SeriesWriter> table{
      {"files_by_state", filesByStateCsv},
      {"files_by_cqpm", filesByCqpmCsv},
      {"success_rates", successRatesCsv},
      {"stage_durations", stageDurationsCsv},
      {"overdue", overdueCsv},
      {"juries", juriesCsv},
  };
  return table;
}

}  // namespace

const std::vector<std::string_view>& seriesIds() {
  static const std::vector<std::string_view> ids = [] {
    std::vector<std::string_view> all;
    for (const auto& writer : writers()) all.push_back(writer.id);
    return all;
  }();
  return ids;
}

std::string seriesCsv(const Statistics& statistics, std::string_view series) {
  for (const auto& writer : writers()) {
    if (writer.id == series) return writer.write(statistics);
  }
  throw Error(ErrorCode::kNotFound, "no statistics series is named " + std::string(series), "series");
}

}  // namespace cqpm::statistics
