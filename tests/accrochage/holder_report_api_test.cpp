#include <Poco/JSON/Parser.h>

#include "accrochage/flux_schema_check.h"
#include "juries/jury_fixture.h"

// Certified holders reported to the Caisse des Dépôts (issue 16, item 6), through the API on both
// databases: a certificate and a bloc attestation of one jury session, what keeps them out of the
// flux until their closed files are completed, the flux checked against the schema, the CSV, who
// may read it, and the administration log.

namespace cqpm::testing {
namespace {

class HolderReportApiTest : public JuryApiTest {
 protected:
  TestServerOptions serverOptions() const override {
    TestServerOptions options;
    options.configure = [](app::ServerConfig& config) { config.accrochage = {"12345678", "CTR-2027-001"}; };
    options.configure_keeps_seed = true;
    return options;
  }

  std::string period() const { return "?from=" + today() + "&to=" + today(); }

  /// The report's lines of `file_id`, in order.
  std::vector<Poco::JSON::Object::Ptr> linesOf(const Poco::JSON::Object::Ptr& report,
                                               const std::string& file_id) const {
    std::vector<Poco::JSON::Object::Ptr> lines;
    const auto all = report->getArray("certifications");
    for (std::size_t i = 0; i < all->size(); ++i) {
      const auto line = all->getObject(static_cast<unsigned>(i));
      if (line->getValue<std::string>("file_id") == file_id) lines.push_back(line);
    }
    return lines;
  }

  static std::vector<std::string> missingOf(const Poco::JSON::Object::Ptr& line) {
    std::vector<std::string> facts;
    const auto missing = line->getArray("missing");
    for (std::size_t i = 0; i < missing->size(); ++i)
      facts.push_back(missing->getObject(static_cast<unsigned>(i))->getValue<std::string>("fact"));
    return facts;
  }

  HttpAnswer correct(const std::string& file_id, const std::string& candidate_json) const {
    return post("/api/v1/files/" + file_id + "/corrections",
                R"({"expected_version":)" + std::to_string(versionOf(file_id)) +
                    R"(,"reason":"Complété pour la Caisse des Dépôts","candidate":)" + candidate_json + "}",
                centre_);
  }
};

TEST_P(HolderReportApiTest, ClosedFilesAreCompletedThenTheirHoldersGoIntoAValidFlux) {
  registerAtRncp();
  const std::string certified = readyFile("Lefèvre", "employee", allAcquired(), {}, "Marie Claire");
  const std::string partial = readyFile("Haddad", "employee",
                                        {{1, "acquired"},
                                         {2, "acquired"},
                                         {3, "acquired"},
                                         {4, "acquired"},
                                         {5, "not_acquired"},
                                         {6, "not_acquired"}},
                                        {}, "Karim");
  const std::string session = openSession({certified, partial});
  ASSERT_EQ(decide(session, certified, "{}").status, 201);
  ASSERT_EQ(decide(session, partial, R"({"outcome":"blocs_awarded","blocs":[1,2]})").status, 201);
  publishSession(session);

  // Nothing is reportable yet: neither file records a sex or a birth place's INSEE code.
  const auto before = client().get("/api/v1/holders/accrochage" + period(), centre_);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_TRUE(before.json()->getValue<bool>("certifier_configured"));
  auto lines = linesOf(before.json(), certified);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]->getValue<std::string>("kind"), "certificate");
  EXPECT_EQ(lines[0]->getValue<std::string>("certification_code"), "RNCP37854");
  EXPECT_EQ(missingOf(lines[0]), (std::vector<std::string>{"sex", "birth_insee_code"}));
  lines = linesOf(before.json(), partial);
  ASSERT_EQ(lines.size(), 2u);  // one line per bloc awarded
  EXPECT_EQ(lines[0]->getValue<std::string>("certification_code"), "RNCP37854BC01");
  EXPECT_EQ(lines[1]->getValue<std::string>("certification_code"), "RNCP37854BC02");
  EXPECT_EQ(lines[1]->getValue<std::string>("technical_id"),
            lines[1]->getValue<std::string>("award_id") + "#2");
  const auto refused = client().get("/api/v1/holders/accrochage.xml" + period(), centre_);
  EXPECT_EQ(refused.status, 409) << refused.body;

  // The closed file takes its civil status, and nothing else.
  EXPECT_EQ(correct(certified, R"({"family_name":"Autre"})").status, 409);
  const auto wrong_sex = correct(certified, R"({"sex":"X"})");
  EXPECT_EQ(wrong_sex.status, 400);
  EXPECT_EQ(wrong_sex.json()->getObject("error")->getValue<std::string>("field"), "candidate.sex");
  const auto wrong_code = correct(certified, R"({"birth_insee_code":"6912"})");
  EXPECT_EQ(wrong_code.status, 400);
  EXPECT_EQ(wrong_code.json()->getObject("error")->getValue<std::string>("field"),
            "candidate.birth_insee_code");
  const auto completed = correct(certified, R"({"sex":"F","birth_insee_code":"2A004"})");
  ASSERT_EQ(completed.status, 200) << completed.body;
  EXPECT_EQ(completed.json()->getObject("candidate")->getValue<std::string>("birth_insee_code"), "2A004");

  const auto after = client().get("/api/v1/holders/accrochage" + period(), centre_).json();
  EXPECT_TRUE(linesOf(after, certified)[0]->getValue<bool>("reportable"));
  EXPECT_FALSE(linesOf(after, partial)[0]->getValue<bool>("reportable"));
  const auto flux = client().get("/api/v1/holders/accrochage.xml" + period(), centre_);
  ASSERT_EQ(flux.status, 200) << flux.body;
  EXPECT_NE(flux.headers.at("content-type").find("application/xml"), std::string::npos);
  for (const auto& schema : accrochageSchemas()) {
    const auto verdict = validateWithXmllint(flux.body, schema);
    EXPECT_TRUE(verdict.valid) << schema << "\n" << verdict.messages << "\n" << flux.body;
  }
  const std::string award = linesOf(after, certified)[0]->getValue<std::string>("award_id");
  EXPECT_NE(flux.body.find("<cpf:idTechnique>" + award + "</cpf:idTechnique>"), std::string::npos)
      << flux.body;
  EXPECT_NE(flux.body.find("<cpf:prenom2>Claire</cpf:prenom2>"), std::string::npos);
  EXPECT_NE(flux.body.find("<cpf:idClient>12345678</cpf:idClient>"), std::string::npos);
  EXPECT_EQ(flux.body.find("Haddad"), std::string::npos);  // still incomplete: left out

  const auto csv = client().get("/api/v1/holders/accrochage.csv" + period(), centre_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Haddad"), std::string::npos);
  EXPECT_NE(csv.body.find("sexe non renseigné"), std::string::npos);

  // The GTP reads every centre's; an evaluator nothing; a period that is not one is named.
  const auto gtp = client().get("/api/v1/holders/accrochage" + period(), client().login("gtp-employeur"));
  ASSERT_EQ(gtp.status, 200);
  EXPECT_EQ(linesOf(gtp.json(), partial).size(), 2u);
  EXPECT_EQ(client().get("/api/v1/holders/accrochage" + period(), client().login("evaluateur1")).status, 403);
  const auto other_centre = client().get("/api/v1/holders/accrochage" + period(), client().login("centre2"));
  ASSERT_EQ(other_centre.status, 200);
  EXPECT_TRUE(linesOf(other_centre.json(), certified).empty());
  const auto backwards = client().get("/api/v1/holders/accrochage?from=2027-03-02&to=2027-03-01", centre_);
  EXPECT_EQ(backwards.status, 400);
  EXPECT_EQ(backwards.json()->getObject("error")->getValue<std::string>("field"), "to");
  EXPECT_EQ(client().get("/api/v1/holders/accrochage?from=2027-02-30&to=2027-03-01", centre_).status, 400);

  // Both exports are in the centre's administration log, by period, never by name.
  const auto log = client().get("/api/v1/admin/log", centre_);
  ASSERT_EQ(log.status, 200);
  EXPECT_NE(log.body.find("accrochage_flux_exported"), std::string::npos);
  EXPECT_NE(log.body.find("accrochage_csv_exported"), std::string::npos);
  EXPECT_EQ(log.body.find("Lefèvre"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, HolderReportApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
