#include "archive/file_archive_pdf.h"

#include "archive/archive_sections.h"
#include "certificates/pdf_document.h"
#include "deadlines/paris_time.h"

namespace cqpm::archive {

namespace {

const certificates::TextStyle kTitle{certificates::Face::kBold, 16.0f, 0.0f, 2.0f, true};
const certificates::TextStyle kSubtitle{certificates::Face::kRegular, 10.5f, 0.0f, 12.0f, true};

std::string candidateOf(const FileArchive& archive) {
  const auto& candidate = archive.file.file.candidate;
  return candidate.given_name + " " + candidate.family_name;
}

}  // namespace

std::string renderFileArchive(const FileArchive& archive) {
  const std::string candidate = candidateOf(archive);
  certificates::DocumentMetadata metadata;
  metadata.title = "Dossier complet de " + candidate;
  metadata.subject = "CQPM " + archive.cqpm_title + ", dossier " + archive.file.file.id;
  metadata.author = archive.file.centre_name;
  metadata.created = archive.printed_at;
  certificates::PdfDocument document(metadata);
  certificates::TextFlow flow(document, certificates::Margins{});
  flow.paragraph("Dossier complet du candidat", kTitle);
  flow.paragraph(candidate + " — CQPM " + archive.cqpm_title, kSubtitle);
  writeIdentity(flow, archive);
  writePlan(flow, archive);
  writeGrid(flow, archive);
  writeOpinion(flow, archive);
  writeDecisions(flow, archive);
  writeHistory(flow, archive);
  document.check("file archive");
  const std::string printed = deadlines::frenchParisTime(archive.printed_at);
  certificates::drawFooters(document, [&](int page, int pages) {
    return "Dossier de " + candidate + " — imprimé le " + printed + " — page " + std::to_string(page) +
           " / " + std::to_string(pages);
  });
  return document.bytes();
}

}  // namespace cqpm::archive
