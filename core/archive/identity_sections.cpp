// The archive's sections about who the candidate is, what was planned and what happened when.

#include <map>

#include "archive/archive_sections.h"
#include "certificates/french_dates.h"
#include "certificates/outcome_labels.h"
#include "deadlines/paris_time.h"

namespace cqpm::archive {

using certificates::TextFlow;

namespace {

void fact(TextFlow& flow, const std::string& label, const std::string& value) {
  const float width = flow.columnWidth();
  flow.tableRow({label, value}, {width * 0.32f, width * 0.68f}, styles::kTableSize, false);
}

std::string bornText(const domain::Candidate& candidate) {
  std::string text = certificates::frenchLongDate(candidate.birth_date);
  if (!candidate.birth_place.empty()) text += " à " + candidate.birth_place;
  return text;
}

}  // namespace

void sectionHeading(TextFlow& flow, const std::string& title) {
  flow.ensureRoom(90.0f);  // a heading never ends a page alone: it comes with its first lines
  flow.paragraph(title, styles::kHeading);
}

void writeIdentity(TextFlow& flow, const FileArchive& archive) {
  const store::CandidateFileView& view = archive.file;
  const domain::CandidateFile& file = view.file;
  sectionHeading(flow, "1. Identité et inscription");
  fact(flow, "Candidat", file.candidate.given_name + " " + file.candidate.family_name);
  fact(flow, "Né(e) le", bornText(file.candidate));
  fact(flow, "Adresse e-mail", file.candidate.email);
  fact(flow, "CQPM", archive.cqpm_title);
  fact(flow, "Référentiel",
       file.referential_version ? "version " + std::to_string(*file.referential_version) : "non encore fixé");
  fact(flow, "Parcours", certificates::pathwayLabelFr(domain::pathwayName(file.pathway)));
  fact(flow, "Centre de certification", view.centre_name);
  fact(flow, "Entreprise", view.company_name.value_or("—"));
  fact(flow, "État du dossier", archive.state_label);
  fact(flow, "Créé le", deadlines::frenchParisTime(file.created_at));
  fact(flow, "Référence du dossier", file.id);
  if (view.report_due_at) {
    fact(flow, "Échéance du rapport",
         deadlines::frenchParisTime(*view.report_due_at) + (view.report_uploaded ? " (rapport déposé)" : ""));
  }
  for (const RegistrationAnswer& answer : archive.registration) fact(flow, answer.label, answer.text);
  flow.gap(10.0f);
}

void writePlan(TextFlow& flow, const FileArchive& archive) {
  sectionHeading(flow, "2. Modalités d’évaluation");
  if (!archive.plan || !archive.plan->plan) {
    flow.paragraph("Les modalités d’évaluation ne sont pas encore arrêtées.", styles::kNote);
    flow.gap(10.0f);
    return;
  }
  const files::ModalityPlanEditor& plan = *archive.plan;
  std::map<std::string, std::string> modalities;
  for (const auto& modality : plan.modalities) modalities[modality.id] = modality.label;
  std::map<std::string, std::string> evaluators;
  for (const auto& evaluator : plan.evaluators) evaluators[evaluator.id] = evaluator.display_name;
  std::map<int, std::string> titles;
  for (const auto& competency : plan.competencies) titles[competency.number] = competency.title;

  const float width = flow.columnWidth();
  const std::vector<float> columns{width * 0.30f, width * 0.22f, width * 0.14f, width * 0.16f, width * 0.18f};
  flow.tableRow({"Compétence", "Modalité", "Date prévue", "Lieu", "Évaluateurs"}, columns, styles::kTableSize,
                true);
  for (const files::PlanEntry& entry : *plan.plan) {
    std::string names;
    for (const auto& id : entry.evaluators) {
      if (!names.empty()) names += ", ";
      names += evaluators.contains(id) ? evaluators[id] : id;
    }
    const std::string modality =
        modalities.contains(entry.modality) ? modalities[entry.modality] : entry.modality;
    flow.tableRow({std::to_string(entry.competency) + ". " + titles[entry.competency],
                   modality + (entry.justification ? " — " + *entry.justification : ""),
                   deadlines::frenchDate(entry.planned_date), entry.place, names},
                  columns, styles::kTableSize, false);
  }
  flow.gap(10.0f);
}

void writeHistory(TextFlow& flow, const FileArchive& archive) {
  sectionHeading(flow, "6. Historique du dossier");
  const float width = flow.columnWidth();
  const std::vector<float> columns{width * 0.24f, width * 0.26f, width * 0.50f};
  flow.tableRow({"Date (heure de Paris)", "Par", "Événement"}, columns, styles::kTableSize, true);
  for (const auto& [event, summary] : archive.history) {
    flow.tableRow({deadlines::frenchParisTime(event.at), event.actor_display_name, summary}, columns,
                  styles::kTableSize, false);
  }
  flow.paragraph(
      "Chaque événement est chaîné au précédent par son empreinte (SHA-256) ; dernière empreinte : " +
          (archive.history.empty() ? std::string("—") : archive.history.back().first.hash),
      styles::kNote);
}

}  // namespace cqpm::archive
