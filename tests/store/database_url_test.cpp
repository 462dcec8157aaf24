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
            "host='db.local' port=5433 dbname='cqpm' user='cqpm' password='p@ss' sslmode='require'");
  EXPECT_EQ(url.describe().find("p@ss"), std::string::npos);
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
