// GET /api/v1/me/todo through the real server: the JSON the pages read.

#include "support/test_server.h"

namespace cqpm::testing {
namespace {

class TodoApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    CQPM_REQUIRE_BACKEND(server_->database());
  }
  HttpClient client() const { return server_->client(); }

 private:
  std::unique_ptr<TestServer> server_;
};

TEST_P(TodoApiTest, AnswersTheItemsAndTheirSummary) {
  const auto answer = client().get("/api/v1/me/todo", client().login("centre"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto json = answer.json();
  const auto items = json->getArray("items");
  ASSERT_GT(items->size(), 0u);
  bool register_found = false;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(static_cast<unsigned>(i));
    for (const char* key : {"kind", "file", "session_id", "proposal_id", "label", "due", "overdue"}) {
      EXPECT_TRUE(item->has(key)) << key;
    }
    if (item->getValue<std::string>("label") == "Inscrire Emma Lefèvre") {
      register_found = true;
      EXPECT_EQ(item->getValue<std::string>("kind"), "register_file");
      EXPECT_FALSE(item->isNull("file"));
      EXPECT_TRUE(item->isNull("due"));
      EXPECT_FALSE(item->getValue<bool>("overdue"));
    }
  }
  EXPECT_TRUE(register_found);
  const auto summary = json->getObject("summary");
  EXPECT_EQ(summary->getValue<std::int64_t>("total"), static_cast<std::int64_t>(items->size()));
  EXPECT_EQ(summary->getObject("by_kind")->getValue<std::int64_t>("register_file"), 1);
  EXPECT_TRUE(summary->has("overdue_count"));
}

TEST_P(TodoApiTest, FiltersByKindAndOverdueAndLimits) {
  const std::string token = client().login("centre");
  const auto by_kind = client().get("/api/v1/me/todo?kind=register_file", token).json();
  ASSERT_EQ(by_kind->getArray("items")->size(), 1u);
  const auto overdue = client().get("/api/v1/me/todo?overdue=true", token).json();
  const auto items = overdue->getArray("items");
  for (std::size_t i = 0; i < items->size(); ++i)
    EXPECT_TRUE(items->getObject(static_cast<unsigned>(i))->getValue<bool>("overdue"));
  EXPECT_EQ(static_cast<std::int64_t>(items->size()),
            overdue->getObject("summary")->getValue<std::int64_t>("overdue_count"));
  EXPECT_EQ(client().get("/api/v1/me/todo?limit=1", token).json()->getArray("items")->size(), 1u);
  EXPECT_EQ(client().get("/api/v1/me/todo?limit=0", token).status, 400);
  EXPECT_EQ(client().get("/api/v1/me/todo?overdue=maybe", token).status, 400);
}

TEST_P(TodoApiTest, ASessionIsRequired) {
  const auto answer = client().get("/api/v1/me/todo", "");
  EXPECT_EQ(answer.status, 401);
  EXPECT_EQ(answer.json()->getObject("error")->getValue<std::string>("code"), "unauthenticated");
}

INSTANTIATE_TEST_SUITE_P(Backends, TodoApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
