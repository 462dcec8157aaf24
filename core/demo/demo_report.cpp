#include "demo/demo_report.h"

#include <sstream>

#include "certificates/pdf_document.h"
#include "certificates/text_flow.h"

namespace cqpm::demo {

std::string demoReportPdf(const std::string& candidate_name, const std::string& cqpm_title) {
  certificates::DocumentMetadata metadata;
  metadata.title = "Rapport d'activité — " + candidate_name;
  metadata.author = "CQPM Hub (démonstration)";
  certificates::PdfDocument document(metadata);
  certificates::TextFlow flow(document, certificates::Margins{});
  using certificates::Face;
  flow.paragraph("Rapport d'activité", {Face::kBold, 18.0f, 0.0f, 8.0f, true});
  flow.paragraph(candidate_name + " — CQPM « " + cqpm_title + " »",
                 {Face::kRegular, 11.0f, 0.0f, 14.0f, true});
  flow.paragraph(
      "Ce rapport présente les projets et activités menés en entreprise au cours des douze derniers mois, "
      "pour les compétences évaluées sur présentation de projets : le contexte de chaque projet, les "
      "actions réalisées, les outils utilisés, les résultats obtenus et les enseignements tirés.",
      {Face::kRegular, 10.5f, 0.0f, 6.0f, false});
  flow.paragraph("Document de démonstration de CQPM Hub.", {Face::kItalic, 9.0f, 0.0f, 0.0f, false});
  return document.bytes();
}

void uploadDemoReport(documents::DocumentService& documents, const domain::Actor& actor,
                      const std::string& file_id, const std::string& candidate_name,
                      const std::string& cqpm_title) {
  std::istringstream bytes(demoReportPdf(candidate_name, cqpm_title));
  const auto blob = documents.blobs().receive(bytes, std::uint64_t{1} << 20);
  documents.addDocument(actor, file_id, "report", "rapport-activite.pdf", blob);
}

}  // namespace cqpm::demo
