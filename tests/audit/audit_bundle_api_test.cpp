// A certified candidate's file taken away as a signed zip (GET /files/{id}/audit-bundle) and
// checked offline with the key the platform publishes (GET /.well-known/jwks.json): intact as
// served; one byte changed and `cqpm audit verify-bundle` names the item.

#include <Poco/JSON/Object.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Zip/ZipArchive.h>

#include <fstream>
#include <sstream>

#include "app/audit_command.h"
#include "app/command_run.h"
#include "audit/audit_bundle.h"
#include "audit/zip_items.h"
#include "juries/jury_fixture.h"

namespace cqpm::testing {
namespace {

class AuditBundleApiTest : public JuryApiTest {
 protected:
  /// A file certified by a published session, with its report uploaded.
  std::string certifiedFile() {
    const std::string id = readyFile("Audité", "vae");
    const std::string session = openSession({id});
    EXPECT_EQ(decide(session, id, R"({"outcome":"certified"})").status, 201);
    publishSession(session);
    return id;
  }

  static std::set<std::string> itemsOf(const std::string& zip) {
    std::istringstream in(zip);
    const Poco::Zip::ZipArchive archive(in);
    std::set<std::string> names;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) names.insert(it->first);
    return names;
  }
};

TEST_P(AuditBundleApiTest, TheBundleHoldsTheWholeFileAndVerifiesWithThePublishedKey) {
  const std::string id = certifiedFile();
  const auto bundle = client().get("/api/v1/files/" + id + "/audit-bundle", centre_);
  ASSERT_EQ(bundle.status, 200) << bundle.body;
  EXPECT_EQ(bundle.headers.at("content-type"), "application/zip");
  EXPECT_NE(bundle.headers.at("content-disposition").find("audit-" + id + ".zip"), std::string::npos);

  const std::set<std::string> items = itemsOf(bundle.body);
  for (const char* expected :
       {"manifest.json", "manifest.sig", "platform-key.pem", "file.json", "events.json", "plan.json",
        "evaluation.json", "decisions.json", "documents.json", "archive.pdf"}) {
    EXPECT_TRUE(items.count(expected)) << expected;
  }
  const auto starts = [&](const std::string& prefix) {
    return std::any_of(items.begin(), items.end(),
                       [&](const std::string& item) { return item.rfind(prefix, 0) == 0; });
  };
  EXPECT_TRUE(starts("documents/")) << "the report";
  EXPECT_TRUE(starts("minutes/"));
  EXPECT_TRUE(starts("awards/"));
  EXPECT_TRUE(starts("referential/qualite@"));

  std::istringstream in(bundle.body);
  const audit::BundleCheck check = audit::verifyBundle(in, publishedKey());
  EXPECT_TRUE(check.intact());
  EXPECT_EQ(check.file_id, id);
  for (const auto& problem : check.problems) ADD_FAILURE() << problem.item << ": " << problem.problem;

  // The GTP, under whose control the jury decided, takes the same file away, and writes nothing on it.
  const std::string gtp = client().login("gtp-employeur");
  const auto audited = client().get("/api/v1/files/" + id + "/audit-bundle", gtp);
  ASSERT_EQ(audited.status, 200) << audited.body;
  EXPECT_EQ(itemsOf(audited.body), items);
  std::istringstream audited_in(audited.body);
  EXPECT_TRUE(audit::verifyBundle(audited_in, publishedKey()).intact());
  const auto comment = client().postJson("/api/v1/files/" + id + "/comments", R"({"body":"Vu."})", gtp);
  EXPECT_EQ(comment.status, 403) << comment.body;
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/audit-bundle", client().login("gtp-admin")).status, 403);
}

TEST_P(AuditBundleApiTest, TheCommandLineNamesTheItemATamperedBundleChanged) {
  const std::string id = certifiedFile();
  const std::string zip = client().get("/api/v1/files/" + id + "/audit-bundle", centre_).body;
  Poco::TemporaryFile key_file, intact_file, tampered_file;
  std::ofstream(key_file.path()) << publishedKey().pem();
  std::ofstream(intact_file.path(), std::ios::binary) << zip;

  const auto verify = [&](const std::string& path) {
    std::ostringstream out;
    std::ostringstream err;
    const int code =
        app::runAuditCommand({"audit", "verify-bundle", path, "--public-key", key_file.path()}, {}, out, err);
    return std::tuple{code, out.str(), err.str()};
  };
  const auto [intact_code, intact_out, intact_err] = verify(intact_file.path());
  EXPECT_EQ(intact_code, app::kAuditIntact) << intact_out << intact_err;
  EXPECT_NE(intact_out.find("every item is as signed"), std::string::npos) << intact_out;

  // The jury's decision rewritten inside the zip: the item is named, the rest still checks.
  auto items = zipItems(zip);
  const std::size_t at = items["decisions.json"].find("certified");
  ASSERT_NE(at, std::string::npos);
  items["decisions.json"].replace(at, 9, "revoked__");
  std::ofstream(tampered_file.path(), std::ios::binary) << zipOf(items);
  const auto [code, out, err] = verify(tampered_file.path());
  EXPECT_EQ(code, app::kAuditBroken) << out << err;
  EXPECT_NE(err.find("BROKEN decisions.json: altered"), std::string::npos) << err;
  EXPECT_EQ(err.find("BROKEN manifest.json"), std::string::npos) << err;

  // The real binary takes the same arguments (no data folder needed).
  const CommandRun run =
      runCqpm({"audit", "verify-bundle", intact_file.path(), "--public-key", key_file.path()});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
}

TEST_P(AuditBundleApiTest, OnlyTheFilesCoordinatorsTakeAwayAFileNoJuryHasSeen) {
  const std::string id = createFile(centre_, "Privé")->getValue<std::string>("id");
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/audit-bundle", centre_).status, 200);
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/audit-bundle", client().login("centre2")).status, 404);
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/audit-bundle", client().login("gtp-employeur")).status,
            404);
  EXPECT_EQ(client().get("/api/v1/files/" + id, client().login("gtp-employeur")).status, 404);
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/audit-bundle", client().login("entreprise")).status, 403);
  EXPECT_EQ(client().get("/api/v1/files/" + id + "/audit-bundle", "").status, 401);
  EXPECT_EQ(client().get("/api/v1/files/no-such-file/audit-bundle", centre_).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditBundleApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
