#include "store/database_url.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "store/sql_dialect.h"

namespace cqpm::store {
namespace {

TEST(DatabaseUrlTest, EmptyMeansSqliteInTheDataFolder) {
  const auto url = DatabaseUrl::parse("", "/var/lib/cqpm");
  EXPECT_EQ(url.dialect, Dialect::kSqlite);
  EXPECT_EQ(url.connection, "/var/lib/cqpm/cqpm.db");
}

TEST(DatabaseUrlTest, PostgresUrlBecomesConninfoWithDecodedPassword) {
  const auto url = DatabaseUrl::parse("postgresql://cqpm:p%40ss@db.local:5433/cqpm?sslmode=require", "/d");
  EXPECT_EQ(url.dialect, Dialect::kPostgres);
  EXPECT_EQ(url.connection,
            "host='db.local' port=5433 dbname='cqpm' user='cqpm' sslmode='require' passfile='/d/.pgpass'");
  EXPECT_EQ(url.password, "p@ss");
  EXPECT_EQ(url.describe().find("p@ss"), std::string::npos);
}

TEST(DatabaseUrlTest, APasswordWithSpacesAndQuotesSurvivesAndIsMaskedWhole) {
  const auto url =
      DatabaseUrl::parse("postgresql://cqpm:mot%20de%20p%27asse%5C%20x@127.0.0.1:5432/cqpm", "/d");
  // Never in the conninfo, which Poco splits on spaces: in the password file.
  EXPECT_EQ(url.connection, "host='127.0.0.1' port=5432 dbname='cqpm' user='cqpm' passfile='/d/.pgpass'");
  EXPECT_EQ(url.password, "mot de p'asse\\ x");
  const auto query = DatabaseUrl::parse("postgresql://cqpm@127.0.0.1/cqpm?password=s%20t", "/d");
  EXPECT_EQ(query.password, "s t");
  EXPECT_EQ(query.connection.find("s t"), std::string::npos);
}

TEST(DatabaseUrlTest, RejectsUnknownSchemesNamingTheOption) {
  try {
    DatabaseUrl::parse("mysql://x/y", "/d");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_EQ(e.field(), "database");
  }
  EXPECT_THROW(DatabaseUrl::parse("postgresql://host-only", "/d"), Error);
}

TEST(SqlDialectTest, NumbersPlaceholdersForPostgresOutsideLiterals) {
  EXPECT_EQ(bindPlaceholders("a = ? AND b = '?' AND c = ?", Dialect::kPostgres),
            "a = $1 AND b = '?' AND c = $2");
  EXPECT_EQ(bindPlaceholders("a = ?", Dialect::kSqlite), "a = ?");
}

}  // namespace
}  // namespace cqpm::store
