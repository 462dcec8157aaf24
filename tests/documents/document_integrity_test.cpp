#include <filesystem>
#include <fstream>

#include "common/sha256.h"
#include "documents/blob_store.h"
#include "http/api_fixture.h"
#include "scheduler/housekeeping.h"

// A stored document is checked against its SHA-256 each time it is served: a
// missing or damaged blob is a JSON error (never a dropped connection nor
// damaged bytes served as intact), /readyz tells when the folder is unusable,
// and housekeeping removes what no version references.

namespace cqpm::testing {
namespace {

namespace fs = std::filesystem;

class DocumentIntegrityTest : public ApiTest {
 protected:
  /// Uploads kPdf as a report of a new registered file; returns the download path of version 1.
  std::string uploadedReport(const std::string& token) {
    const std::string file = createFile(token, "Intégrité")->getValue<std::string>("id");
    EXPECT_EQ(fire(token, file, "register", 1).status, 200);
    const auto answer = upload(token, "/api/v1/files/" + file + "/documents", "report", "rapport.pdf", kPdf);
    EXPECT_EQ(answer.status, 201) << answer.body;
    return "/api/v1/documents/" + answer.json()->getValue<std::string>("id") + "/versions/1/content";
  }
  std::string blobPath() const {
    const std::string sha = sha256Hex(kPdf);
    return server_->database().dataDir() + "/documents/sha256/" + sha.substr(0, 2) + "/" + sha;
  }
};

TEST_P(DocumentIntegrityTest, AnIntactDocumentIsServedAsStored) {
  const std::string centre = client().login("centre");
  const auto answer = client().get(uploadedReport(centre), centre);
  ASSERT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body, kPdf);
}

TEST_P(DocumentIntegrityTest, AFlippedByteIsRefusedWithAJsonErrorAndAnUploadRepairsIt) {
  const std::string centre = client().login("centre");
  const std::string path = uploadedReport(centre);
  {
    std::fstream blob(blobPath(), std::ios::in | std::ios::out | std::ios::binary);
    blob.seekp(10);
    blob.put('X');
  }
  const auto damaged = client().get(path, centre);
  EXPECT_EQ(damaged.status, 503);
  EXPECT_EQ(damaged.errorCode(), "document_unavailable") << damaged.body;
  EXPECT_EQ(damaged.body.find(server_->database().dataDir()), std::string::npos)
      << "no path in public errors";
  const auto metrics = client().get("/metrics", "").body;
  EXPECT_NE(metrics.find("code=\"document_unavailable\""), std::string::npos);

  // The same bytes uploaded again replace the damaged copy.
  const std::string file = createFile(centre, "Réparation")->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, file, "register", 1).status, 200);
  ASSERT_EQ(upload(centre, "/api/v1/files/" + file + "/documents", "report", "copie.pdf", kPdf).status, 201);
  const auto repaired = client().get(path, centre);
  ASSERT_EQ(repaired.status, 200) << repaired.body;
  EXPECT_EQ(repaired.body, kPdf);
}

TEST_P(DocumentIntegrityTest, AMissingBlobIsAJsonErrorNotAClosedConnection) {
  const std::string centre = client().login("centre");
  const std::string path = uploadedReport(centre);
  fs::remove(blobPath());
  const auto missing = client().get(path, centre);
  EXPECT_EQ(missing.status, 503);
  EXPECT_EQ(missing.errorCode(), "document_unavailable") << missing.body;
}

TEST_P(DocumentIntegrityTest, ReadyzNamesAnUnwritableDocumentsFolderWithoutItsPath) {
  ASSERT_EQ(client().get("/readyz", "").json()->getValue<std::string>("status"), "ready");
  const std::string tmp = server_->database().dataDir() + "/documents/tmp";
  fs::remove_all(tmp);
  std::ofstream(tmp) << "a file where the folder was";  // writes there now fail, even as root
  const auto answer = client().get("/readyz", "");
  fs::remove(tmp);
  fs::create_directories(tmp);
  EXPECT_EQ(answer.status, 503);
  const auto checks = answer.json()->getObject("checks");
  EXPECT_EQ(checks->getValue<std::string>("documents"), "the documents folder is not writable");
  EXPECT_EQ(checks->getValue<std::string>("referentials"), "ok");
  EXPECT_EQ(checks->getValue<std::string>("database"), "ok");
  EXPECT_EQ(answer.body.find(server_->database().dataDir()), std::string::npos);
}

TEST_P(DocumentIntegrityTest, HousekeepingRemovesOldTemporariesAndUnreferencedBlobsOnly) {
  const std::string centre = client().login("centre");
  uploadedReport(centre);
  const std::string root = server_->database().dataDir() + "/documents";
  const auto two_days_ago = fs::file_time_type::clock::now() - std::chrono::hours(48);
  const std::string old_temp = root + "/tmp/interrupted-upload";
  const std::string young_temp = root + "/tmp/upload-in-progress";
  const std::string orphan = root + "/sha256/ab/ab" + std::string(62, '0');
  fs::create_directories(root + "/sha256/ab");
  for (const auto& path : {old_temp, young_temp, orphan}) std::ofstream(path) << "bytes";
  fs::last_write_time(old_temp, two_days_ago);
  fs::last_write_time(orphan, two_days_ago);
  fs::last_write_time(blobPath(), two_days_ago);  // old but referenced: kept

  const documents::BlobStore blobs(root);
  EXPECT_EQ(scheduler::purgeDocumentFiles(server_->server().database(), blobs), 2u);
  EXPECT_FALSE(fs::exists(old_temp));
  EXPECT_FALSE(fs::exists(orphan));
  EXPECT_TRUE(fs::exists(young_temp));
  EXPECT_TRUE(fs::exists(blobPath()));
}

INSTANTIATE_TEST_SUITE_P(Backends, DocumentIntegrityTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
