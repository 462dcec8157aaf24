// Privacy by design (issue 16, item 5): the retention policy, applied with a server clock moved
// years ahead. A withdrawn candidate's identity goes after three years, a certified file's
// documents after five; the hash chains still verify; every act is in the administration log
// under the file's id, never the person's name.

#include <Poco/JSON/Array.h>

#include <atomic>
#include <memory>

#include "audit/zip_items.h"
#include "http/api_fixture.h"

namespace cqpm::testing {
namespace {

class RetentionSweepTest : public ApiTest {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.configure = [offset = offset_](app::ServerConfig& config) {
      config.clock = [offset] { return Poco::Timestamp() + offset->load(); };
    };
    server_ = std::make_unique<TestServer>(GetParam(), options);
    CQPM_REQUIRE_BACKEND(server_->database());
  }

  // The server's clock that many years (of 366 days) later; sessions opened before have expired.
  void yearsLater(int years) {
    *offset_ += static_cast<Poco::Timestamp::TimeDiff>(years) * 366 * 86400 * 1000000;
  }

  retention::RetentionRound sweep() {
    app::Server& server = server_->server();
    return server.retention().runOnce(Poco::Timestamp() + offset_->load());
  }

  Poco::JSON::Object::Ptr firstVersion(const std::string& token, const std::string& file_id) const {
    const auto documents =
        client().get("/api/v1/files/" + file_id + "/documents", token).json()->getArray("items");
    EXPECT_GT(documents->size(), 0u) << file_id;
    if (documents->size() == 0) return new Poco::JSON::Object;
    const auto document = documents->getObject(0);
    Poco::JSON::Object::Ptr version = document->getArray("versions")->getObject(0);
    version->set("document_id", document->getValue<std::string>("id"));
    return version;
  }

  int contentStatus(const std::string& token, const Poco::JSON::Object::Ptr& version) const {
    return client()
        .get("/api/v1/documents/" + version->getValue<std::string>("document_id") + "/versions/" +
                 std::to_string(version->getValue<int>("number")) + "/content",
             token)
        .status;
  }

 private:
  std::shared_ptr<std::atomic<Poco::Timestamp::TimeDiff>> offset_ =
      std::make_shared<std::atomic<Poco::Timestamp::TimeDiff>>(0);
};

TEST_P(RetentionSweepTest, IdentityGoesAfterThreeYearsDocumentsAfterFiveChainsStillHold) {
  std::string centre = client().login("centre");
  const std::string withdrawn =
      createFile(centre, "Retirée", "employee", "Jeanne")->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, withdrawn, "register", 1).status, 200);
  const std::int64_t version = agreeModalities(centre, withdrawn, 2);
  uploadReport(centre, withdrawn);
  const auto withdraw =
      fire(centre, withdrawn, "withdraw", version, R"({"reason":"Jeanne Retirée a quitté l'entreprise"})");
  ASSERT_EQ(withdraw.status, 200) << withdraw.body;
  const auto certified_files =
      client().get("/api/v1/files?state=certified", centre).json()->getArray("items");
  ASSERT_GT(certified_files->size(), 0u);
  const std::string certified = certified_files->getObject(0)->getValue<std::string>("id");
  const std::string holder =
      certified_files->getObject(0)->getObject("candidate")->getValue<std::string>("family_name");
  firstVersion(centre, certified);  // the certified file holds a document

  // Her candidate account, opened with her file (its name is hers).
  const std::string admin = client().login("admin");
  const auto accounts = [&](const std::string& token) {
    return client().get("/api/v1/users?role=candidate&limit=100", token).body;
  };
  EXPECT_NE(accounts(admin).find("Jeanne Retirée"), std::string::npos);

  const auto today = sweep();
  EXPECT_EQ(today.files_anonymised + today.files_with_documents_purged, 0);

  yearsLater(4);
  const auto fourth = sweep();
  EXPECT_GE(fourth.files_anonymised, 1);  // hers, and the demo's files closed without a certification
  EXPECT_EQ(fourth.files_with_documents_purged, 0);  // five years for the documents of the others
  EXPECT_GE(fourth.document_versions_purged, 1);     // the withdrawn candidate's report went with them
  EXPECT_GE(fourth.event_payloads_erased, 1);        // the reason naming her
  centre = client().login("centre");

  const auto erased = client().get("/api/v1/files/" + withdrawn, centre).json();
  EXPECT_EQ(erased->getObject("candidate")->getValue<std::string>("family_name"), "Candidat anonymisé");
  EXPECT_EQ(erased->getObject("candidate")->getValue<std::string>("given_name"), "");
  EXPECT_EQ(erased->getObject("candidate")->getValue<std::string>("email"), "");
  EXPECT_EQ(erased->getValue<std::string>("state"), "withdrawn");
  // Found by her name no more, and the file's export (the right of access) holds nothing of her name.
  EXPECT_EQ(client().get("/api/v1/files?q=retiree", centre).json()->getArray("items")->size(), 0u);
  const auto export_zip = client().get("/api/v1/files/" + withdrawn + "/personal-data", centre);
  ASSERT_EQ(export_zip.status, 200) << export_zip.body;
  std::size_t read = 0;
  for (const auto& [name, bytes] : zipItems(export_zip.body)) {
    if (!name.ends_with(".json") && !name.ends_with(".txt")) continue;  // PDFs are compressed
    ++read;
    EXPECT_EQ(bytes.find("Jeanne"), std::string::npos) << name;
    EXPECT_EQ(bytes.find("Retirée"), std::string::npos) << name;
  }
  EXPECT_GE(read, 5u);
  EXPECT_EQ(client().get("/api/v1/files?q=retiree", centre).json()->getArray("items")->size(), 0u);
  const auto events = client().get("/api/v1/files/" + withdrawn + "/events", centre).body;
  EXPECT_EQ(events.find("Jeanne"), std::string::npos) << events;
  const auto audit = client().get("/api/v1/files/" + withdrawn + "/audit", centre).json();
  EXPECT_TRUE(audit->getValue<bool>("intact")) << toJsonText(audit);
  EXPECT_NE(toJsonText(audit).find("\"payload_redacted_at\":\"2"), std::string::npos);
  const auto report = firstVersion(centre, withdrawn);
  EXPECT_FALSE(report->isNull("purged_at"));
  EXPECT_EQ(report->getValue<std::string>("sha256").size(), 64u);  // what was there is still said
  EXPECT_EQ(contentStatus(centre, report), 410);
  EXPECT_EQ(contentStatus(centre, firstVersion(centre, certified)), 200);

  yearsLater(2);
  const auto sixth = sweep();
  EXPECT_EQ(sixth.files_anonymised, 0);
  EXPECT_GE(sixth.files_with_documents_purged, 1);
  centre = client().login("centre");
  EXPECT_EQ(contentStatus(centre, firstVersion(centre, certified)), 410);
  const auto kept = client().get("/api/v1/files/" + certified, centre).json();
  EXPECT_EQ(kept->getObject("candidate")->getValue<std::string>("family_name"),
            holder);  // a holder's identity stays
  EXPECT_TRUE(client().get("/api/v1/files/" + certified + "/audit", centre).json()->getValue<bool>("intact"));
  const auto again = sweep();
  EXPECT_EQ(again.files_anonymised + again.files_with_documents_purged + again.document_versions_purged, 0);

  // Her account, linked to no file any more, names her no more and opens nothing.
  const std::string candidates = accounts(client().login("admin"));
  EXPECT_EQ(candidates.find("Jeanne"), std::string::npos) << candidates;
  EXPECT_EQ(candidates.find("alex@example.org"), std::string::npos);

  // The log names the file and the policy, never the person.
  const std::string log = client().get("/api/v1/admin/log?limit=200", client().login("admin")).body;
  EXPECT_NE(log.find("\"action\":\"retention_identity_erased\""), std::string::npos);
  EXPECT_NE(log.find("\"action\":\"retention_documents_purged\""), std::string::npos);
  EXPECT_NE(log.find("politique de conservation"), std::string::npos);
  EXPECT_NE(log.find("dossier " + withdrawn), std::string::npos);
  EXPECT_EQ(log.find("Retirée"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RetentionSweepTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
