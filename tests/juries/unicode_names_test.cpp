#include <Poco/URI.h>

#include <regex>
#include <vector>

#include "juries/jury_fixture.h"
#include "support/names_across_scripts.h"

// Names in every script of the table (support/names_across_scripts.h) go from registration to the
// signed certificate exactly as they were typed (issue 17): stored composed (NFC), printed on the
// minutes and each certificate, in the results' CSV and on the verification page; found by a search
// typed without diacritics; and a person's blocs carry over to a file whose name was typed without
// them.

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

TEST_P(UnicodeNamesTest, EveryNameOfTheTableIsPrintedExactlyFromRegistrationToTheCertificate) {
  const auto& names = namesAcrossScripts();
  // The first is typed on a keyboard that sends « ễ » as e + circumflex + tilde: stored composed.
  ASSERT_EQ(names[0].family_name, "Nguyễn-Łukasiewicz Ţurcanu");
  const std::string decomposed = "Nguye\xCC\x82\xCC\x83n-Łukasiewicz Ţurcanu";
  std::vector<std::string> ids;
  for (const auto& name : names)
    ids.push_back(
        readyFile(ids.empty() ? decomposed : name.family_name, "vae", allAcquired(), {}, name.given_name));

  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto candidate = client().get("/api/v1/files/" + ids[i], centre_).json()->getObject("candidate");
    EXPECT_EQ(candidate->getValue<std::string>("family_name"), names[i].family_name) << names[i].script;
    EXPECT_EQ(candidate->getValue<std::string>("given_name"), names[i].given_name) << names[i].script;
    EXPECT_NE(searchIds(names[i].typed_plainly).find(ids[i]), std::string::npos) << names[i].script;
    EXPECT_NE(searchIds(names[i].family_name).find(ids[i]), std::string::npos) << names[i].script;
  }
  EXPECT_NE(searchIds("NGUYEN").find(ids[0]), std::string::npos);
  EXPECT_NE(searchIds("van duc").find(ids[0]), std::string::npos);

  const std::string session = openSession(ids);
  for (const auto& id : ids) ASSERT_EQ(decide(session, id, R"({"outcome":"certified"})").status, 201);
  publishSession(session);
  const std::string path = "/api/v1/jury-sessions/" + session;
  const std::string minutes = flatText(pdfText(client().get(path + "/minutes.pdf", centre_).body));
  const auto csv = client().get(path + "/results.csv", centre_);
  ASSERT_EQ(csv.status, 200);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& name = names[i];
    const std::string whole = name.given_name + " " + name.family_name;
    // pdftotext gives a right-to-left line back in its visual order: each part is checked alone.
    const bool right_to_left = name.script.find("right to left") != std::string::npos;
    if (right_to_left) {
      EXPECT_NE(minutes.find(name.family_name), std::string::npos) << name.script << minutes;
      EXPECT_NE(minutes.find(name.given_name), std::string::npos) << name.script << minutes;
    } else {
      EXPECT_NE(minutes.find(whole), std::string::npos) << name.script << minutes;
    }
    EXPECT_NE(csv.body.find(name.family_name + ";" + name.given_name + ";"), std::string::npos) << csv.body;

    const auto award = decisionOf(ids[i])->getArray("awards")->getObject(0);
    const auto certificate =
        client().get("/api/v1/awards/" + award->getValue<std::string>("id") + "/document.pdf", centre_);
    ASSERT_EQ(certificate.status, 200) << certificate.body;
    EXPECT_LT(certificate.body.size(), 200u * 1024u);
    const std::string text = flatText(pdfText(certificate.body));
    EXPECT_NE(text.find(right_to_left ? name.family_name : whole), std::string::npos) << name.script << text;
    EXPECT_NE(text.find(name.given_name), std::string::npos) << name.script << text;
    EXPECT_EQ(text.find('?'), std::string::npos) << name.script << text;

    const auto verified =
        client().get("/api/v1/verify/" + award->getValue<std::string>("verification_code"), "");
    ASSERT_EQ(verified.status, 200) << verified.body;
    EXPECT_EQ(verified.json()->getValue<std::string>("holder_name"), whole) << name.script;
  }
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
