#include "imports/candidate_rows.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "imports/candidate_template.h"
#include "imports/csv_table.h"

namespace cqpm::imports {
namespace {

using domain::Pathway;
using namespace std::chrono_literals;  // dates: 2026y / 11 / 21

constexpr std::string_view kHeader = "nom;prenom;date_naissance;email;cqpm;parcours;siret_entreprise";
constexpr std::string_view kAcmeSiret = "73282932000074";
constexpr std::string_view kLaPosteSiret = "35600000049837";  // La Poste's rule, not Luhn

CandidateImportContext testContext() {
  CandidateImportContext context;
  context.today = 2026y / 11 / 21;
  context.cqpm_ids = {"qualite", "maintenance-industrielle"};
  context.cqpm_aliases = {{"Opérateur qualité", "qualite"},
                          {"MQ 2008 02 89 0290", "qualite"},
                          {"Technicien en maintenance industrielle", "maintenance-industrielle"},
                          {"Soudeur industriel", "soudage"}};  // a CQPM this centre does not offer
  context.companies = {{"732 829 320 00074", "company-acme"}, {std::string(kLaPosteSiret), "company-poste"}};
  return context;
}

// One data line, valid unless a test changes a cell.
struct Line {
  std::string nom = "Durand";
  std::string prenom = "Inès";
  std::string date_naissance = "28/02/1994";
  std::string email = "ines.durand@exemple.fr";
  std::string cqpm = "qualite";
  std::string parcours = "salarie";
  std::string siret = "732 829 320 00074";

  std::string csv() const {
    return nom + ";" + prenom + ";" + date_naissance + ";" + email + ";" + cqpm + ";" + parcours + ";" +
           siret;
  }
};

CandidateRows validateText(const std::string& text, const CandidateImportContext& context = testContext()) {
  return validateCandidateRows(parseCsv(text), context);
}

CandidateRows validateLines(const std::vector<Line>& lines) {
  std::string text(kHeader);
  text += "\r\n";
  for (const Line& line : lines) text += line.csv() + "\r\n";
  return validateText(text);
}

std::string describe(const std::vector<ImportError>& errors) {
  std::string text;
  for (const ImportError& e : errors) {
    text += "\n  line " + std::to_string(e.line) + " [" + e.column + "] " + e.message;
  }
  return text;
}

// The one error of one line; a test failure if there is not exactly one.
ImportError onlyError(const CandidateRows& result) {
  EXPECT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_TRUE(result.rows.empty());
  return result.errors.empty() ? ImportError{} : result.errors.front();
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(CandidateRowsTest, TurnsAValidLineIntoATypedRecord) {
  const CandidateRows result = validateLines({Line{}});
  ASSERT_TRUE(result.errors.empty()) << describe(result.errors);
  ASSERT_EQ(result.rows.size(), 1u);
  const CandidateRow& row = result.rows[0];
  EXPECT_EQ(row.line, 2u);
  EXPECT_EQ(row.candidate.family_name, "Durand");
  EXPECT_EQ(row.candidate.given_name, "Inès");
  EXPECT_EQ(row.candidate.birth_date, "1994-02-28");
  EXPECT_EQ(row.candidate.email, "ines.durand@exemple.fr");
  EXPECT_EQ(row.cqpm, "qualite");
  EXPECT_EQ(row.pathway, Pathway::kEmployee);
  EXPECT_EQ(row.company_id, "company-acme");
  EXPECT_EQ(row.siret, kAcmeSiret);
}

TEST(CandidateRowsTest, TrimsSpacesAndNoBreakSpacesAroundCells) {
  Line line;
  line.nom = "  Durand\xC2\xA0";
  line.prenom = "\tInès ";
  line.email = " ines.durand@exemple.fr ";
  line.cqpm = " qualite ";
  const CandidateRows result = validateLines({line});
  ASSERT_EQ(result.rows.size(), 1u) << describe(result.errors);
  EXPECT_EQ(result.rows[0].candidate.family_name, "Durand");
  EXPECT_EQ(result.rows[0].candidate.given_name, "Inès");
  EXPECT_EQ(result.rows[0].candidate.email, "ines.durand@exemple.fr");
}

TEST(CandidateRowsTest, MatchesHeaderNamesIgnoringCaseAccentsSpacesAndUnderscores) {
  const std::vector<std::string> headers = {
      "nom;prenom;date_naissance;email;cqpm;parcours;siret_entreprise",
      "Nom;Prénom;Date de naissance;E-mail;CQPM;Parcours;SIRET entreprise",
      "NOM;PRÉNOM;DATE_NAISSANCE;EMAIL;Cqpm;PARCOURS;Siret_Entreprise",
      " nom ; prenom ; date naissance ; email ; cqpm ; parcours ; siret ",
      "Nom de famille;Prénom;Date de naissance;Adresse e-mail;CQPM;Parcours;SIRET de l'entreprise",
      "family_name;given_name;birth_date;courriel;cqpm;pathway;siret",
  };
  for (const std::string& header : headers) {
    const CandidateRows result = validateText(header + "\r\n" + Line{}.csv() + "\r\n");
    EXPECT_TRUE(result.errors.empty()) << header << describe(result.errors);
    EXPECT_EQ(result.rows.size(), 1u) << header;
  }
}

TEST(CandidateRowsTest, AcceptsColumnsInAnyOrder) {
  const CandidateRows result = validateText(
      "siret_entreprise;parcours;cqpm;email;date_naissance;prenom;nom\n"
      "732 829 320 00074;vae;qualite;a@b.fr;01/01/1990;Inès;Durand\n");
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].column, "siret_entreprise");
  EXPECT_EQ(result.errors[0].message, "le SIRET doit rester vide pour un parcours VAE");
}

TEST(CandidateRowsTest, ReportsEachUnknownColumnOnTheHeaderLine) {
  const CandidateRows result =
      validateText(std::string(kHeader) + ";Téléphone;;remarques\n" + Line{}.csv() + "\n");
  ASSERT_EQ(result.errors.size(), 3u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].line, 1u);
  EXPECT_EQ(result.errors[0].column, "Téléphone");
  EXPECT_EQ(result.errors[0].message,
            "colonne inconnue « Téléphone » (colonnes attendues : nom, prenom, date_naissance, email, cqpm, "
            "parcours, siret_entreprise, sexe, code_insee_naissance)");
  EXPECT_EQ(result.errors[1].column, "");
  EXPECT_EQ(result.errors[1].message, "la colonne 9 n'a pas de nom");
  EXPECT_EQ(result.errors[2].column, "remarques");
  EXPECT_EQ(result.rows.size(), 1u);  // the lines are still read
}

TEST(CandidateRowsTest, ReportsEachMissingColumnOnTheHeaderLine) {
  const CandidateRows result =
      validateText("Nom;Prénom;email;cqpm;parcours\nDurand;Inès;a@b.fr;qualite;vae\n");
  ASSERT_EQ(result.errors.size(), 2u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].line, 1u);
  EXPECT_EQ(result.errors[0].column, "date_naissance");
  EXPECT_EQ(result.errors[0].message, "colonne obligatoire absente : « date_naissance »");
  EXPECT_EQ(result.errors[1].column, "siret_entreprise");
  EXPECT_TRUE(result.rows.empty());  // a line cannot be complete without every column
}

TEST(CandidateRowsTest, StillChecksTheRecognisedColumnsWhenOneIsMissing) {
  const CandidateRows result = validateText("nom;prenom;email\n;Inès;pas-une-adresse\n");
  ASSERT_GE(result.errors.size(), 2u);
  const std::vector<ImportError> lines(result.errors.end() - 2, result.errors.end());
  EXPECT_EQ(lines[0].line, 2u);
  EXPECT_EQ(lines[0].column, "nom");
  EXPECT_EQ(lines[1].column, "email");
}

TEST(CandidateRowsTest, ReportsAColumnGivenTwice) {
  const CandidateRows result =
      validateText(std::string(kHeader) + ";Date de naissance\n" + Line{}.csv() + ";x\n");
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].line, 1u);
  EXPECT_EQ(result.errors[0].column, "Date de naissance");
  EXPECT_EQ(result.errors[0].message,
            "la colonne « Date de naissance » est en double (déjà colonne 3, « date_naissance »)");
}

// One cell changed from a valid line, and the error it must give (empty: none).
struct CellCase {
  std::string Line::*cell;
  std::string value;
  std::string column;
  std::string message;  // the whole message, or a part of it when `exact` is false
  bool exact = true;
};

void expectCellCases(const std::vector<CellCase>& cases) {
  for (const CellCase& c : cases) {
    Line line;
    line.*(c.cell) = c.value;
    const CandidateRows result = validateLines({line});
    if (c.message.empty()) {
      EXPECT_TRUE(result.errors.empty()) << c.value << describe(result.errors);
      EXPECT_EQ(result.rows.size(), 1u) << c.value;
      continue;
    }
    const ImportError error = onlyError(result);
    EXPECT_EQ(error.line, 2u) << c.value;
    EXPECT_EQ(error.column, c.column) << c.value;
    if (c.exact) {
      EXPECT_EQ(error.message, c.message) << c.value;
    } else {
      EXPECT_TRUE(contains(error.message, c.message)) << c.value << ": " << error.message;
    }
  }
}

TEST(CandidateRowsTest, ChecksNames) {
  std::string accented;
  for (int i = 0; i < 100; ++i) accented += "é";
  expectCellCases({
      {&Line::nom, "", "nom", "le nom est obligatoire"},
      {&Line::nom, "   ", "nom", "le nom est obligatoire"},
      {&Line::nom, std::string(100, 'x'), "", ""},
      {&Line::nom, accented, "", ""},  // 100 characters, 200 bytes
      {&Line::nom, std::string(101, 'x'), "nom", "le nom dépasse 100 caractères (101)"},
      {&Line::nom, accented + "é", "nom", "le nom dépasse 100 caractères (101)"},
      {&Line::nom, "\"Du\nrand\"", "nom",
       "le nom contient un caractère de contrôle (tabulation, saut de ligne...)"},
      {&Line::nom, "Du\trand", "nom",
       "le nom contient un caractère de contrôle (tabulation, saut de ligne...)"},
      {&Line::nom, "Du\xC2\x85rand", "nom", "caractère de contrôle", false},  // C1 control
      {&Line::nom, "\"Durand; fils\"", "", ""},
      {&Line::nom, "N’Diaye-Le Gall", "", ""},
      {&Line::prenom, "", "prenom", "le prénom est obligatoire"},
      {&Line::prenom, std::string(101, 'x'), "prenom", "le prénom dépasse 100 caractères (101)"},
      {&Line::prenom, "Jean\x01", "prenom", "caractère de contrôle", false},
  });
}

TEST(CandidateRowsTest, ChecksBirthDates) {
  expectCellCases({
      {&Line::date_naissance, "", "date_naissance", "la date de naissance est obligatoire"},
      {&Line::date_naissance, "29/02/2000", "", ""},
      {&Line::date_naissance, "1/2/1990", "", ""},
      {&Line::date_naissance, "01/2/1990", "", ""},
      {&Line::date_naissance, "29/02/2001", "date_naissance",
       "la date de naissance « 29/02/2001 » n'existe pas"},
      {&Line::date_naissance, "31/04/1990", "date_naissance",
       "la date de naissance « 31/04/1990 » n'existe pas"},
      {&Line::date_naissance, "00/01/1990", "date_naissance", "n'existe pas", false},
      {&Line::date_naissance, "12/13/1990", "date_naissance", "n'existe pas", false},
      {&Line::date_naissance, "1994-02-28", "date_naissance",
       "date de naissance « 1994-02-28 » : attendu jj/mm/aaaa, par exemple 28/02/1994"},
      {&Line::date_naissance, "28/02/94", "date_naissance", "attendu jj/mm/aaaa", false},
      {&Line::date_naissance, "28.02.1994", "date_naissance", "attendu jj/mm/aaaa", false},
      {&Line::date_naissance, "028/02/1994", "date_naissance", "attendu jj/mm/aaaa", false},
      {&Line::date_naissance, "28/02/1994/1", "date_naissance", "attendu jj/mm/aaaa", false},
      {&Line::date_naissance, "28/02/1994 00:00", "date_naissance", "attendu jj/mm/aaaa", false},
      {&Line::date_naissance, "/02/1994", "date_naissance", "attendu jj/mm/aaaa", false},
      {&Line::date_naissance, "34393", "date_naissance", "attendu jj/mm/aaaa", false},  // an Excel serial
      {&Line::date_naissance, "22/11/2026", "date_naissance",
       "la date de naissance « 22/11/2026 » est dans le futur"},
  });
}

TEST(CandidateRowsTest, AcceptsCandidatesAgedFifteenToEightyOnTheDayOfTheImport) {
  // Today is 21/11/2026.
  expectCellCases({
      {&Line::date_naissance, "21/11/2011", "", ""},  // 15 today
      {&Line::date_naissance, "22/11/2011", "date_naissance",
       "âge hors limites : 14 ans au 21/11/2026, il faut avoir de 15 à 80 ans"},
      {&Line::date_naissance, "22/11/1945", "", ""},  // 80, 81 tomorrow
      {&Line::date_naissance, "21/11/1945", "date_naissance",
       "âge hors limites : 81 ans au 21/11/2026, il faut avoir de 15 à 80 ans"},
      {&Line::date_naissance, "21/11/2026", "date_naissance", "âge hors limites : 0 ans", false},
  });
}

TEST(CandidateRowsTest, ChecksEmailAddresses) {
  const std::string local(64, 'a');
  const std::string long_domain = std::string(185, 'b') + ".fr";  // 64 + 1 + 188 = 253
  expectCellCases({
      {&Line::email, "", "email", "l'adresse e-mail est obligatoire"},
      {&Line::email, "Ines.Durand+cqpm@sous.exemple.fr", "", ""},
      {&Line::email, local + "@" + long_domain, "", ""},
      {&Line::email, local + "@b" + long_domain, "", ""},  // 254
      {&Line::email, local + "@bb" + long_domain, "email", "l'adresse e-mail dépasse 254 caractères"},
      {&Line::email, "ines durand@exemple.fr", "email",
       "l'adresse e-mail « ines durand@exemple.fr » contient un espace ou un caractère de contrôle"},
      {&Line::email,
       "ines\xC2\xA0"
       "durand@exemple.fr",
       "email", "contient un espace", false},
      {&Line::email, "ines.durand.exemple.fr", "email",
       "l'adresse e-mail « ines.durand.exemple.fr » doit contenir un seul @"},
      {&Line::email, "ines@durand@exemple.fr", "email", "doit contenir un seul @", false},
      {&Line::email, "@exemple.fr", "email", "l'adresse e-mail « @exemple.fr » n'a rien avant le @"},
      {&Line::email, "ines@exemple", "email",
       "l'adresse e-mail « ines@exemple » n'a pas de domaine valide après le @ (par exemple entreprise.fr)"},
      {&Line::email, "ines@", "email", "n'a pas de domaine valide", false},
      {&Line::email, "ines@.fr", "email", "n'a pas de domaine valide", false},
      {&Line::email, "ines@exemple.", "email", "n'a pas de domaine valide", false},
      {&Line::email, "ines@exemple..fr", "email", "n'a pas de domaine valide", false},
  });
}

TEST(CandidateRowsTest, ResolvesTheCqpmByIdTitleOrCode) {
  struct Case {
    std::string value;
    std::string id;
  };
  const std::vector<Case> cases = {
      {"qualite", "qualite"},
      {"QUALITÉ", "qualite"},
      {"maintenance-industrielle", "maintenance-industrielle"},
      {"Maintenance industrielle", "maintenance-industrielle"},
      {"opérateur qualité", "qualite"},
      {"MQ2008-02-89-0290", "qualite"},
      {"Technicien en maintenance industrielle", "maintenance-industrielle"},
  };
  for (const Case& c : cases) {
    Line line;
    line.cqpm = c.value;
    const CandidateRows result = validateLines({line});
    ASSERT_EQ(result.rows.size(), 1u) << c.value << describe(result.errors);
    EXPECT_EQ(result.rows[0].cqpm, c.id) << c.value;
  }
}

TEST(CandidateRowsTest, RefusesACqpmTheCentreDoesNotOffer) {
  expectCellCases({
      {&Line::cqpm, "", "cqpm", "le CQPM est obligatoire"},
      {&Line::cqpm, "chaudronnerie", "cqpm",
       "CQPM « chaudronnerie » inconnu de ce centre (CQPM possibles : maintenance-industrielle, qualite)"},
      {&Line::cqpm, "Soudeur industriel", "cqpm", "CQPM « Soudeur industriel » inconnu de ce centre", false},
  });
}

TEST(CandidateRowsTest, ReadsEveryNameOfEachPathway) {
  struct Case {
    std::string value;
    Pathway pathway;
  };
  const std::vector<Case> cases = {
      {"salarie", Pathway::kEmployee},
      {"Salarié", Pathway::kEmployee},
      {"SALARIÉE", Pathway::kEmployee},
      {"employee", Pathway::kEmployee},
      {"demandeur_emploi", Pathway::kJobSeeker},
      {"Demandeur d'emploi", Pathway::kJobSeeker},
      {"demandeur d’emploi", Pathway::kJobSeeker},
      {"job_seeker", Pathway::kJobSeeker},
      {"autre", Pathway::kOther},
      {"Other", Pathway::kOther},
  };
  for (const Case& c : cases) {
    Line line;
    line.parcours = c.value;
    const CandidateRows result = validateLines({line});
    ASSERT_EQ(result.rows.size(), 1u) << c.value << describe(result.errors);
    EXPECT_EQ(result.rows[0].pathway, c.pathway) << c.value;
  }
  for (const std::string vae : {"vae", "VAE", "V.A.E."}) {
    Line line;
    line.parcours = vae;
    line.siret = "";
    const CandidateRows result = validateLines({line});
    ASSERT_EQ(result.rows.size(), 1u) << vae << describe(result.errors);
    EXPECT_EQ(result.rows[0].pathway, Pathway::kVae);
    EXPECT_EQ(result.rows[0].company_id, std::nullopt);
    EXPECT_EQ(result.rows[0].siret, std::nullopt);
  }
}

TEST(CandidateRowsTest, RefusesAnUnknownPathway) {
  expectCellCases({
      {&Line::parcours, "", "parcours", "le parcours est obligatoire"},
      {&Line::parcours, "apprenti", "parcours",
       "parcours « apprenti » inconnu (parcours possibles : salarie, vae, demandeur_emploi, autre)"},
  });
}

TEST(CandidateRowsTest, RequiresTheCompanySiretUnlessVae) {
  for (const std::string parcours : {"salarie", "demandeur_emploi", "autre"}) {
    Line line;
    line.parcours = parcours;
    line.siret = "";
    const ImportError error = onlyError(validateLines({line}));
    EXPECT_EQ(error.column, "siret_entreprise");
    EXPECT_EQ(error.message, "le SIRET de l'entreprise est obligatoire, sauf pour un parcours VAE");
  }
  Line vae;
  vae.parcours = "vae";
  const ImportError error = onlyError(validateLines({vae}));
  EXPECT_EQ(error.column, "siret_entreprise");
  EXPECT_EQ(error.message, "le SIRET doit rester vide pour un parcours VAE");
}

TEST(CandidateRowsTest, ChecksTheSiretAndFindsTheCompany) {
  expectCellCases({
      {&Line::siret, "73282932000074", "", ""},
      {&Line::siret,
       "732\xC2\xA0"
       "829\xC2\xA0"
       "320\xC2\xA0"
       "00074",
       "", ""},
      {&Line::siret, "356 000 000 49837", "", ""},  // La Poste
      {&Line::siret, "7328293200007", "siret_entreprise",
       "le SIRET « 7328293200007 » doit compter 14 chiffres"},
      {&Line::siret, "732-829-320-00074", "siret_entreprise", "doit compter 14 chiffres", false},
      {&Line::siret, "73282932000075", "siret_entreprise",
       "le SIRET « 73282932000075 » n'est pas valide (faute de frappe ?)"},
      {&Line::siret, "35600000049838", "siret_entreprise", "n'est pas valide", false},
      {&Line::siret, "12345678900015", "siret_entreprise",
       "entreprise inconnue de ce centre (SIRET 123 456 789 00015)"},
      {&Line::siret, "7,32829E+13", "siret_entreprise",
       "le SIRET « 7,32829E+13 » a été converti en nombre par Excel : mettez la colonne au format Texte et "
       "saisissez à nouveau les 14 chiffres"},
  });
  Line poste;
  poste.siret = "35600000049837";
  EXPECT_EQ(validateLines({poste}).rows.at(0).company_id, "company-poste");
}

TEST(CandidateRowsTest, ChecksAGivenSiretEvenWhenThePathwayIsUnknown) {
  Line line;
  line.parcours = "apprenti";
  line.siret = "73282932000075";
  const CandidateRows result = validateLines({line});
  ASSERT_EQ(result.errors.size(), 2u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].column, "parcours");
  EXPECT_EQ(result.errors[1].column, "siret_entreprise");
}

TEST(CandidateRowsTest, ReportsEveryErrorOfALineInTheHeadersColumnOrder) {
  const CandidateRows result = validateText(
      "SIRET;Parcours;CQPM;E-mail;Date de naissance;Prénom;Nom\n"
      "123;apprenti;soudure;x;30/02/1990;;\n");
  ASSERT_EQ(result.errors.size(), 7u) << describe(result.errors);
  const std::vector<std::string> columns = {"SIRET",  "Parcours", "CQPM", "E-mail", "Date de naissance",
                                            "Prénom", "Nom"};
  for (std::size_t i = 0; i < columns.size(); ++i) {
    EXPECT_EQ(result.errors[i].line, 2u);
    EXPECT_EQ(result.errors[i].column, columns[i]);
  }
  EXPECT_TRUE(result.rows.empty());
}

TEST(CandidateRowsTest, ReportsTheErrorsOfEveryLineAndKeepsTheValidOnes) {
  Line bad_date;
  bad_date.prenom = "Lucas";
  bad_date.date_naissance = "29/02/2001";
  Line bad_email;
  bad_email.prenom = "Léa";
  bad_email.email = "lea";
  Line good;
  good.prenom = "Hugo";
  const CandidateRows result = validateLines({Line{}, bad_date, good, bad_email, Line{.prenom = "Chloé"}});
  ASSERT_EQ(result.errors.size(), 2u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].line, 3u);
  EXPECT_EQ(result.errors[0].column, "date_naissance");
  EXPECT_EQ(result.errors[1].line, 5u);
  EXPECT_EQ(result.errors[1].column, "email");
  ASSERT_EQ(result.rows.size(), 3u);
  EXPECT_EQ(result.rows[0].line, 2u);
  EXPECT_EQ(result.rows[1].line, 4u);
  EXPECT_EQ(result.rows[2].line, 6u);
}

TEST(CandidateRowsTest, NamesTheFileLineAfterQuotedLineBreaksAndBlankLines) {
  const std::string text = std::string(kHeader) +
                           "\r\n"
                           "\"Durand\r\nDupont\";Inès;28/02/1994;a@b.fr;qualite;vae;\r\n"
                           "\r\n"
                           "Martin;Lucas;28/02/1994;;qualite;vae;\r\n";
  const CandidateRows result = validateText(text);
  ASSERT_EQ(result.errors.size(), 2u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].line, 2u);
  EXPECT_EQ(result.errors[0].column, "nom");
  EXPECT_EQ(result.errors[1].line, 5u);
  EXPECT_EQ(result.errors[1].column, "email");
}

TEST(CandidateRowsTest, ReportsALineWithMoreFieldsThanTheHeader) {
  const CandidateRows result = validateText(std::string(kHeader) + "\n" + Line{}.csv() + ";en trop;;\n");
  const ImportError error = onlyError(result);
  EXPECT_EQ(error.line, 2u);
  EXPECT_EQ(error.column, "");
  EXPECT_EQ(error.message,
            "la ligne a 8 champs mais l'en-tête n'a que 7 colonnes (une valeur qui contient « ; » doit être "
            "entre guillemets)");
}

TEST(CandidateRowsTest, TreatsMissingTrailingFieldsAsEmpty) {
  const CandidateRows result = validateText(std::string(kHeader) + "\nDurand;Inès;28/02/1994\n");
  ASSERT_EQ(result.errors.size(), 3u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].message, "l'adresse e-mail est obligatoire");
  EXPECT_EQ(result.errors[1].message, "le CQPM est obligatoire");
  EXPECT_EQ(result.errors[2].message, "le parcours est obligatoire");  // the SIRET waits for a pathway
}

TEST(CandidateRowsTest, ReportsADuplicateOnTheLaterLineNamingTheEarlierOne) {
  Line first;
  Line other_person;
  other_person.prenom = "Lucas";
  Line same;  // the same person, written differently
  same.nom = "DURAND ";
  same.prenom = "ines";
  same.email = "autre@exemple.fr";
  same.cqpm = "Qualité";
  const CandidateRows result = validateLines({first, other_person, same});
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  const ImportError& error = result.errors[0];
  EXPECT_EQ(error.line, 4u);
  EXPECT_EQ(error.column, "");
  EXPECT_EQ(error.message, "ce candidat figure déjà ligne 2 (mêmes nom, prénom, date de naissance et CQPM)");
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0].line, 2u);
  EXPECT_EQ(result.rows[1].line, 3u);
}

TEST(CandidateRowsTest, FoldsCaseAccentsSpacesAndApostrophesToFindDuplicates) {
  Line first;
  first.nom = "N'Diaye-Le Gall";
  first.prenom = "Zoë Ægir";
  Line same;
  same.nom = "n’diaye-le  gall";
  same.prenom = "ZOE AEGIR";
  const CandidateRows result = validateLines({first, same});
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_TRUE(contains(result.errors[0].message, "figure déjà ligne 2")) << result.errors[0].message;
}

TEST(CandidateRowsTest, FoldsCombiningAccentsLikePrecomposedOnes) {
  Line first;
  first.prenom = "Ine\xCC\x80s";  // e + combining grave accent, as macOS writes it
  const CandidateRows result = validateLines({first, Line{}});
  ASSERT_EQ(result.errors.size(), 1u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].line, 3u);
}

TEST(CandidateRowsTest, TellsApartCandidatesDifferingByBirthDateCqpmOrName) {
  Line other_date;
  other_date.date_naissance = "27/02/1994";
  Line other_cqpm;
  other_cqpm.cqpm = "maintenance-industrielle";
  Line other_name;
  other_name.nom = "Durant";
  Line other_script;
  other_script.nom = "Дюран";  // « Duran » once in Latin letters: another name
  const CandidateRows result = validateLines({Line{}, other_date, other_cqpm, other_name, other_script});
  EXPECT_TRUE(result.errors.empty()) << describe(result.errors);
  EXPECT_EQ(result.rows.size(), 5u);
}

// Names are compared as the search folds them (ICU: every script to Latin, then ASCII): the same
// person typed once in Cyrillic and once in Latin letters, or with and without diacritics, is one.
TEST(CandidateRowsTest, TheSameNameInAnotherScriptOrWithoutDiacriticsIsADuplicate) {
  Line latin;
  latin.nom = "Durant";
  Line cyrillic;
  cyrillic.nom = "Дюрант";
  Line accented;
  accented.nom = "Nguyễn";
  Line plain;
  plain.nom = "NGUYEN";
  const CandidateRows result = validateLines({latin, cyrillic, accented, plain});
  ASSERT_EQ(result.errors.size(), 2u) << describe(result.errors);
  EXPECT_EQ(result.errors[0].line, 3u);
  EXPECT_EQ(result.errors[1].line, 5u);
  EXPECT_EQ(result.rows.size(), 2u);
}

TEST(CandidateRowsTest, ReportsADuplicateEvenWhenTheLinesHaveOtherErrors) {
  Line first;
  first.email = "bad";
  Line second;
  second.siret = "";
  const CandidateRows result = validateLines({first, second});
  ASSERT_EQ(result.errors.size(), 3u) << describe(result.errors);
  EXPECT_EQ(result.errors[2].line, 3u);
  EXPECT_TRUE(contains(result.errors[2].message, "figure déjà ligne 2"));
}

TEST(CandidateRowsTest, TemplateIsReadBackWithTheCanonicalColumnsAndAValidExample) {
  const std::string text = candidateTemplateCsv();
  EXPECT_TRUE(text.starts_with(
      "\xEF\xBB\xBF"
      "nom;prenom;date_naissance;email;cqpm;parcours;siret_entreprise;sexe;code_insee_naissance\r\n"));
  EXPECT_TRUE(text.ends_with("\r\n"));
  const CsvTable table = parseCsv(text);
  EXPECT_EQ(table.delimiter, ';');
  ASSERT_EQ(table.header.fields.size(), kCandidateColumns.size());
  for (std::size_t i = 0; i < kCandidateColumns.size(); ++i)
    EXPECT_EQ(table.header.fields[i], kCandidateColumns[i]);
  ASSERT_EQ(table.records.size(), 1u);

  CandidateImportContext context = testContext();
  const CandidateRows unknown_company = validateCandidateRows(table, context);
  ASSERT_EQ(unknown_company.errors.size(), 1u) << describe(unknown_company.errors);
  EXPECT_TRUE(contains(unknown_company.errors[0].message, "entreprise inconnue de ce centre"));

  context.companies.emplace("12345678900015", "company-example");
  const CandidateRows result = validateCandidateRows(table, context);
  EXPECT_TRUE(result.errors.empty()) << describe(result.errors);
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0].company_id, "company-example");
  EXPECT_EQ(result.rows[0].candidate.sex, "F");
  EXPECT_EQ(result.rows[0].candidate.birth_insee_code, "69123");
}

TEST(CandidateRowsTest, TheCivilStatusColumnsAreOptionalAndCheckedWhenFilled) {
  const std::string header = std::string(kHeader) + ";Sexe;Code INSEE du lieu de naissance\n";
  const CandidateRows read = validateText(header + Line{}.csv() + ";f;2a004\n" + Line{.nom = "Martin"}.csv() +
                                          ";Masculin;99350\n" + Line{.nom = "Petit"}.csv() + ";;\n");
  ASSERT_TRUE(read.errors.empty()) << describe(read.errors);
  ASSERT_EQ(read.rows.size(), 3u);
  EXPECT_EQ(read.rows[0].candidate.sex, "F");
  EXPECT_EQ(read.rows[0].candidate.birth_insee_code, "2A004");
  EXPECT_EQ(read.rows[1].candidate.sex, "M");
  EXPECT_EQ(read.rows[1].candidate.birth_insee_code, "99350");
  EXPECT_EQ(read.rows[2].candidate.sex, "");  // left empty: not recorded
  EXPECT_EQ(read.rows[2].candidate.birth_insee_code, "");

  const CandidateRows refused = validateText(header + Line{}.csv() + ";X;6912\n");
  ASSERT_EQ(refused.errors.size(), 2u) << describe(refused.errors);
  EXPECT_EQ(refused.errors[0].column, "Sexe");
  EXPECT_EQ(refused.errors[0].message, "sexe « X » : attendu F ou M (état civil)");
  EXPECT_EQ(refused.errors[1].column, "Code INSEE du lieu de naissance");
  EXPECT_TRUE(contains(refused.errors[1].message, "code INSEE « 6912 »")) << refused.errors[1].message;
  EXPECT_TRUE(refused.rows.empty());
}

// 10,000 lines with every tenth one in error: each kept or refused, none lost
// (how fast is tests/bench/imports' job, not a test's).
TEST(CandidateRowsTest, ValidatesTenThousandLinesKeepingEachGoodOneAndNamingEachBadOne) {
  std::string text(kHeader);
  text += "\r\n";
  for (int i = 0; i < 10'000; ++i) {
    Line line;
    line.nom = "Durand" + std::to_string(i);
    if (i % 10 == 0) line.date_naissance = "31/02/1990";
    text += line.csv() + "\r\n";
  }
  const CandidateRows result = validateCandidateRows(parseCsv(text), testContext());
  EXPECT_EQ(result.rows.size(), 9'000u);
  EXPECT_EQ(result.errors.size(), 1'000u);
}

}  // namespace
}  // namespace cqpm::imports
