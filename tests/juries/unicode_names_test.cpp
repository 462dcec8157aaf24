#include <Poco/URI.h>

#include <regex>

#include "juries/jury_fixture.h"
#include "support/names_across_scripts.h"

// A name in any script goes from registration to the signed certificate exactly as it was typed
// (issue 17): stored composed (NFC), printed on the minutes and the certificate, in the results'
// CSV and on the verification page; found by a search typed without diacritics; and a person's
// blocs carry over to a file whose name was typed without them.

namespace cqpm::testing {
namespace {

class UnicodeNamesTest : public JuryApiTest {
 protected:
  std::string searchIds(const std::string& query) const {
    std::string encoded;
    Poco::URI::encode(query, "&=+?#", encoded);
    const auto answer = client().get("/api/v1/files?q=" + encoded, centre_);
    EXPECT_EQ(answer.status, 200) << answer.body;
    std::string ids;
    const auto items = answer.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
      ids += items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id") + " ";
    return ids;
  }
};

TEST_P(UnicodeNamesTest, ANameIsPrintedExactlyFromRegistrationToTheCertificate) {
  const std::string given = "Văn Đức";
  const std::string family = "Nguyễn-Łukasiewicz Ţurcanu";
  // Typed on a keyboard that sends « ễ » as e + circumflex + tilde: stored composed.
  const std::string decomposed = "Nguye\xCC\x82\xCC\x83n-Łukasiewicz Ţurcanu";
  const std::string id = readyFile(decomposed, "vae", allAcquired(), {}, given);
  const auto file = client().get("/api/v1/files/" + id, centre_).json();
  EXPECT_EQ(file->getObject("candidate")->getValue<std::string>("family_name"), family);
  EXPECT_EQ(file->getObject("candidate")->getValue<std::string>("given_name"), given);
  EXPECT_NE(searchIds("nguyen-lukasiewicz").find(id), std::string::npos);
  EXPECT_NE(searchIds("NGUYEN").find(id), std::string::npos);
  EXPECT_NE(searchIds("Łukasiewicz").find(id), std::string::npos);
  EXPECT_NE(searchIds("van duc").find(id), std::string::npos);

  const std::string session = openSession({id});
  ASSERT_EQ(decide(session, id, R"({"outcome":"certified"})").status, 201);
  publishSession(session);
  const std::string whole = given + " " + family;
  const std::string minutes =
      flatText(pdfText(client().get("/api/v1/jury-sessions/" + session + "/minutes.pdf", centre_).body));
  EXPECT_NE(minutes.find(whole), std::string::npos) << minutes;

  const auto award = decisionOf(id)->getArray("awards")->getObject(0);
  const auto certificate =
      client().get("/api/v1/awards/" + award->getValue<std::string>("id") + "/document.pdf", centre_);
  ASSERT_EQ(certificate.status, 200) << certificate.body;
  EXPECT_LT(certificate.body.size(), 200u * 1024u);
  EXPECT_NE(pdfText(certificate.body).find(whole), std::string::npos) << pdfText(certificate.body);

  const auto csv = client().get("/api/v1/jury-sessions/" + session + "/results.csv", centre_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find(family + ";" + given + ";"), std::string::npos) << csv.body;

  const auto verified =
      client().get("/api/v1/verify/" + award->getValue<std::string>("verification_code"), "");
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(verified.json()->getValue<std::string>("holder_name"), whole);
}

TEST_P(UnicodeNamesTest, BlocsCarryOverToAFileTypedWithoutDiacritics) {
  registerAtRncp();
  const GridResults first_two{{1, "acquired"}, {2, "acquired"},     {3, "acquired"},
                              {4, "acquired"}, {5, "not_acquired"}, {6, "not_acquired"}};
  const std::string first = readyFile("Żółkiewska", "vae", first_two, {}, "Łucja");
  const std::string session = openSession({first});
  ASSERT_EQ(decide(session, first, R"({"outcome":"blocs_awarded","blocs":[1,2]})").status, 201);
  publishSession(session);

  const std::string second = createFile(centre_, "ZOLKIEWSKA", "vae", "Lucja")->getValue<std::string>("id");
  step(centre_, second, "register");
  const auto offered =
      client().get("/api/v1/files/" + second + "/carry-over", centre_).json()->getArray("offered");
  EXPECT_EQ(offered->size(), 2u);
  // The search finds both files, whichever way the name is typed.
  for (const std::string query : {"zolkiewska", "Żółkiewska", "łucja żół"}) {
    const std::string ids = searchIds(query);
    EXPECT_NE(ids.find(first), std::string::npos) << query;
    EXPECT_NE(ids.find(second), std::string::npos) << query;
  }
}

TEST_P(UnicodeNamesTest, AControlCharacterInANameIsRefusedNamingTheField) {
  const auto answer = client().postJson(
      "/api/v1/files",
      R"({"cqpm":"qualite","pathway":"vae","candidate":{"given_name":"Ana\u0007","family_name":"Ionescu",)"
      R"("email":"ana@example.org","birth_date":"1995-05-17"},"company_id":null})",
      centre_);
  EXPECT_EQ(answer.status, 400) << answer.body;
  EXPECT_EQ(answer.errorField(), "candidate.given_name");
}

INSTANTIATE_TEST_SUITE_P(Backends, UnicodeNamesTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
