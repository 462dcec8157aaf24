#include <Poco/URI.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "common/error.h"
#include "store/database.h"
#include "support/test_database.h"

// A database password may hold any character (here a space, a quote, a colon
// and a backslash) when given URL-encoded: the server connects with it, on the
// test cluster's one role that must give its password (tests/support/postgres_cluster.sh).

namespace cqpm::testing {
namespace {

std::string secretRoleUrl(const std::string& password) {
  TestDatabase probe("postgresql");
  if (!probe.available()) return "";
  const Poco::URI cluster(probe.url());
  std::string encoded;
  Poco::URI::encode(password, ":/?#[]@!$&'()*+,;=% \\", encoded);
  return "postgresql://cqpm_secret:" + encoded + "@" + cluster.getHost() + ":" +
         std::to_string(cluster.getPort()) + "/postgres";
}

TEST(PostgresPasswordTest, APasswordWithSpacesQuotesAndColonsConnects) {
  const std::string url = secretRoleUrl("mot de p'asse:\\x");
  if (url.empty()) GTEST_SKIP() << "no PostgreSQL test cluster";
  const std::string dir = makeTempDir("cqpm-pgpass");
  const auto db = store::Database::open(store::DatabaseUrl::parse(url, dir));
  EXPECT_NO_THROW(db->ping());
  EXPECT_EQ(std::filesystem::status(dir + "/.pgpass").permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  const std::string wrong = secretRoleUrl("mot de passe");
  try {
    store::Database::open(store::DatabaseUrl::parse(wrong, dir));
    ADD_FAILURE() << "connected with a wrong password";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kStorage);
    EXPECT_EQ(std::string(e.what()).find("mot de passe"), std::string::npos) << "no password in errors";
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cqpm::testing
