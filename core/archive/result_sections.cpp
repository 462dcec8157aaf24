// The archive's sections about what was judged: the grid, the company's opinion, the jury's decisions.

#include <Poco/JSON/Parser.h>

#include "archive/archive_sections.h"
#include "certificates/outcome_labels.h"
#include "deadlines/paris_time.h"
#include "opinion/opinion_content.h"
#include "referential_model/referential_fields.h"

namespace cqpm::archive {

using certificates::TextFlow;

namespace {

std::string resultLabel(const std::string& result) {
  if (result == "acquired") return "Acquise";
  if (result == "not_acquired") return "Non acquise";
  return "Non évaluée";
}

std::string groupHeading(const std::string& group) {
  if (group == "methods") return "Méthodes utilisées";
  if (group == "means") return "Moyens utilisés";
  if (group == "relations") return "Liens professionnels";
  if (group == "environment") return "Contraintes liées au milieu et à l’environnement de travail";
  return group;
}

std::string opinionLabel(const std::optional<std::string>& value) {
  if (!value) return "Sans réponse";
  for (const auto& [id, label] : opinion::kOpinionValues) {
    if (id == *value) return std::string(label);
  }
  return *value;
}

void append(std::vector<certificates::Line>& block, std::vector<certificates::Line> lines) {
  block.insert(block.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
}

// One competency as one block: kept on one page when it fits, so a signature never leaves its competency.
void writeCompetency(TextFlow& flow, const evaluation::CompetencyView& view) {
  const auto& competency = view.competency;
  const std::string bloc = competency.bloc_code ? *competency.bloc_code + " — " : std::string();
  std::vector<certificates::Line> block;
  append(block,
         flow.layout("Compétence " + competency.number + " : " + competency.title, styles::kSubheading));
  append(block,
         flow.layout("Bloc : " + bloc + competency.bloc_title + " · Résultat : " + resultLabel(view.result),
                     styles::kIndented));
  for (const auto& [group, text] : view.observations) {
    if (text.empty()) continue;
    append(block, flow.layout(groupHeading(group), styles::kLabel));
    append(block, flow.layout(text, styles::kIndented));
  }
  if (view.updated_by) {
    append(block, flow.layout("Dernière écriture : " + view.updated_by->display_name + ", le " +
                                  deadlines::frenchParisTime(view.updated_at),
                              styles::kIndented));
  }
  for (const auto& signature : view.signatures) {
    append(block, flow.layout("Signée par " + signature.display_name + " le " +
                                  deadlines::frenchParisTime(signature.signed_at),
                              styles::kIndented));
  }
  if (view.signatures.empty()) append(block, flow.layout("Aucune signature.", styles::kIndented));
  flow.draw(block);
  flow.gap(4.0f);
}

void writeAnswers(TextFlow& flow, const std::vector<opinion::ReferentialItem>& items,
                  const std::map<std::string, opinion::OpinionAnswer>& answers, const std::string& heading) {
  flow.paragraph(heading, styles::kSubheading);
  const float width = flow.columnWidth();
  const std::vector<float> columns{width * 0.45f, width * 0.17f, width * 0.38f};
  for (const auto& item : items) {
    const auto found = answers.find(item.key);
    const opinion::OpinionAnswer empty;
    const opinion::OpinionAnswer& answer = found == answers.end() ? empty : found->second;
    flow.tableRow({item.key + ". " + item.title, opinionLabel(answer.value), answer.comment}, columns,
                  styles::kTableSize, false);
  }
  flow.gap(4.0f);
}

std::string blocsText(const std::string& blocs_json) {
  std::string text;
  try {
    const auto blocs = referential_model::asArray(Poco::JSON::Parser().parse(blocs_json));
    for (std::size_t i = 0; blocs && i < blocs->size(); ++i) {
      const auto bloc = referential_model::asObject(blocs->get(i));
      if (!bloc) continue;
      if (!text.empty()) text += " ; ";
      const std::string code = bloc->optValue<std::string>("code", "");
      text += (code.empty() ? std::string() : code + " — ") + bloc->optValue<std::string>("title", "");
    }
  } catch (const Poco::Exception&) {
    return blocs_json;  // printed as stored rather than hidden
  }
  return text;
}

}  // namespace

void writeGrid(TextFlow& flow, const FileArchive& archive) {
  sectionHeading(flow, "3. Grille d’évaluation");
  if (!archive.grid) {
    flow.paragraph("L’évaluation n’a pas commencé.", styles::kNote);
    flow.gap(10.0f);
    return;
  }
  std::string commission;
  for (const auto& evaluator : archive.grid->commission) {
    if (!commission.empty()) commission += ", ";
    commission += evaluator.display_name;
  }
  flow.paragraph("Commission d’évaluation : " + (commission.empty() ? std::string("non formée") : commission),
                 styles::kBody);
  for (const auto& competency : archive.grid->competencies) writeCompetency(flow, competency);
  flow.gap(6.0f);
}

void writeOpinion(TextFlow& flow, const FileArchive& archive) {
  sectionHeading(flow, "4. Avis de l’entreprise");
  if (!archive.opinion) {
    const bool vae = archive.file.file.pathway == domain::Pathway::kVae;
    flow.paragraph(vae ? "Sans objet : un dossier de VAE va au jury sans l’avis de l’entreprise."
                       : "Aucun avis enregistré.",
                   styles::kNote);
    flow.gap(10.0f);
    return;
  }
  const opinion::CompanyOpinionView& view = *archive.opinion;
  // The last signed version is the opinion the jury read; a draft after it is a correction in progress.
  const opinion::OpinionVersion& shown = view.history.empty() ? *view.current : view.history.back();
  if (shown.signed_by) {
    flow.paragraph("Version " + std::to_string(shown.version) + ", signée par " +
                       shown.signed_by->display_name + " le " +
                       deadlines::frenchParisTime(shown.signed_at.value_or("")),
                   styles::kBody);
  } else {
    flow.paragraph("Brouillon non signé (version " + std::to_string(shown.version) + ").", styles::kNote);
  }
  writeAnswers(flow, view.form.activities, shown.content.activities, "Activités");
  writeAnswers(flow, view.form.competencies, shown.content.competencies, "Compétences");
  if (!shown.content.text.empty()) {
    flow.paragraph("Appréciation générale", styles::kLabel);
    flow.paragraph(shown.content.text, styles::kIndented);
  }
  flow.gap(10.0f);
}

void writeDecisions(TextFlow& flow, const FileArchive& archive) {
  sectionHeading(flow, "5. Décision du jury paritaire");
  if (archive.decisions.empty()) flow.paragraph("Aucune décision du jury.", styles::kNote);
  for (const auto& view : archive.decisions) {
    const store::JuryDecisionRecord& decision = view.decision;
    flow.paragraph(certificates::outcomeLabelFr(decision.outcome, "decision.outcome") + " — décision du " +
                       deadlines::frenchParisTime(decision.decided_at) + ", enregistrée par " +
                       decision.decided_by_name,
                   styles::kSubheading);
    const std::string blocs = blocsText(decision.blocs_json);
    if (!blocs.empty()) flow.paragraph("Blocs de compétences : " + blocs, styles::kIndented);
    if (!decision.reason.empty()) flow.paragraph("Motif : " + decision.reason, styles::kIndented);
    if (decision.revoked_at) {
      flow.paragraph("Décision révoquée le " + deadlines::frenchParisTime(*decision.revoked_at) + " par " +
                         decision.revoked_by_name.value_or("?") + " : " +
                         decision.revocation_reason.value_or(""),
                     styles::kIndented);
    }
    for (const auto& award : view.awards) {
      flow.paragraph(std::string(award.kind == "certificate" ? "Certificat" : "Attestation de blocs") +
                         " — code de vérification " + award.verification_code,
                     styles::kIndented);
    }
    flow.gap(4.0f);
  }
  flow.gap(10.0f);
}

}  // namespace cqpm::archive
