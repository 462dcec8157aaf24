// Two instances on one database, each with its own data folder, as
// deploy/README.md lays them out (PostgreSQL, the documents folder shared,
// nginx in front with the shipped configuration): a request retried on the
// other instance with the same Idempotency-Key, even while the first is still
// writing, gets the first answer and writes nothing twice; what one instance
// writes (a referential version, a document, an event) the other serves.

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <iostream>
#include <thread>

#include "git/git_test_support.h"
#include "http/api_fixture.h"
#include "referentials_api/referential_api_fixture.h"
#include "support/instance.h"
#include "support/raw_http.h"
#include "support/two_instance_deployment.h"

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

INSTANTIATE_TEST_SUITE_P(Backends, InstancesTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

class DeploymentTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped()) return;
    deployment_ = std::make_unique<TwoInstanceDeployment>(*server_);
    ASSERT_EQ(deployment_->problem(), "") << deployment_->describe();
  }
  void TearDown() override {
    deployment_.reset();
    ApiTest::TearDown();
  }

  HttpClient first() const { return HttpClient(server_->port()); }
  HttpClient second() const { return deployment_->second().client(); }
  HttpClient nginx() const { return HttpClient(deployment_->nginxPort()); }

  std::unique_ptr<TwoInstanceDeployment> deployment_;
};

TEST_P(DeploymentTest, AVersionPublishedThroughNginxIsServedDiffedAndClonedFromEitherInstance) {
  const std::string path = approvedFilledCode(nginx());
  const auto published = nginx().postJson(path + "/publish", "{}", nginx().login("gtp-employeur"));
  ASSERT_EQ(published.status, 200) << published.body;
  std::string commit;
  for (const HttpClient& instance : {first(), second(), nginx()}) {
    const std::string auditor = instance.login("gtp-salarie");
    const auto v2 = instance.get("/api/v1/cqpms/fabrication-additive/versions/2", auditor);
    ASSERT_EQ(v2.status, 200) << v2.body;
    if (commit.empty()) commit = v2.json()->getValue<std::string>("commit");
    EXPECT_EQ(v2.json()->getValue<std::string>("commit"), commit) << "the same commit on every instance";
    const auto diff = instance.get("/api/v1/cqpms/fabrication-additive/diff?from=1&to=2", auditor);
    ASSERT_EQ(diff.status, 200) << diff.body;
    EXPECT_NE(diff.body.find(kFilledCode), std::string::npos);
  }
  // git clone over the dumb protocol, from the instance that did not publish and through nginx.
  for (const int port : {deployment_->second().server.port(), deployment_->nginxPort()}) {
    const std::string clone = makeTempDir("cqpm-clone") + "/referentials";
    const auto cloned = git::test_support::run(
        "env -i PATH=\"$PATH\" HOME=/nonexistent GIT_CONFIG_NOSYSTEM=1 LC_ALL=C git clone -q "
        "http://gtp-salarie:demo@127.0.0.1:" +
        std::to_string(port) + "/git/referentials.git '" + clone + "' 2>&1");
    ASSERT_EQ(cloned.first, 0) << cloned.second;
    const auto tag =
        git::test_support::run("git -C '" + clone + "' rev-parse 'fabrication-additive/v2^{commit}'");
    EXPECT_EQ(tag.second, commit + "\n") << "cloned through port " << port;
    std::filesystem::remove_all(std::filesystem::path(clone).parent_path());
  }
}

TEST_P(DeploymentTest, ADocumentOfSeveralMegabytesGoesThroughNginxAndEitherInstanceServesIt) {
  const std::string centre = nginx().login("centre");
  const std::string file = createFile(centre, "Volumineux")->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, file, "register", 1).status, 200);
  const auto first_version =
      upload(centre, "/api/v1/files/" + file + "/documents", "evidence", "preuves.pdf", kPdf);
  ASSERT_EQ(first_version.status, 201) << first_version.body;
  const std::string document = first_version.json()->getValue<std::string>("id");
  // 2.7 MB: above nginx's default 1 MiB, on the route of a document's next versions.
  const std::string big = "%PDF-1.4\n" + std::string(2'700'000, 'x') + "\n%%EOF\n";
  via_port_ = deployment_->nginxPort();
  const auto second_version =
      upload(centre, "/api/v1/documents/" + document + "/versions", "", "preuves-v2.pdf", big);
  via_port_ = 0;
  ASSERT_EQ(second_version.status, 201) << second_version.body.substr(0, 500);
  for (const HttpClient& instance : {first(), second()}) {
    const auto served = instance.get("/api/v1/documents/" + document + "/versions/2/content", centre);
    ASSERT_EQ(served.status, 200) << served.body.substr(0, 300);
    EXPECT_EQ(served.body.size(), big.size());
    EXPECT_TRUE(served.body == big);
  }
}

TEST_P(DeploymentTest, ALiveStreamOnOneInstanceReceivesAnEventFiredOnTheOther) {
  const std::string centre = first().login("centre");
  const std::string file = createFile(centre, "Direct")->getValue<std::string>("id");
  Poco::Net::StreamSocket stream = connectFrom(deployment_->second().server.port());
  sendText(stream, "GET /api/v1/files/" + file +
                       "/stream?after=1 HTTP/1.1\r\nHost: cqpm\r\nAuthorization: Bearer " + centre +
                       "\r\n\r\n");
  // The stream is open (its first bytes came) before the event is fired: it
  // delivers what happens from its opening on.
  std::string received;
  ASSERT_TRUE(readUntilFound(stream, received, "retry:", std::chrono::seconds(10)))
      << "the stream did not open: " << received;
  ASSERT_EQ(fire(centre, file, "register", 1).status, 200);  // on the first instance
  readUntilFound(stream, received, "\"register\"", std::chrono::seconds(10));
  EXPECT_NE(received.find("event: file_event"), std::string::npos) << received;
  EXPECT_NE(received.find("\"register\""), std::string::npos) << received;
}

// The second instance as the real binary, killed -9 while centres create files
// through nginx: every creation answered 201 is there afterwards, served by the
// surviving instance, and the killed one starts again on its folder.
class InstanceKillTest : public ApiTest {};

TEST_P(InstanceKillTest, KillingOneInstanceUnderLoadLosesNoAcknowledgedWrite) {
  TwoInstanceDeployment deployment(*server_, true);
  ASSERT_EQ(deployment.problem(), "") << deployment.describe();
  const HttpClient nginx(deployment.nginxPort());
  const std::string centre = nginx.login("centre");
  const std::string company = firstCompany(centre);
  std::atomic<bool> killed = false, stop = false;
  std::vector<std::string> acknowledged[4];
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < 400 && !stop; ++i) {
        const std::string body =
            R"({"cqpm":"qualite","pathway":"employee","candidate":{"given_name":"Alex","family_name":"Charge)" +
            std::to_string(c) + "x" + std::to_string(i) +
            R"(","email":"alex@example.org","birth_date":"1995-05-17"},"company_id":")" + company + "\"}";
        try {
          const auto answer = nginx.postJson("/api/v1/files", body, centre);
          if (answer.status == 201)
            acknowledged[c].push_back(Poco::JSON::Parser()
                                          .parse(answer.body)
                                          .extract<Poco::JSON::Object::Ptr>()
                                          ->getValue<std::string>("id"));
        } catch (const Poco::Exception&) {
          // A connection cut by the kill: not acknowledged.
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  deployment.killSecond();
  killed = true;
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  stop = true;
  for (auto& client : clients) client.join();
  std::size_t total = 0;
  const HttpClient survivor(server_->port());
  for (const auto& ids : acknowledged) {
    for (const auto& id : ids) {
      EXPECT_EQ(survivor.get("/api/v1/files/" + id, centre).status, 200)
          << "acknowledged file " << id << " lost";
      ++total;
    }
  }
  EXPECT_GT(total, 10u) << "the load did not run";
  EXPECT_EQ(deployment.restartSecond(), "") << "the killed instance must start again";
  std::cout << "instance kill: " << total << " acknowledged creations through nginx, 0 lost\n";
}

INSTANTIATE_TEST_SUITE_P(Backends, InstanceKillTest, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

INSTANTIATE_TEST_SUITE_P(Backends, DeploymentTest, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
