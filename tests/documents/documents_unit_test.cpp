#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <gtest/gtest.h>

#include <sstream>

#include "common/error.h"
#include "documents/blob_store.h"
#include "documents/filename.h"
#include "support/test_database.h"

namespace cqpm::documents {
namespace {

TEST(BlobStoreTest, ABodyOverTheLimitIsRefusedAndLeavesNothing) {
  const std::string root = testing::makeTempDir("cqpm-blobs");
  BlobStore store(root);
  std::istringstream in(std::string(100, 'x'));
  try {
    store.receive(in, 10);
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kPayloadTooLarge);
  }
  std::size_t left = 0;
  for (Poco::DirectoryIterator it(root + "/tmp"), end; it != end; ++it) ++left;
  EXPECT_EQ(left, 0u);
  Poco::File(root).remove(true);
}

TEST(BlobStoreTest, KeepsEachContentOnceUnderItsHash) {
  const std::string root = testing::makeTempDir("cqpm-blobs");
  BlobStore store(root);
  std::istringstream first("same bytes"), second("same bytes");
  const auto a = store.receive(first, 1000);
  const auto b = store.receive(second, 1000);
  EXPECT_EQ(a.sha256, b.sha256);
  store.keep(a);
  store.keep(b);
  EXPECT_TRUE(Poco::File(store.pathOf(a.sha256)).exists());
  EXPECT_FALSE(Poco::File(b.temp_path).exists());
  Poco::File(root).remove(true);
}

TEST(FilenameTest, KeepsTheLastSegmentAndLettersWithoutWhatIsDangerous) {
  EXPECT_EQ(sanitiseFilename("../../etc/passwd"), "passwd");
  EXPECT_EQ(sanitiseFilename("C:\\Users\\Élodie\\Rapport final.pdf"), "Rapport final.pdf");
  EXPECT_EQ(sanitiseFilename("a\"b;c\r\n.pdf"), "a_b_c__.pdf");
  EXPECT_EQ(sanitiseFilename("..."), "document");
  EXPECT_EQ(sanitiseFilename(""), "document");
  const std::string longName = std::string(300, 'e') + ".docx";
  EXPECT_EQ(sanitiseFilename(longName).size(), 150u);
  EXPECT_EQ(extensionOf(sanitiseFilename(longName)), "docx");
  EXPECT_EQ(extensionOf("Photo.JPG"), "jpg");
}

// Found by tests/fuzz multipart_fuzz: an "extension" longer than the cap made the
// kept length wrap around (a read before the string, and a name past 150 bytes).
TEST(FilenameTest, ALongNameThatIsAllExtensionIsCutToo) {
  const std::string all_extension = "a." + std::string(300, 'x');
  EXPECT_EQ(sanitiseFilename(all_extension), "a." + std::string(148, 'x'));
  const std::string long_both = std::string(100, 'n') + "." + std::string(149, 'x');
  EXPECT_EQ(sanitiseFilename(long_both).size(), 150u);
  EXPECT_EQ(sanitiseFilename("r\u00e9sum\u00e9." + std::string(200, 'p')).size(), 150u);
}

TEST(FilenameTest, ContentDispositionHasAnAsciiFallbackAndTheUtf8Name) {
  EXPECT_EQ(contentDisposition("Évaluation.pdf"),
            "attachment; filename=\"__valuation.pdf\"; filename*=UTF-8''%C3%89valuation.pdf");
}

}  // namespace
}  // namespace cqpm::documents
