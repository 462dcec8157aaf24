// Every generated PDF prints a person's name exactly as written, whatever its script, with its
// fonts embedded, archival metadata, and a structure qpdf finds sound (issue 17). Checked with the
// tools a reader or an archivist would use: pdftotext, pdffonts, pdfinfo, qpdf.

#include <gtest/gtest.h>

#include <sstream>

#include "certificates/award_certificate.h"
#include "certificates/jury_minutes.h"
#include "certificates/pdf_probe.h"
#include "support/names_across_scripts.h"

namespace cqpm::certificates {
namespace {

std::string fullName(const testing::NameAcrossScripts& name) {
  return name.given_name + " " + name.family_name;
}

CertificateData certificateOf(const std::string& holder) {
  CertificateData data;
  data.kind = "bloc_attestation";
  data.holder_name = holder;
  data.holder_birth_date = "1990-03-04";
  data.cqpm_number = "MQ 2016 04 89 0303";
  data.cqpm_title = "Technicien(ne) en maintenance industrielle";
  data.blocs = {"BDC0208 — La réalisation de pièces par fabrication additive"};
  data.decision_date = "2026-12-01";
  data.session_place = "Saint-Étienne";
  data.referential_version = 2;
  data.centre_name = "UIMM Loire";
  data.verification_code = "K7QM-4XPA-9RTE";
  data.verification_url = "https://cqpm.example.fr/verify/K7QM-4XPA-9RTE";
  return data;
}

MinutesData minutesOf(const std::vector<testing::NameAcrossScripts>& names) {
  MinutesData minutes;
  minutes.session_id = "js-1";
  minutes.centre_name = "UIMM Loire";
  minutes.session_date = "2026-12-01";
  minutes.place = "Saint-Étienne";
  minutes.generated_at = "02/12/2026 à 10 h 05";
  minutes.generated_iso = "2026-12-02T09:05:00Z";
  minutes.members = {{"Ágnes Kovács", "employer", "Société Œrsted", true},
                     {"Dmitri Щукин", "employee", "CFDT", true}};
  for (const auto& name : names) {
    MinutesDecision decision;
    decision.candidate_name = fullName(name);
    decision.candidate_birth_date = "1990-03-04";
    decision.candidate_birth_place = "Hải Phòng";
    decision.cqpm_number = "MQ 2016 04 89 0303";
    decision.cqpm_title = "Technicien(ne) en maintenance industrielle";
    decision.outcome = "certified";
    decision.referential_version = 2;
    minutes.decisions.push_back(decision);
  }
  return minutes;
}

// Every line of `pdffonts` after its two header lines, with whether the font is embedded.
std::vector<std::string> fontLines(const probe::TempDir& dir, const std::string& pdf) {
  const std::string path = dir.file("fonts.pdf");
  probe::writeFile(path, pdf);
  std::istringstream listing(probe::run("pdffonts", {path}));
  std::vector<std::string> lines;
  std::string line;
  for (int skip = 0; skip < 2 && std::getline(listing, line); ++skip) {
  }
  while (std::getline(listing, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

void expectArchivable(const probe::TempDir& dir, const std::string& pdf) {
  const std::vector<std::string> fonts = fontLines(dir, pdf);
  ASSERT_FALSE(fonts.empty());
  for (const std::string& font : fonts) {
    // Columns: name type encoding emb sub uni object ID; the font's name is a subset's ("ABCDEF+").
    std::istringstream columns(font);
    std::vector<std::string> words;
    for (std::string word; columns >> word;) words.push_back(word);
    ASSERT_GE(words.size(), 6u) << font;
    EXPECT_EQ(words[words.size() - 5], "yes") << "not embedded: " << font;
    EXPECT_EQ(words[words.size() - 4], "yes") << "not a subset: " << font;
    EXPECT_NE(font.find("DejaVu"), std::string::npos) << font;
  }
  const std::string path = dir.file("check.pdf");
  probe::writeFile(path, pdf);
  EXPECT_NO_THROW(probe::run("qpdf", {"--check", path}));  // exits non-zero on errors and warnings
  const std::string xmp = probe::run("pdfinfo", {"-meta", path});
  EXPECT_NE(xmp.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos) << xmp;
  EXPECT_NE(xmp.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos) << xmp;
  const std::string catalog = probe::run("qpdf", {"--show-object=trailer", path});
  EXPECT_NE(catalog.find("/ID"), std::string::npos) << catalog;
}

TEST(UnicodePdfTest, TheCertificatePrintsEveryNameExactlyWithItsFontsEmbedded) {
  probe::TempDir dir;
  for (const auto& name : testing::namesAcrossScripts()) {
    SCOPED_TRACE(name.script);
    const std::string pdf = renderCertificatePdf(certificateOf(fullName(name)));
    EXPECT_LT(pdf.size(), 200u * 1024u);
    const std::string text = probe::pdfText(dir, pdf);
    EXPECT_NE(text.find(name.family_name), std::string::npos) << text;
    EXPECT_NE(text.find(name.given_name), std::string::npos) << text;
    EXPECT_EQ(text.find('?'), std::string::npos) << text;
    EXPECT_NE(text.find("réuni le 1er décembre 2026 à Saint-Étienne"), std::string::npos) << text;
    expectArchivable(dir, pdf);
  }
}

TEST(UnicodePdfTest, ALeftToRightNamePrintsWhole) {
  // Names in Latin, Greek and Cyrillic come back from the page as one run, exactly as written.
  probe::TempDir dir;
  for (const auto& name : testing::namesAcrossScripts()) {
    if (name.script.find("right to left") != std::string::npos) continue;
    SCOPED_TRACE(name.script);
    const std::string text =
        probe::flat(probe::pdfText(dir, renderCertificatePdf(certificateOf(fullName(name)))));
    EXPECT_NE(text.find(fullName(name)), std::string::npos) << text;
  }
}

TEST(UnicodePdfTest, TheMinutesPrintEveryNameExactly) {
  probe::TempDir dir;
  const std::string pdf = renderMinutesPdf(minutesOf(testing::namesAcrossScripts()));
  const std::string text = probe::pdfText(dir, pdf);
  for (const auto& name : testing::namesAcrossScripts()) {
    EXPECT_NE(text.find(name.family_name), std::string::npos) << name.script;
    EXPECT_NE(text.find(name.given_name), std::string::npos) << name.script;
  }
  EXPECT_NE(text.find("Hải Phòng"), std::string::npos);
  EXPECT_NE(text.find("Société Œrsted"), std::string::npos);
  EXPECT_NE(text.find("Dmitri Щукин"), std::string::npos);
  expectArchivable(dir, pdf);
}

TEST(UnicodePdfTest, TheMetadataNameTheDocumentItsCentreAndDate) {
  probe::TempDir dir;
  const std::string path = dir.file("info.pdf");
  probe::writeFile(path, renderCertificatePdf(certificateOf("Văn Đức Nguyễn")));
  const std::string info = probe::run("pdfinfo", {"-isodates", path});
  EXPECT_NE(info.find("Attestation de validation de blocs de compétences — Văn Đức Nguyễn"),
            std::string::npos)
      << info;
  EXPECT_NE(info.find("Author:          UIMM Loire"), std::string::npos) << info;
  EXPECT_NE(info.find("CreationDate:    2026-12-01"), std::string::npos) << info;
  const std::string xmp = probe::run("pdfinfo", {"-meta", path});
  EXPECT_NE(xmp.find("<rdf:li>UIMM Loire</rdf:li>"), std::string::npos) << xmp;
  EXPECT_NE(xmp.find("Văn Đức Nguyễn"), std::string::npos) << xmp;
}

TEST(UnicodePdfTest, TheSameCertificateGivesTheSameBytes) {
  // Archives and hashes of a document rely on it: no clock, no random identifier inside.
  EXPECT_EQ(renderCertificatePdf(certificateOf("Jürgen Größmann")),
            renderCertificatePdf(certificateOf("Jürgen Größmann")));
}

}  // namespace
}  // namespace cqpm::certificates
