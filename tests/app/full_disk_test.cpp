// A full disk, for real: the data folder on a small tmpfs filled to the last
// byte. Writes are refused with a JSON error, nothing half-written stays behind
// (no upload temporary, no blob, no referential version), reads go on, /readyz
// says the documents folder is not writable, and once space is freed every
// write works again.

#include <gtest/gtest.h>
#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "http/api_fixture.h"
#include "referentials_api/referential_api_fixture.h"
#include "support/instance.h"

namespace cqpm::testing {
namespace {

namespace fs = std::filesystem;

std::size_t filesUnder(const fs::path& folder) {
  std::size_t count = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
    count += it->is_regular_file() ? 1 : 0;
  return count;
}

/// Writes `path` until the file system is full; returns the bytes written.
std::size_t fillUp(const std::string& path) {
  std::ofstream filler(path, std::ios::binary);
  const std::string block(64 * 1024, 'f');
  std::size_t written = 0;
  while (filler.write(block.data(), static_cast<std::streamsize>(block.size()))) written += block.size();
  filler.close();
  std::ofstream last(path + "-tail", std::ios::binary);  // the last partial block
  while (last.put('f')) ++written;
  return written;
}

class FullDiskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = makeTempDir("cqpm-full-disk");
    if (::mount("tmpfs", dir_.c_str(), "tmpfs", 0, "size=48m") != 0) {
      GTEST_SKIP() << "cannot mount a tmpfs here (needs root): " << std::strerror(errno);
    }
    mounted_ = true;
    app::ServerConfig config = serverConfigIn(dir_ + "/data");
    config.demo = true;
    server_ = std::make_unique<app::Server>(config);
    server_->start();
  }
  void TearDown() override {
    if (server_) server_->stop();
    server_.reset();
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    fs::remove_all(dir_);
  }

  HttpClient client() const { return HttpClient(server_->port()); }

  std::string dir_;
  bool mounted_ = false;
  std::unique_ptr<app::Server> server_;
};

TEST_F(FullDiskTest, WritesAreRefusedCleanlyAndWorkAgainOnceSpaceIsFreed) {
  const auto http = client();
  const std::string centre = http.login("centre");
  const std::string auditor = http.login("gtp-salarie");
  const std::string employer = http.login("gtp-employeur");  // logging in writes too: before the disk fills
  const auto files = http.get("/api/v1/files?limit=100", centre).json()->getArray("items");
  std::string file;
  for (std::size_t i = 0; i < files->size() && file.empty(); ++i) {
    const auto item = files->getObject(static_cast<unsigned>(i));
    if (item->getValue<std::string>("state") == "registered") file = item->getValue<std::string>("id");
  }
  ASSERT_FALSE(file.empty());
  const std::string proposal = approvedFilledCode(http);  // proposed and approved while there is room
  const fs::path documents = dir_ + "/data/documents";
  const std::size_t blobs_before = filesUnder(documents / "sha256");

  ASSERT_GT(fillUp(dir_ + "/filler"), 0u);
  const std::string pdf = "%PDF-1.4\n" + std::string(300'000, 'p') + "\n%%EOF\n";
  const std::string form =
      "--b42\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nevidence\r\n"
      "--b42\r\nContent-Disposition: form-data; name=\"file\"; filename=\"preuves.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n" +
      pdf + "\r\n--b42--\r\n";
  const std::map<std::string, std::string> headers{{"Authorization", "Bearer " + centre},
                                                   {"Content-Type", "multipart/form-data; boundary=b42"}};
  const auto refused_upload = http.request("POST", "/api/v1/files/" + file + "/documents", form, headers);
  EXPECT_GE(refused_upload.status, 500) << refused_upload.body;
  EXPECT_FALSE(refused_upload.errorCode().empty()) << "a JSON error: " << refused_upload.body;
  EXPECT_EQ(filesUnder(documents / "tmp"), 0u) << "the partial upload is removed";
  EXPECT_EQ(filesUnder(documents / "sha256"), blobs_before);

  const auto refused_publish = http.postJson(proposal + "/publish", "{}", employer);
  EXPECT_GE(refused_publish.status, 500) << refused_publish.body;
  EXPECT_EQ(
      http.get("/api/v1/cqpms/fabrication-additive/versions", auditor).json()->getArray("items")->size(), 1u)
      << "no version left behind";
  EXPECT_EQ(http.get("/api/v1/files/" + file, centre).status, 200) << "reads go on";
  const auto ready = http.get("/readyz", "");
  EXPECT_EQ(ready.status, 503);
  EXPECT_EQ(ready.json()->getObject("checks")->getValue<std::string>("documents"),
            "the documents folder is not writable");

  fs::remove(dir_ + "/filler");
  fs::remove(dir_ + "/filler-tail");
  const auto uploaded = http.request("POST", "/api/v1/files/" + file + "/documents", form, headers);
  EXPECT_EQ(uploaded.status, 201) << uploaded.body;
  const auto published = http.postJson(proposal + "/publish", "{}", employer);
  EXPECT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(
      http.get("/api/v1/cqpms/fabrication-additive/versions", auditor).json()->getArray("items")->size(), 2u);
  EXPECT_EQ(http.get("/readyz", "").status, 200);
}

}  // namespace
}  // namespace cqpm::testing
