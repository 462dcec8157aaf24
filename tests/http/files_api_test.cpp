#include "api_fixture.h"

namespace cqpm::testing {
namespace {

using FilesApiTest = ApiTest;

std::string newFileBody(const std::string& company_json, const std::string& overrides_candidate = {},
                        const std::string& pathway = "employee", const std::string& cqpm = "qualite") {
  return R"({"cqpm":")" + cqpm + R"(","pathway":")" + pathway +
         R"(","candidate":{"given_name":"Inès","family_name":"Durand","email":"ines@example.org","birth_date":"1994-02-28")" +
         overrides_candidate + R"(},"company_id":)" + company_json + "}";
}

TEST_P(FilesApiTest, CentreOpensAFileInDraftWithItsAvailableTransitions) {
  const std::string token = client().login("centre");
  const auto answer =
      client().postJson("/api/v1/files", newFileBody("\"" + firstCompany(token) + "\""), token);
  ASSERT_EQ(answer.status, 201) << answer.body;
  const auto file = answer.json();
  EXPECT_EQ(file->getValue<std::string>("state"), "draft");
  EXPECT_EQ(file->getValue<int>("version"), 1);
  EXPECT_EQ(file->getObject("candidate")->getValue<std::string>("given_name"), "Inès");
  EXPECT_EQ(file->getObject("company")->getValue<std::string>("name"), "Mécanique de Précision du Rhône SAS");
  const auto transitions = file->getArray("available_transitions");
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < transitions->size(); ++i) {
    ids.push_back(transitions->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"register", "withdraw"}));
  const auto read = client().get("/api/v1/files/" + file->getValue<std::string>("id"), token);
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(read.headers.at("etag"), "\"1\"");
}

TEST_P(FilesApiTest, BadFilesAreRefusedNamingTheFieldAndWriteNothing) {
  const std::string token = client().login("centre");
  const std::string company = "\"" + firstCompany(token) + "\"";
  const auto before = client().get("/api/v1/files/stats", token).json()->getValue<int>("total");
  struct Case {
    std::string body;
    int status;
    std::string code;
    std::string field;
  };
  const std::vector<Case> cases{
      {"{not json", 400, "invalid_json", ""},
      {"[1,2]", 400, "invalid_json", ""},
      {newFileBody(company, R"(,"email":"not-an-email")"), 400, "invalid_field", "candidate.email"},
      {newFileBody(company, R"(,"birth_date":"2001-02-30")"), 400, "invalid_field", "candidate.birth_date"},
      {newFileBody(company, R"(,"given_name":"  ")"), 400, "invalid_field", "candidate.given_name"},
      {newFileBody(company, R"(,"family_name":7)"), 400, "invalid_field", "candidate.family_name"},
      {newFileBody(company, {}, "vae"), 400, "invalid_field", "company_id"},
      {newFileBody("null"), 400, "invalid_field", "company_id"},
      {newFileBody("\"no-such-company\""), 400, "invalid_field", "company_id"},
      {newFileBody(company, {}, "apprentice"), 400, "invalid_field", "pathway"},
      {newFileBody(company, {}, "employee", "soudure"), 400, "invalid_field", "cqpm"},
      {R"({"cqpm":"qualite","pathway":"employee","company_id":null})", 400, "invalid_field", "candidate"},
  };
  for (const Case& c : cases) {
    const auto answer = client().postJson("/api/v1/files", c.body, token);
    EXPECT_EQ(answer.status, c.status) << c.body << " -> " << answer.body;
    EXPECT_EQ(answer.errorCode(), c.code) << c.body;
    EXPECT_EQ(answer.errorField(), c.field) << c.body;
  }
  EXPECT_EQ(client().get("/api/v1/files/stats", token).json()->getValue<int>("total"), before);
}

TEST_P(FilesApiTest, OnlyCentreCoordinatorsOpenFiles) {
  const std::string centre = client().login("centre");
  const std::string company = firstCompany(centre);
  const auto answer =
      client().postJson("/api/v1/files", newFileBody("\"" + company + "\""), client().login("entreprise"));
  EXPECT_EQ(answer.status, 403);
}

TEST_P(FilesApiTest, ListFiltersSearchesAndPages) {
  const std::string token = client().login("centre");
  const auto all = client().get("/api/v1/files?limit=100", token).json()->getArray("items");
  const auto drafts = client().get("/api/v1/files?state=draft", token).json()->getArray("items");
  for (std::size_t i = 0; i < drafts->size(); ++i) {
    EXPECT_EQ(drafts->getObject(static_cast<unsigned>(i))->getValue<std::string>("state"), "draft");
  }
  EXPECT_LT(drafts->size(), all->size());
  const auto found = client().get("/api/v1/files?q=lefevre", token).json()->getArray("items");
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->getObject(0)->getObject("candidate")->getValue<std::string>("family_name"), "Lefèvre");
  const auto vae = client().get("/api/v1/files?pathway=vae&cqpm=qualite", token).json()->getArray("items");
  EXPECT_EQ(vae->size(), 2u);

  std::set<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    const auto page =
        client().get("/api/v1/files?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor), token).json();
    const auto items = page->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i) {
      EXPECT_TRUE(
          seen.insert(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("id")).second);
    }
    cursor = page->isNull("next_cursor") ? "" : page->getValue<std::string>("next_cursor");
    ++pages;
  } while (!cursor.empty() && pages < 20);
  EXPECT_EQ(seen.size(), all->size());
  EXPECT_GE(pages, 3);

  EXPECT_EQ(client().get("/api/v1/files?cursor=garbage", token).errorField(), "cursor");
  EXPECT_EQ(client().get("/api/v1/files?limit=1000", token).errorField(), "limit");
}

TEST_P(FilesApiTest, StatsCountEveryStateOfTheWorkflow) {
  const std::string token = client().login("centre");
  const auto stats = client().get("/api/v1/files/stats", token).json();
  const auto by_state = stats->getObject("by_state");
  EXPECT_EQ(by_state->size(), 12u);
  int sum = 0;
  for (const auto& [state, count] : *by_state) sum += count.convert<int>();
  EXPECT_EQ(sum, stats->getValue<int>("total"));
  EXPECT_EQ(by_state->getValue<int>("certified"), 1);
}

TEST_P(FilesApiTest, WorkflowDefinitionIsServedForThePages) {
  const auto answer = client().get("/api/v1/workflows/candidate-file", client().login("candidat"));
  ASSERT_EQ(answer.status, 200);
  const auto definition = answer.json();
  EXPECT_EQ(definition->getValue<std::string>("initial"), "draft");
  EXPECT_EQ(definition->getArray("states")->size(), 12u);
  EXPECT_EQ(client().get("/api/v1/workflows/other", client().login("candidat")).status, 404);
}

TEST_P(FilesApiTest, UnknownRoutesAndMethodsAnswerJsonErrors) {
  const std::string token = client().login("centre");
  const auto missing = client().get("/api/v1/nothing-here", token);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.errorCode(), "not_found");
  const auto method = client().request("DELETE", "/api/v1/files", "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(method.status, 405);
}

INSTANTIATE_TEST_SUITE_P(Backends, FilesApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
