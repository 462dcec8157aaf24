#include <gtest/gtest.h>

#include <cstdlib>

#include "certificates/award_certificate.h"
#include "certificates/jury_minutes.h"
#include "certificates/pdf_probe.h"
#include "certificates/results_csv.h"

namespace cqpm::certificates {
namespace {

// Not a check: with CQPM_CERTIFICATES_SAMPLES=<dir> set, writes one of each document there so a
// person can look at the layout (`xdg-open <dir>/minutes.pdf`). Skipped otherwise.
TEST(CertificateSamples, WritesOneOfEachDocumentWhenAsked) {
  const char* dir = std::getenv("CQPM_CERTIFICATES_SAMPLES");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "set CQPM_CERTIFICATES_SAMPLES=<dir> to write samples";
  MinutesData minutes;
  minutes.session_id = "jury-2025-06-lyon";
  minutes.centre_name = "UIMM Lyon-Rhône";
  minutes.session_date = "2025-06-12";
  minutes.place = "Lyon, salle « Forge »";
  minutes.generated_at = "12/06/2025 à 18 h 45";
  minutes.members = {{"Jean-François Bénard", "employer", "Aciéries Réunies", true},
                     {"Amélie Chassagne", "employer", "Fonderie Œuvre & Fils", false},
                     {"Noël Ferrière", "employee", "CFDT Métallurgie", true}};
  for (int i = 0; i < 25; ++i) {
    MinutesDecision decision{"Candidat·e numéro " + std::to_string(i + 1),
                             "1990-04-12",
                             "MQ 2016 04 89 0303",
                             "Technicien(ne) en maintenance industrielle",
                             i % 3 == 0 ? "certified" : (i % 3 == 1 ? "blocs_awarded" : "not_certified"),
                             {"BDC0208 — La réalisation de pièces", "Le contrôle des pièces"},
                             3,
                             i % 4 == 0,
                             "Démonstration complémentaire réalisée devant le jury.",
                             {}};
    if (i % 5 == 0) decision.abstained = {"Jean-François Bénard"};
    minutes.decisions.push_back(decision);
  }
  probe::writeFile(std::string(dir) + "/minutes.pdf", renderMinutesPdf(minutes));
  CertificateData certificate{"certificate",
                              "Hélène Dupré-Lœuvre",
                              "1990-04-12",
                              "MQ 2016 04 89 0303",
                              "Technicien(ne) en maintenance industrielle",
                              {},
                              "2025-07-01",
                              "Lyon",
                              3,
                              "UIMM Lyon-Rhône",
                              "K7QM-4XPA-9RTE",
                              "https://cqpm.example.fr/verify/K7QM-4XPA-9RTE"};
  probe::writeFile(std::string(dir) + "/certificate.pdf", renderCertificatePdf(certificate));
  certificate.kind = "bloc_attestation";
  certificate.blocs = {"BDC0208 — La réalisation de pièces par fabrication additive",
                       "BDC0209 — Le contrôle et la finition des pièces"};
  probe::writeFile(std::string(dir) + "/attestation.pdf", renderCertificatePdf(certificate));
  probe::writeFile(std::string(dir) + "/results.csv",
                   renderResultsCsv({{"Dupré-Lœuvre", "Hélène", "1990-04-12", "MQ 2016 04 89 0303",
                                      "Technicien(ne) en maintenance industrielle", "CQPM délivré", "", "3",
                                      "2025-06-12", "K7QM-4XPA-9RTE"}}));
}

}  // namespace
}  // namespace cqpm::certificates
