#include "files/file_list_csv.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include "certificates/outcome_labels.h"
#include "common/french_csv.h"
#include "deadlines/paris_time.h"

namespace cqpm::files {

namespace {

// The Paris day of the instant `iso` ("" when unparsable), `before` earlier:
// a deadline's due_at is the midnight that ends its day, so its day is the
// one a second before.
std::string parisDay(const std::string& iso, const Poco::Timespan& before = Poco::Timespan()) {
  Poco::DateTime parsed;
  int offset = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, iso, parsed, offset))
    return "";
  parsed.makeUTC(offset);
  return deadlines::frenchDate(deadlines::parisDateOf(parsed.timestamp() - before.totalMicroseconds()));
}

}  // namespace

std::string fileListCsv(const std::vector<store::CandidateFileView>& files,
                        const workflow::WorkflowDefinition& workflow, const plugins::PluginCatalog& catalog,
                        const std::string& now) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(files.size());
  for (const auto& view : files) {
    const domain::CandidateFile& file = view.file;
    const auto* state = workflow.findState(file.state);
    const bool overdue = view.report_due_at && !view.report_uploaded && now >= *view.report_due_at;
    rows.push_back({file.candidate.family_name, file.candidate.given_name, file.candidate.email,
                    catalog.titleOf(file.cqpm),
                    certificates::pathwayLabelFr(domain::pathwayName(file.pathway)),
                    state ? state->label : file.state, view.centre_name, view.company_name.value_or(""),
                    view.report_due_at ? parisDay(*view.report_due_at, Poco::Timespan(1, 0)) : "",
                    overdue ? "Oui" : "Non", parisDay(file.created_at), parisDay(file.updated_at), file.id});
  }
  return renderFrenchCsv(
      {"Nom", "Prénom", "Courriel", "CQPM", "Parcours", "État", "Centre", "Entreprise", "Échéance du rapport",
       "Rapport en retard", "Créé le", "Mis à jour le", "Identifiant du dossier"},
      rows);
}

}  // namespace cqpm::files
