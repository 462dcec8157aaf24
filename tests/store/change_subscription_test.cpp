#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "support/test_database.h"

namespace cqpm::store {
namespace {

/// Listeners of committed changes hear each commit's keys while their
/// subscription lives, and nothing of a write that was undone.
TEST(ChangeSubscriptionTest, ASubscriberHearsCommittedKeysUntilItsSubscriptionEnds) {
  testing::TestDatabase test_db("sqlite");
  auto db = Database::open(test_db.databaseUrl());
  std::vector<std::string> first_heard, second_heard;
  std::optional<ChangeSubscription> first = db->subscribe([&](const std::vector<std::string>& keys) {
    first_heard.insert(first_heard.end(), keys.begin(), keys.end());
  });
  ChangeSubscription second = db->subscribe([&](const std::vector<std::string>& keys) {
    second_heard.insert(second_heard.end(), keys.begin(), keys.end());
  });

  db->write([](SqlSession& sql) {
    sql.markChanged("b");
    sql.markChanged("a");
    sql.markChanged("b");
  });
  EXPECT_EQ(first_heard, (std::vector<std::string>{"a", "b"}));  // once each
  EXPECT_THROW(db->write([](SqlSession& sql) {
    sql.markChanged("undone");
    throw std::runtime_error("refused");
  }),
               std::runtime_error);
  EXPECT_EQ(first_heard.size(), 2U);

  first.reset();
  db->write([](SqlSession& sql) { sql.markChanged("c"); });
  EXPECT_EQ(first_heard.size(), 2U);
  EXPECT_EQ(second_heard, (std::vector<std::string>{"a", "b", "c"}));

  ChangeSubscription moved = std::move(second);  // the move keeps one registration
  db->write([](SqlSession& sql) { sql.markChanged("d"); });
  EXPECT_EQ(second_heard.back(), "d");
  EXPECT_EQ(second_heard.size(), 4U);
}

}  // namespace
}  // namespace cqpm::store
