#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <set>

#include "juries/jury_fixture.h"

// What a jury session produces through the real server: the minutes and the
// certificate as PDF (read back with pdftotext), the results as CSV for French
// Excel, and the public verification of a certificate's code.

namespace cqpm::testing {
namespace {

class JuryDocumentsTest : public JuryApiTest {
 protected:
  // A session where Bernard Fontaine comes from the candidate's company: a second
  // employer member decides, Bernard abstains. Returns {session, file, decision answer}.
  struct Decided {
    std::string session, file;
    Poco::JSON::Object::Ptr decision;
  };

  Decided decidedWithAnAbstention() {
    const std::string file = readyFile("Documenté");
    const std::string session = newSession();
    const std::string second = addJuryAccount("jury-employeur2", "Marie Dumont", domain::College::kEmployer);
    const std::string employer = userId(employer_), employee = userId(employee_);
    EXPECT_EQ(addMember(session, employer, "\"" + firstCompany(centre_) + "\"").status, 201);
    EXPECT_EQ(addMember(session, second).status, 201);
    EXPECT_EQ(addMember(session, employee).status, 201);
    for (const auto& user : {employer, second, employee}) EXPECT_EQ(attend(session, user).status, 200);
    EXPECT_EQ(addFile(session, file).status, 201);
    EXPECT_EQ(open(session).status, 200);
    const auto answer =
        decide(session, file, R"({"outcome":"certified"})", client().login("jury-employeur2"));
    EXPECT_EQ(answer.status, 201) << answer.body;
    publishSession(session);
    return {session, file, decisionOf(file)};
  }
};

TEST_P(JuryDocumentsTest, MinutesListTheDecisionAndTheAbstention) {
  const Decided decided = decidedWithAnAbstention();
  const auto abstentions = decided.decision->getArray("abstentions");
  ASSERT_EQ(abstentions->size(), 1u);
  EXPECT_EQ(abstentions->getObject(0)->getValue<std::string>("name"), "Bernard Fontaine");

  const auto minutes = client().get("/api/v1/jury-sessions/" + decided.session + "/minutes.pdf", employee_);
  ASSERT_EQ(minutes.status, 200) << minutes.body;
  EXPECT_EQ(minutes.headers.at("content-type"), "application/pdf");
  EXPECT_NE(minutes.headers.at("content-disposition").find("attachment"), std::string::npos);
  ASSERT_EQ(minutes.body.substr(0, 5), "%PDF-");
  const std::string text = pdfText(minutes.body);
  EXPECT_NE(text.find("Alex Documenté"), std::string::npos) << text;
  EXPECT_NE(text.find("Technicien de la qualité"), std::string::npos) << text;
  EXPECT_NE(text.find("Marie Dumont"), std::string::npos) << text;
  EXPECT_NE(text.find("Bernard Fontaine"), std::string::npos) << text;
  // Per file: the pathway, the modalities used, the company's opinion, the candidate's birth date.
  EXPECT_NE(text.find("Parcours : Salarié(e)"), std::string::npos) << text;
  EXPECT_NE(text.find("Modalités d'évaluation : Évaluation en situation"), std::string::npos) << text;
  EXPECT_NE(text.find("Avis de l'entreprise : signé le"), std::string::npos) << text;
  EXPECT_NE(text.find("né(e) le 17 mai 1995"), std::string::npos) << text;
  EXPECT_NE(text.find("sous le contrôle du GTP Certifications"), std::string::npos) << text;
  EXPECT_EQ(client()
                .get("/api/v1/jury-sessions/" + decided.session + "/minutes.pdf", client().login("centre2"))
                .status,
            404);
}

TEST_P(JuryDocumentsTest, MinutesOfAVaeFileShowItsAdmissibilityAndNoCompanyOpinion) {
  const std::string file =
      readyFile("Recevable", "vae");  // admitted by the fixture: « Expérience attestée. »
  const std::string session = openSession({file});
  ASSERT_EQ(decide(session, file, R"({"outcome":"certified"})").status, 201);
  const auto minutes = client().get("/api/v1/jury-sessions/" + session + "/minutes.pdf", centre_);
  ASSERT_EQ(minutes.status, 200);
  // pdftotext breaks long lines: runs of white space as one space.
  const std::string text = std::regex_replace(pdfText(minutes.body), std::regex("\\s+"), " ");
  EXPECT_NE(text.find("Parcours : Validation des acquis de l'expérience (VAE)"), std::string::npos) << text;
  EXPECT_NE(text.find("Recevabilité de la demande de VAE : favorable, décidée le"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Claire Moreau — Expérience attestée."), std::string::npos) << text;
  EXPECT_NE(text.find("Avis de l'entreprise : sans objet (VAE)"), std::string::npos) << text;
}

TEST_P(JuryDocumentsTest, TheCertificateCarriesItsVerificationCode) {
  const Decided decided = decidedWithAnAbstention();
  const auto award = decided.decision->getArray("awards")->getObject(0);
  const std::string code = award->getValue<std::string>("verification_code");
  const std::string path = "/api/v1/awards/" + award->getValue<std::string>("id") + "/document.pdf";
  const auto pdf = client().get(path, client().login("entreprise"));  // the holder's company reads its file
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  const std::string text = pdfText(pdf.body);
  EXPECT_NE(text.find("Alex Documenté"), std::string::npos) << text;
  EXPECT_NE(text.find("Technicien de la qualité"), std::string::npos) << text;
  EXPECT_NE(text.find(code), std::string::npos) << text;
  EXPECT_NE(text.find("http://localhost:8080/verify/" + code), std::string::npos) << text;
  // The holder's birth date and the certification's number (not recorded by the GTP yet), never the plugin's
  // id.
  EXPECT_NE(text.find("né(e) le 17 mai 1995"), std::string::npos) << text;
  EXPECT_NE(text.find("CQPM n° non renseigné"), std::string::npos) << text;
  EXPECT_EQ(text.find("CQPM qualite"), std::string::npos) << text;
  EXPECT_EQ(client().get(path, client().login("centre2")).status, 404);
  EXPECT_EQ(client().get(path, client().login("candidat")).status, 404);  // not Lucas Martin's file
}

TEST_P(JuryDocumentsTest, ResultsOpenInFrenchExcel) {
  const Decided decided = decidedWithAnAbstention();
  const std::string path = "/api/v1/jury-sessions/" + decided.session + "/results.csv";
  const auto csv = client().get(path, centre_);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.headers.at("content-disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find(';'), std::string::npos);
  EXPECT_NE(csv.body.find("Documenté"), std::string::npos);
  EXPECT_NE(csv.body.find("CQPM délivré"), std::string::npos);
  // French dates (jj/mm/aaaa); the CQPM's number the GTP has not recorded yet says so.
  EXPECT_NE(csv.body.find("17/05/1995"), std::string::npos) << csv.body;
  EXPECT_EQ(csv.body.find("1995-05-17"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find(";non renseigné;Technicien de la qualité;"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find(decided.decision->getArray("awards")->getObject(0)->getValue<std::string>(
                "verification_code")),
            std::string::npos);
  EXPECT_EQ(client().get(path, employee_).status, 403);  // members read the minutes, the centre exports
}

TEST_P(JuryDocumentsTest, VerificationAnswersThePublicFieldsOnly) {
  const Decided decided = decidedWithAnAbstention();
  const std::string code =
      decided.decision->getArray("awards")->getObject(0)->getValue<std::string>("verification_code");
  const auto answer = client().get("/api/v1/verify/" + code, "");  // no session: public
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto json = answer.json();
  std::set<std::string> keys;
  for (const auto& [key, value] : *json) keys.insert(key);
  // The seal and the commit are public on purpose: printed on the certificate, they let anyone compare.
  EXPECT_EQ(keys, (std::set<std::string>{"valid", "status", "holder_name", "cqpm", "blocs", "decision_date",
                                         "referential_version", "referential_commit", "decision_sha256"}));
  EXPECT_TRUE(json->getValue<bool>("valid"));
  EXPECT_EQ(json->getValue<std::string>("status"), "valid");
  EXPECT_EQ(json->getValue<std::string>("holder_name"), "Alex Documenté");
  EXPECT_EQ(json->getObject("cqpm")->getValue<std::string>("title"), "Technicien de la qualité");
  EXPECT_EQ(json->getArray("blocs")->size(), 3u);
  std::set<std::string> bloc_keys;
  for (const auto& [key, value] : *json->getArray("blocs")->getObject(0)) bloc_keys.insert(key);
  EXPECT_EQ(bloc_keys, (std::set<std::string>{"code", "rncp_code", "title"}));
  EXPECT_TRUE(json->getObject("cqpm")->isNull("number"));  // the seeds carry no CQPM number
  EXPECT_EQ(json->getValue<int>("referential_version"), 1);
  EXPECT_EQ(answer.body.find("1995-05-17"), std::string::npos);  // no birth date
  EXPECT_EQ(answer.body.find("Mécanique"), std::string::npos);   // no company

  // Typed as a person would: lower case, without dashes.
  std::string typed;
  for (char c : code) {
    if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  EXPECT_EQ(client().get("/api/v1/verify/" + typed, "").status, 200);
  // The page's address answers JSON to a client that asks for it.
  const auto page = client().request("GET", "/verify/" + code, "", {{"Accept", "application/json"}});
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.json()->getValue<std::string>("holder_name"), "Alex Documenté");
}

TEST_P(JuryDocumentsTest, UnknownOrMalformedCodesAreNotFound) {
  for (const std::string code : {"K7QM-4XPA-9RTE", "abc", "UUUU-UUUU-UUUU"}) {
    const auto answer = client().get("/api/v1/verify/" + code, "");
    EXPECT_EQ(answer.status, 404) << code;
    EXPECT_EQ(answer.errorField(), "code");
    EXPECT_FALSE(
        answer.json()->getObject("error")->getObject("details")->getValue<std::string>("message_fr").empty());
  }
  EXPECT_EQ(client().request("GET", "/verify/K7QM-4XPA-9RTE", "", {{"Accept", "application/json"}}).status,
            404);
}

INSTANTIATE_TEST_SUITE_P(Backends, JuryDocumentsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
