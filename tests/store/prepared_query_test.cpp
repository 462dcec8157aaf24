#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "store/database.h"
#include "support/test_database.h"

namespace cqpm::store {
namespace {

/// Statements prepared once per connection and kept (SqlSession::query), on
/// a real database of each backend: what they return with new parameters each
/// time, NULLs, rows changed, errors, and the cases where the kept statement
/// cannot be reused as it is.
class PreparedQueryTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    test_db_ = std::make_unique<testing::TestDatabase>(GetParam());
    CQPM_REQUIRE_BACKEND(*test_db_);
    db_ = Database::open(test_db_->databaseUrl());
    db_->write([](SqlSession& sql) {
      sql.query("CREATE TABLE pq_items (id TEXT PRIMARY KEY, n BIGINT, note TEXT)").execute();
    });
  }

  void insert(const std::string& id, std::int64_t n, const std::optional<std::string>& note) {
    db_->write([&](SqlSession& sql) {
      sql.query("INSERT INTO pq_items (id, n, note) VALUES (?, ?, ?)").bind(id).bind(n).bind(note).execute();
    });
  }

  struct Item {
    std::string id;
    std::int64_t n = 0;
    std::optional<std::string> note;
  };

  std::vector<Item> itemsAbove(SqlSession& sql, std::int64_t above) {
    std::vector<Item> items;
    auto query = sql.query("SELECT id, n, note FROM pq_items WHERE n > ? ORDER BY id");
    query.bind(above).forEachRow([&](const RowReader& row) {
      items.push_back({row.text("id"), row.integer("n"), row.optionalText("note")});
    });
    return items;
  }

  std::unique_ptr<testing::TestDatabase> test_db_;
  std::unique_ptr<Database> db_;
};

TEST_P(PreparedQueryTest, TheSameTextRunAgainTakesItsNewParametersAndReadsNullsAsNone) {
  insert("a", 1, "première note");
  insert("b", 2, std::nullopt);
  insert("c", 3, "");
  db_->read([&](SqlSession& sql) {
    const auto all = itemsAbove(sql, 0);
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].note, "première note");
    EXPECT_EQ(all[1].note, std::nullopt);
    EXPECT_EQ(all[2].note, "");  // an empty text is not NULL
    // The kept statement, run again on the same connection with another value.
    const auto some = itemsAbove(sql, 2);
    ASSERT_EQ(some.size(), 1U);
    EXPECT_EQ(some[0].id, "c");
    EXPECT_EQ(some[0].n, 3);
    EXPECT_TRUE(itemsAbove(sql, 3).empty());
  });
}

TEST_P(PreparedQueryTest, ExecuteCountsTheRowsChangedAndAQueryNone) {
  insert("a", 1, std::nullopt);
  insert("b", 2, std::nullopt);
  insert("c", 3, std::nullopt);
  const auto changed = db_->write([](SqlSession& sql) {
    return sql.query("UPDATE pq_items SET note = ? WHERE n >= ?").bind("vu").bind(2).execute();
  });
  EXPECT_EQ(changed, 2U);
  const auto none = db_->write([](SqlSession& sql) {
    return sql.query("UPDATE pq_items SET note = ? WHERE n >= ?").bind("vu").bind(99).execute();
  });
  EXPECT_EQ(none, 0U);
  const auto read = db_->read([](SqlSession& sql) { return sql.query("SELECT id FROM pq_items").execute(); });
  EXPECT_EQ(read, 0U);
}

TEST_P(PreparedQueryTest, AQueryRunInsideTheRowsOfTheSameTextGetsItsOwnStatement) {
  insert("a", 1, std::nullopt);
  insert("b", 2, std::nullopt);
  std::vector<std::string> pairs;
  db_->read([&](SqlSession& sql) {
    for (const auto& outer : itemsAbove(sql, 0)) pairs.push_back(outer.id);
    auto query = sql.query("SELECT id, n, note FROM pq_items WHERE n > ? ORDER BY id");
    query.bind(0).forEachRow([&](const RowReader& row) {
      // The same text while the outer statement is still stepping its rows.
      for (const auto& inner : itemsAbove(sql, 0)) pairs.push_back(row.text("id") + inner.id);
    });
  });
  EXPECT_EQ(pairs, (std::vector<std::string>{"a", "b", "aa", "ab", "ba", "bb"}));
}

TEST_P(PreparedQueryTest, ErrorsAreStorageErrorsAndLeaveTheStatementUsable) {
  insert("a", 1, std::nullopt);
  try {
    insert("a", 2, std::nullopt);  // the same primary key
    FAIL() << "a duplicate key was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kStorage);
  }
  insert("b", 2, "après l'erreur");  // the same kept INSERT, reset after its failure
  db_->read([&](SqlSession& sql) { EXPECT_EQ(itemsAbove(sql, 0).size(), 2U); });

  EXPECT_THROW(db_->read([](SqlSession& sql) { return sql.query("SELECT nothing FROM nowhere").execute(); }),
               Error);
  try {
    db_->read([](SqlSession& sql) { return sql.query("SELECT id FROM pq_items WHERE n = ?").execute(); });
    FAIL() << "a missing parameter was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kStorage);
  }
  try {
    db_->read([&](SqlSession& sql) {
      sql.query("SELECT id FROM pq_items").forEachRow([](const RowReader& row) { (void)row.text("absent"); });
    });
    FAIL() << "an absent column was read";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("absent"), std::string::npos) << e.what();
  }
}

TEST_P(PreparedQueryTest, ARefusedWriteInABatchIsUndoneAndTheNextKeptStatementsStillWork) {
  insert("a", 1, std::nullopt);
  EXPECT_THROW(db_->write([](SqlSession& sql) {
    sql.query("UPDATE pq_items SET n = ? WHERE id = ?").bind(50).bind("a").execute();
    sql.query("INSERT INTO pq_items (id, n, note) VALUES (?, ?, ?)").bind("a").bind(1).bindNull().execute();
  }),
               Error);
  db_->read([&](SqlSession& sql) {
    const auto items = itemsAbove(sql, 0);
    ASSERT_EQ(items.size(), 1U);
    EXPECT_EQ(items[0].n, 1);  // the UPDATE went with its transaction
  });
  insert("b", 2, std::nullopt);
  db_->read([&](SqlSession& sql) { EXPECT_EQ(itemsAbove(sql, 0).size(), 2U); });
}

TEST_P(PreparedQueryTest, ManyDistinctTextsStayCorrectPastTheKeptLimit) {
  insert("a", 7, std::nullopt);
  db_->read([](SqlSession& sql) {
    // More distinct texts than a connection keeps (256): the oldest are dropped, none is wrong.
    for (int i = 0; i < 300; ++i) {
      std::int64_t seen = -1;
      sql.query("SELECT n + " + std::to_string(i) + " AS m FROM pq_items WHERE id = ?")
          .bind("a")
          .forEachRow([&](const RowReader& row) { seen = row.integer("m"); });
      ASSERT_EQ(seen, 7 + i);
    }
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, PreparedQueryTest, ::testing::ValuesIn(testing::storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::store
