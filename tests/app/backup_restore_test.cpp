// `cqpm backup DIR` while the server runs, then `cqpm restore DIR` into a new
// data folder: the files, their documents and the referentials (rebuilt from
// the database, same commits) are all back.

#include <gtest/gtest.h>

#include <filesystem>

#include "app/command_run.h"
#include "app/server.h"
#include "support/instance.h"
#include "support/test_database.h"

namespace cqpm::testing {
namespace {

namespace fs = std::filesystem;

const std::string kReport = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n";

std::string multipart(const std::string& bytes) {
  return "--b42\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nevidence\r\n"
         "--b42\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rapport.pdf\"\r\n"
         "Content-Type: application/pdf\r\n\r\n" +
         bytes + "\r\n--b42--\r\n";
}

TEST(BackupRestoreTest, AnOnlineBackupRestoredIntoANewFolderServesEverythingAgain) {
  TestDatabase database("sqlite");
  const std::string backup = makeTempDir("cqpm-backup") + "/generation-1";
  const std::string restored = makeTempDir("cqpm-restored");
  std::string document_path, qualite_commit, centre_files;
  {
    RunningInstance server(database);
    const auto client = server.client();
    const std::string centre = client.login("centre");
    const auto files = client.get("/api/v1/files?limit=100", centre).json();
    centre_files = std::to_string(files->getArray("items")->size());
    std::string file;  // an open file of the demo: it takes documents
    for (std::size_t i = 0; i < files->getArray("items")->size() && file.empty(); ++i) {
      const auto item = files->getArray("items")->getObject(static_cast<unsigned>(i));
      if (item->getValue<std::string>("state") == "registered") file = item->getValue<std::string>("id");
    }
    ASSERT_FALSE(file.empty()) << "no registered file in the demo";
    const auto uploaded = client.request(
        "POST", "/api/v1/files/" + file + "/documents", multipart(kReport),
        {{"Authorization", "Bearer " + centre}, {"Content-Type", "multipart/form-data; boundary=b42"}});
    ASSERT_EQ(uploaded.status, 201) << uploaded.body;
    document_path = "/api/v1/documents/" + uploaded.json()->getValue<std::string>("id") + "/versions/" +
                    std::to_string(uploaded.json()->getArray("versions")->size()) + "/content";
    qualite_commit = server.server.referentials().current("qualite").commit_id;

    // Online: the server keeps running.
    const CommandRun made = runCqpm({"backup", backup, "--data", database.dataDir()});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_NE(made.out.find("integrity ok"), std::string::npos) << made.out;
    EXPECT_TRUE(fs::exists(backup + "/cqpm.db"));
    // A folder a server holds is never restored over.
    const CommandRun busy = runCqpm({"restore", backup, "--data", database.dataDir()});
    EXPECT_EQ(busy.exit_code, 1);
    EXPECT_NE(busy.err.find("in use by another cqpm server"), std::string::npos) << busy.err;
  }
  // Nor a folder that still has its database.
  const CommandRun over = runCqpm({"restore", backup, "--data", database.dataDir()});
  EXPECT_EQ(over.exit_code, 1);
  EXPECT_NE(over.err.find("move it away first"), std::string::npos) << over.err;
  // Into an existing, non-empty backup folder: refused too.
  EXPECT_EQ(runCqpm({"backup", backup, "--data", database.dataDir()}).exit_code, 1);

  const CommandRun put_back = runCqpm({"restore", backup, "--data", restored});
  ASSERT_EQ(put_back.exit_code, 0) << put_back.err;
  app::ServerConfig config = instanceConfig(database, restored);
  config.database_url.clear();  // the restored folder's own cqpm.db
  app::Server again(config);
  again.start();
  const HttpClient client(again.port());
  const std::string centre = client.login("centre");
  EXPECT_EQ(std::to_string(client.get("/api/v1/files?limit=100", centre).json()->getArray("items")->size()),
            centre_files);
  const auto document = client.get(document_path, centre);
  ASSERT_EQ(document.status, 200) << document.body;
  EXPECT_EQ(document.body, kReport);
  EXPECT_EQ(again.referentials().current("qualite").commit_id, qualite_commit);
  again.stop();
  fs::remove_all(fs::path(backup).parent_path());
  fs::remove_all(restored);
}

TEST(BackupRestoreTest, BadArgumentsAreAUsageError) {
  EXPECT_EQ(runCqpm({"backup"}).exit_code, 2);
  EXPECT_EQ(runCqpm({"restore", "a", "b"}).exit_code, 2);
  const std::string dir = makeTempDir("cqpm-restore");
  const CommandRun missing = runCqpm({"restore", dir, "--data", dir + "/data"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("holds no cqpm.db"), std::string::npos) << missing.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cqpm::testing
