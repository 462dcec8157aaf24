// Two instances on one PostgreSQL database, each with its own data folder, as
// deploy/README.md lays them out: a request retried on the other instance with
// the same Idempotency-Key, even while the first is still writing, gets the
// first answer and writes nothing twice; an upload on one is served by the other.

#include <filesystem>
#include <future>

#include "http/api_fixture.h"
#include "support/instance.h"

namespace cqpm::testing {
namespace {

class InstancesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    folder_ = makeTempDir("cqpm-instance");
    other_ = std::make_unique<RunningInstance>(server_->database(), folder_);
  }
  void TearDown() override {
    other_.reset();
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
    ApiTest::TearDown();
  }

  std::string folder_;
  std::unique_ptr<RunningInstance> other_;
};

TEST_P(InstancesTest, TheSameIdempotencyKeyOnTwoInstancesAtOnceWritesOnceAndAnswersTwiceAlike) {
  const std::string centre = client().login("centre");
  const std::string company = firstCompany(centre);
  for (int round = 0; round < 8; ++round) {
    const std::string family = "Doublon" + std::to_string(round);
    const std::string body =
        R"({"cqpm":"qualite","pathway":"employee","candidate":{"given_name":"Alex","family_name":")" +
        family + R"(","email":"alex@example.org","birth_date":"1995-05-17"},"company_id":")" + company +
        "\"}";
    const std::map<std::string, std::string> key{{"Idempotency-Key", "twice-" + std::to_string(round)}};
    auto here =
        std::async(std::launch::async, [&] { return client().postJson("/api/v1/files", body, centre, key); });
    auto there = std::async(std::launch::async,
                            [&] { return other_->client().postJson("/api/v1/files", body, centre, key); });
    const HttpAnswer first = here.get(), second = there.get();
    ASSERT_EQ(first.status, 201) << first.body;
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(first.json()->getValue<std::string>("id"), second.json()->getValue<std::string>("id"));
    const auto listed = client().get("/api/v1/files?q=" + family, centre).json()->getArray("items");
    EXPECT_EQ(listed->size(), 1u) << family;
  }
}

TEST_P(InstancesTest, ADocumentUploadedOnOneInstanceIsServedByTheOther) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "documents are shared between instances on PostgreSQL";
  // The documented layout: one documents volume shared by every instance.
  other_.reset();
  std::filesystem::remove_all(folder_ + "/documents");
  std::filesystem::create_directory_symlink(server_->database().dataDir() + "/documents",
                                            folder_ + "/documents");
  other_ = std::make_unique<RunningInstance>(server_->database(), folder_);
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Partage")->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, file, "register", 1).status, 200);
  const auto uploaded = upload(centre, "/api/v1/files/" + file + "/documents", "report", "rapport.pdf", kPdf);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const auto served = other_->client().get(
      "/api/v1/documents/" + uploaded.json()->getValue<std::string>("id") + "/versions/1/content", centre);
  ASSERT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(served.body, kPdf);
}

INSTANTIATE_TEST_SUITE_P(Backends, InstancesTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
