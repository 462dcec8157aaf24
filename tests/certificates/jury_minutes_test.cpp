#include "certificates/jury_minutes.h"

#include <gtest/gtest.h>

#include "certificates/pdf_probe.h"
#include "common/error.h"

namespace cqpm::certificates {
namespace {

MinutesData sessionOfThree() {
  MinutesData minutes;
  minutes.session_id = "jury-2025-06-lyon";
  minutes.centre_name = "UIMM Lyon-Rhône — Centre de certification";
  minutes.session_date = "2025-06-12";
  minutes.place = "Lyon, salle « Forge »";
  minutes.generated_at = "12/06/2025 à 18 h 45";
  minutes.members = {
      {"Jean-François Bénard", "employer", "Aciéries Réunies", true},
      {"Amélie Chassagne", "employer", "Fonderie Œuvre & Fils", false},
      {"Noël Ferrière", "employee", "CFDT Métallurgie", true},
      {"Zoé Lefèvre", "employee", "CGT Métallurgie", true},
  };
  MinutesDecision certified;
  certified.candidate_name = "Hélène Dupré-Lœuvre";
  certified.cqpm_number = "MQ 2016 04 89 0303";
  certified.cqpm_title = "Technicien(ne) en maintenance industrielle";
  certified.outcome = "certified";
  certified.referential_version = 3;
  MinutesDecision blocs;
  blocs.candidate_name = "Loïc Garçon";
  blocs.cqpm_number = "MQ 2019 10 69 0338";
  blocs.cqpm_title = "Opérateur(trice) en fabrication additive";
  blocs.outcome = "blocs_awarded";
  blocs.blocs = {"BDC0208 — La réalisation de pièces par fabrication additive", "Le contrôle des pièces"};
  blocs.referential_version = 2;
  blocs.overrides_proposal = true;
  blocs.reason = "Compétence 6 acquise : démonstration complémentaire réalisée devant le jury.";
  blocs.abstained = {"Jean-François Bénard"};
  MinutesDecision refused;
  refused.candidate_name = "Bruno Mérieux";
  refused.cqpm_number = "MQ 2007 06 69 0264";
  refused.cqpm_title = "Agent(e) de maintenance productive";
  refused.outcome = "not_certified";
  refused.referential_version = 1;
  minutes.decisions = {certified, blocs, refused};
  return minutes;
}

TEST(JuryMinutesTest, IsAPdf) {
  const std::string pdf = renderMinutesPdf(sessionOfThree());
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

TEST(JuryMinutesTest, FrenchTextComesOutWithItsAccents) {
  probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, renderMinutesPdf(sessionOfThree())));
  EXPECT_NE(text.find("Procès-verbal de délibération du jury paritaire"), std::string::npos) << text;
  EXPECT_NE(text.find("Hélène Dupré-Lœuvre"), std::string::npos) << text;
  EXPECT_NE(text.find("Loïc Garçon"), std::string::npos);
  EXPECT_NE(text.find("Lyon, salle « Forge »"), std::string::npos);
  EXPECT_NE(text.find("UIMM Lyon-Rhône — Centre de certification"), std::string::npos);
  EXPECT_NE(text.find("12 juin 2025"), std::string::npos);
}

TEST(JuryMinutesTest, ListsEveryMemberWithCollegeAndPresence) {
  probe::TempDir dir;
  const std::string raw = probe::pdfText(dir, renderMinutesPdf(sessionOfThree()));
  // In layout mode a table row stays one line: name, organisation, college and presence together.
  auto rowOf = [&](const std::string& name) {
    const auto at = raw.find(name);
    if (at == std::string::npos) return std::string();
    const auto start = raw.rfind('\n', at) + 1;
    return probe::flat(raw.substr(start, raw.find('\n', at) - start));
  };
  EXPECT_EQ(rowOf("Jean-François Bénard"),
            "Jean-François Bénard Aciéries Réunies collège employeurs présent(e)");
  EXPECT_EQ(rowOf("Amélie Chassagne"), "Amélie Chassagne Fonderie Œuvre & Fils collège employeurs absent(e)");
  EXPECT_EQ(rowOf("Noël Ferrière"), "Noël Ferrière CFDT Métallurgie collège salariés présent(e)");
  EXPECT_EQ(rowOf("Zoé Lefèvre"), "Zoé Lefèvre CGT Métallurgie collège salariés présent(e)");
  EXPECT_NE(probe::flat(raw).find("Membres présents : 1 du collège employeurs, 2 du collège salariés."),
            std::string::npos);
}

TEST(JuryMinutesTest, SaysWhenAndUnderWhoseControlAndCountsTheOutcomes) {
  probe::TempDir dir;
  MinutesData minutes = sessionOfThree();
  minutes.session_time = "14:00";
  const std::string text = probe::flat(probe::pdfText(dir, renderMinutesPdf(minutes)));
  EXPECT_NE(text.find("Date de la session : 12 juin 2025 à 14 h 00 (heure de Paris)"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Délibération tenue sous le contrôle du GTP Certifications."), std::string::npos)
      << text;
  EXPECT_NE(
      text.find("Totaux : 3 présenté(s), 1 certifié(s), 1 avec blocs de compétences, 1 non certifié(s)."),
      std::string::npos)
      << text;
}

TEST(JuryMinutesTest, RecordsEachDecisionWithItsVersionReasonAndAbstentions) {
  probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, renderMinutesPdf(sessionOfThree())));
  EXPECT_NE(text.find("1. Hélène Dupré-Lœuvre Technicien(ne) en maintenance industrielle — CQPM n° MQ 2016 "
                      "04 89 0303 Décision : CQPM délivré Dossier jugé selon le référentiel version 3"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("Décision : Blocs de compétences validés : • BDC0208 — La réalisation de pièces par "
                "fabrication additive • Le contrôle des pièces Dossier jugé selon le référentiel version 2"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("Motif : Compétence 6 acquise : démonstration complémentaire réalisée devant le jury."),
            std::string::npos);
  EXPECT_NE(text.find("N'ont pas délibéré sur ce dossier (conflit d'intérêts) : Jean-François Bénard"),
            std::string::npos);
  EXPECT_NE(text.find("3. Bruno Mérieux"), std::string::npos);
  EXPECT_NE(text.find("Décision : CQPM non délivré Dossier jugé selon le référentiel version 1"),
            std::string::npos);
}

TEST(JuryMinutesTest, FooterCarriesTheGenerationTimeAndPageNumbers) {
  probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, renderMinutesPdf(sessionOfThree())));
  EXPECT_NE(
      text.find(
          "Procès-verbal de la session jury-2025-06-lyon — généré le 12/06/2025 à 18 h 45 — page 1 / 1"),
      std::string::npos)
      << text;
}

TEST(JuryMinutesTest, SixtyDecisionsSpanSeveralNumberedPages) {
  MinutesData minutes = sessionOfThree();
  const MinutesData three = sessionOfThree();
  minutes.decisions.clear();
  for (int i = 0; i < 60; ++i) {
    MinutesDecision decision = three.decisions[static_cast<std::size_t>(i % 3)];
    decision.candidate_name = "Candidat·e numéro " + std::to_string(i + 1);
    minutes.decisions.push_back(decision);
  }
  probe::TempDir dir;
  const std::string pdf = renderMinutesPdf(minutes);
  const int pages = probe::pdfPages(dir, pdf);
  EXPECT_GE(pages, 4);
  const std::string text = probe::flat(probe::pdfText(dir, pdf));
  for (int i = 1; i <= 60; ++i) {
    EXPECT_NE(text.find(std::to_string(i) + ". Candidat·e numéro " + std::to_string(i) + " "),
              std::string::npos)
        << "decision " << i;
  }
  for (int page = 1; page <= pages; ++page) {
    EXPECT_NE(text.find("page " + std::to_string(page) + " / " + std::to_string(pages)), std::string::npos);
  }
}

TEST(JuryMinutesTest, ALongReasonIsWrappedNotCut) {
  MinutesData minutes = sessionOfThree();
  std::string reason;
  for (int i = 0; i < 80; ++i) reason += "motif" + std::to_string(i) + " ";
  reason += "fin-du-motif";
  minutes.decisions[1].reason = reason;
  probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, renderMinutesPdf(minutes)));
  EXPECT_NE(text.find("motif0 motif1 motif2"), std::string::npos);
  EXPECT_NE(text.find("motif79 fin-du-motif"), std::string::npos);
}

// Texts stored before the API limited their length (a 66,000-character place, a 70 kB
// reason) still give minutes: cut with a note saying so, on a bounded number of pages.
TEST(JuryMinutesTest, AnOverLongPlaceAndReasonAreCutWithANoteAndStillRender) {
  for (const bool with_spaces : {false, true}) {
    MinutesData minutes = sessionOfThree();
    std::string place;
    while (place.size() < 66000) place += with_spaces ? "Salle " : "Salle";
    minutes.place = place;
    std::string reason;
    while (reason.size() < 70 * 1024) reason += with_spaces ? "motif très long " : "motif";
    minutes.decisions[1].reason = reason;
    minutes.decisions[1].competencies.push_back({"6 — Contrôler", true, true, reason, false, true});
    probe::TempDir dir;
    std::string pdf;
    ASSERT_NO_THROW(pdf = renderMinutesPdf(minutes)) << "with spaces: " << with_spaces;
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_LE(probe::pdfPages(dir, pdf), 12);
    const std::string text = probe::flat(probe::pdfText(dir, pdf));
    EXPECT_NE(text.find("texte tronqué"), std::string::npos);
    EXPECT_NE(text.find("Décision"), std::string::npos);
  }
}

TEST(JuryMinutesTest, ANameOutsideWesternEuropeIsPrintedAsWritten) {
  // The built-in PDF fonts printed « ?ukasz » once: every name now comes back as written.
  MinutesData minutes = sessionOfThree();
  minutes.decisions[0].candidate_name = "Łukasz Wójcik";
  probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, renderMinutesPdf(minutes)));
  EXPECT_NE(text.find("1. Łukasz Wójcik"), std::string::npos) << text;
}

TEST(JuryMinutesTest, AnEmptySessionStillRenders) {
  MinutesData minutes;
  minutes.session_id = "vide";
  probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, renderMinutesPdf(minutes)));
  EXPECT_NE(text.find("Aucun dossier n'a été délibéré"), std::string::npos);
  EXPECT_NE(text.find("Aucun membre enregistré."), std::string::npos);
}

TEST(JuryMinutesTest, RefusesAnUnknownOutcomeNamingTheDecision) {
  MinutesData minutes = sessionOfThree();
  minutes.decisions[2].outcome = "maybe";
  try {
    renderMinutesPdf(minutes);
    FAIL() << "rendered";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidField);
    EXPECT_EQ(e.field(), "decisions[2].outcome");
  }
}

}  // namespace
}  // namespace cqpm::certificates
