#include "certificates/jury_minutes.h"

#include "certificates/french_dates.h"
#include "certificates/outcome_labels.h"
#include "certificates/pdf_document.h"
#include "certificates/text_flow.h"

namespace cqpm::certificates {
namespace {

const TextStyle kMinutesTitle{Face::kBold, 16.0f, 0.0f, 2.0f, true};
const TextStyle kSubtitle{Face::kRegular, 10.0f, 0.0f, 10.0f, true};
const TextStyle kHeading{Face::kBold, 12.0f, 0.0f, 4.0f};
const TextStyle kBody{Face::kRegular, 10.0f, 0.0f, 2.0f};
const TextStyle kCandidate{Face::kBold, 10.5f, 0.0f, 1.0f};
const TextStyle kDetail{Face::kRegular, 9.5f, 14.0f, 1.0f};
const TextStyle kDetailBold{Face::kBold, 9.5f, 14.0f, 1.0f};
const TextStyle kMinutesBloc{Face::kRegular, 9.0f, 26.0f, 0.5f};
const TextStyle kNote{Face::kItalic, 9.0f, 14.0f, 1.0f};

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

void append(std::vector<Line>& block, std::vector<Line> lines) {
  block.insert(block.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
}

void writeHeader(TextFlow& flow, const MinutesData& minutes) {
  flow.paragraph("Procès-verbal de délibération du jury paritaire", kMinutesTitle);
  flow.paragraph("Certificats de qualification paritaire de la métallurgie (CQPM)", kSubtitle);
  flow.paragraph("Centre de certification : " + minutes.centre_name, kBody);
  flow.paragraph(
      "Date de la session : " + frenchLongDate(minutes.session_date) +
          (minutes.session_time.empty() ? std::string()
                                        : " à " + minutes.session_time.substr(0, 2) + " h " +
                                              minutes.session_time.substr(3, 2) + " (heure de Paris)"),
      kBody);
  flow.paragraph("Délibération tenue sous le contrôle du GTP Certifications.", kBody);
  flow.paragraph("Lieu : " + minutes.place, kBody);
  flow.paragraph("Référence de la session : " + minutes.session_id, kBody);
  flow.gap(8.0f);
}

void writeMembers(TextFlow& flow, const std::vector<MinutesMember>& members) {
  flow.paragraph("Composition du jury", kHeading);
  const float width = flow.columnWidth();
  const std::vector<float> columns{width * 0.30f, width * 0.30f, width * 0.24f, width * 0.16f};
  flow.tableRow({"Nom", "Organisation", "Collège", "Présence"}, columns, 9.5f, true);
  int employers = 0;
  int employees = 0;
  for (const MinutesMember& member : members) {
    flow.tableRow({member.name, member.organisation, collegeLabelFr(member.college),
                   member.present ? "présent(e)" : "absent(e)"},
                  columns, 9.5f, false);
    if (member.present && member.college == "employer") ++employers;
    if (member.present && member.college == "employee") ++employees;
  }
  if (members.empty()) flow.paragraph("Aucun membre enregistré.", kNote);
  flow.gap(4.0f);
  flow.paragraph("Membres présents : " + std::to_string(employers) + " du collège employeurs, " +
                     std::to_string(employees) + " du collège salariés.",
                 kBody);
  flow.gap(8.0f);
}

std::vector<Line> decisionBlock(const TextFlow& flow, const MinutesDecision& decision, std::size_t index) {
  const std::string field = "decisions[" + std::to_string(index) + "].outcome";
  std::vector<Line> block;
  std::string title = std::to_string(index + 1) + ". " + decision.candidate_name;
  if (!decision.candidate_birth_date.empty())
    title += ", né(e) le " + frenchLongDate(decision.candidate_birth_date);
  if (!decision.candidate_birth_place.empty()) title += " à " + decision.candidate_birth_place;
  append(block, flow.layout(title, kCandidate));
  append(block,
         flow.layout(decision.cqpm_title + " — CQPM n° " +
                         (decision.cqpm_number.empty() ? std::string("non renseigné") : decision.cqpm_number),
                     kDetail));
  if (!decision.pathway.empty()) append(block, flow.layout("Parcours : " + decision.pathway, kDetail));
  if (!decision.targeted_blocs.empty()) {
    append(block, flow.layout("Inscription aux blocs : " + joined(decision.targeted_blocs, " ; "), kDetail));
  }
  if (!decision.vae_admissibility.empty()) {
    append(block, flow.layout("Recevabilité de la demande de VAE : " + decision.vae_admissibility, kDetail));
  }
  if (!decision.modalities.empty()) {
    append(block, flow.layout("Modalités d'évaluation : " + joined(decision.modalities, " ; "), kDetail));
  }
  for (const std::string& exceptional : decision.exceptional_modalities) {
    append(block, flow.layout("Compétence " + exceptional, kNote));
  }
  if (!decision.company_opinion.empty()) {
    append(block, flow.layout("Avis de l'entreprise : " + decision.company_opinion, kDetail));
  }
  const std::string outcome = outcomeLabelFr(decision.outcome, field);
  if (decision.outcome == "blocs_awarded") {
    append(block, flow.layout("Décision : " + outcome + " :", kDetailBold));
    for (const std::string& bloc : decision.blocs) append(block, flow.layout("• " + bloc, kMinutesBloc));
    if (decision.blocs.empty()) append(block, flow.layout("(aucun bloc indiqué)", kMinutesBloc));
  } else {
    append(block, flow.layout("Décision : " + outcome, kDetailBold));
  }
  std::string judged =
      "Dossier jugé selon le référentiel version " + std::to_string(decision.referential_version);
  if (!decision.referential_commit.empty())
    judged += " (commit " + decision.referential_commit.substr(0, 12) + ")";
  append(block, flow.layout(judged + ".", kDetail));
  if (!decision.seal.empty()) {
    append(block, flow.layout("Sceau de la décision (SHA-256) : " + decision.seal, kNote));
  }
  if (!decision.competencies.empty()) {
    std::vector<std::string> not_validated;
    for (const auto& competency : decision.competencies) {
      if (!competency.validated && competency.targeted) not_validated.push_back(competency.label);
    }
    append(block,
           flow.layout(not_validated.empty()
                           ? std::string("Compétences : toutes validées par le jury.")
                           : "Compétences non validées par le jury : " + joined(not_validated, " ; ") + ".",
                       kDetail));
    for (const auto& competency : decision.competencies) {
      if (competency.carried_over) {
        append(block,
               flow.layout("Compétence " + competency.label + " : bloc déjà obtenu (décision antérieure).",
                           kNote));
      } else if (competency.departs) {
        append(block, flow.layout("Compétence " + competency.label + " : " +
                                      (competency.validated ? "validée" : "non validée") +
                                      " par le jury contrairement au résultat de la commission. Motif : " +
                                      competency.reason,
                                  kNote));
      }
    }
  }
  if (decision.overrides_proposal) {
    append(block,
           flow.layout("Le jury n'a pas suivi la proposition issue de la grille d'évaluation. Motif : " +
                           (decision.reason.empty() ? std::string("non indiqué") : decision.reason),
                       kNote));
  }
  if (!decision.abstained.empty()) {
    append(block, flow.layout("N'ont pas délibéré sur ce dossier (conflit d'intérêts) : " +
                                  joined(decision.abstained, ", "),
                              kNote));
  }
  block.back().style.space_after += 8.0f;
  return block;
}

void writeDecisions(TextFlow& flow, const std::vector<MinutesDecision>& decisions) {
  flow.paragraph(
      "Décisions (" + std::to_string(decisions.size()) + " dossier" + (decisions.size() > 1 ? "s" : "") + ")",
      kHeading);
  if (decisions.empty()) flow.paragraph("Aucun dossier n'a été délibéré au cours de cette session.", kNote);
  for (std::size_t i = 0; i < decisions.size(); ++i) flow.draw(decisionBlock(flow, decisions[i], i));
  int certified = 0, blocs = 0, refused = 0;
  for (const auto& decision : decisions) {
    if (decision.outcome == "certified") ++certified;
    if (decision.outcome == "blocs_awarded") ++blocs;
    if (decision.outcome == "not_certified") ++refused;
  }
  flow.paragraph("Totaux : " + std::to_string(decisions.size()) + " présenté(s), " +
                     std::to_string(certified) + " certifié(s), " + std::to_string(blocs) +
                     " avec blocs de compétences, " + std::to_string(refused) + " non certifié(s).",
                 kBody);
}

void writeSignatures(TextFlow& flow, const MinutesData& minutes) {
  if (!minutes.errata.empty()) {
    flow.paragraph("Errata", kHeading);
    for (const std::string& erratum : minutes.errata) flow.paragraph("• " + erratum, kBody);
    flow.gap(6.0f);
  }
  flow.ensureRoom(110.0f);
  flow.gap(6.0f);
  if (!minutes.president.empty()) flow.paragraph("Président(e) de séance : " + minutes.president, kBody);
  if (!minutes.closed_at.empty()) flow.paragraph("Session close le " + minutes.closed_at + ".", kBody);
  if (!minutes.published_at.empty())
    flow.paragraph("Résultats publiés le " + minutes.published_at + ".", kBody);
  flow.paragraph("Fait à " + minutes.place + ", le " + frenchLongDate(minutes.session_date) + ".", kBody);
  flow.gap(10.0f);
  if (!minutes.signatures.empty()) {
    flow.paragraph("Signé dans l'application par :", kBody);
    for (const std::string& signature : minutes.signatures) flow.paragraph("• " + signature, kBody);
    return;
  }
  const float half = flow.columnWidth() / 2;
  flow.tableRow({"Pour le collège employeurs", "Pour le collège salariés"}, {half, half}, 10.0f, true);
  flow.gap(60.0f);
}

}  // namespace

std::string renderMinutesPdf(const MinutesData& minutes) {
  DocumentMetadata metadata;
  metadata.title = "Procès-verbal de délibération du jury paritaire";
  metadata.subject = "Session " + minutes.session_id + " du " + frenchLongDate(minutes.session_date) +
                     (minutes.place.empty() ? "" : ", " + minutes.place);
  metadata.author = minutes.centre_name;
  metadata.created = minutes.generated_iso;
  PdfDocument document(metadata);
  TextFlow flow(document, Margins{});
  writeHeader(flow, minutes);
  writeMembers(flow, minutes.members);
  writeDecisions(flow, minutes.decisions);
  writeSignatures(flow, minutes);
  document.check("writing the minutes");
  const std::string& generated = minutes.generated_at;
  const std::string session = minutes.session_id;
  drawFooters(document, [&](int page, int count) {
    return "Procès-verbal de la session " + session + " — généré le " + generated + " — page " +
           std::to_string(page) + " / " + std::to_string(count);
  });
  return document.bytes();
}

}  // namespace cqpm::certificates
