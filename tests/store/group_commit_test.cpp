#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <stdexcept>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/organisation_store.h"
#include "support/test_database.h"

namespace cqpm::store {
namespace {

/// Concurrent writes on a real database: several share one transaction, each
/// in its own savepoint, and each caller learns its own outcome.
class GroupCommitTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    test_db_ = std::make_unique<testing::TestDatabase>(GetParam());
    CQPM_REQUIRE_BACKEND(*test_db_);
    db_ = Database::open(test_db_->databaseUrl());
    applyMigrations(*db_, embeddedMigrations(), systemClock());
  }

  static domain::Organisation organisation(int i) {
    return {"org-" + std::to_string(i), domain::OrganisationKind::kCompany,
            "Entreprise " + std::to_string(i)};
  }

  bool exists(int i) {
    return db_->read(
        [&](SqlSession& sql) { return organisation_store::find(sql, organisation(i).id).has_value(); });
  }

  /// Runs write `i` of `count` once the first write is running and holds the
  /// writer until all the others are queued, so that they form one batch.
  void writeTogether(int count, const std::function<void(SqlSession&, int)>& work,
                     std::vector<std::exception_ptr>& outcomes) {
    outcomes.assign(static_cast<std::size_t>(count), nullptr);
    std::latch first_running(1);
    std::vector<std::thread> writers;
    writers.emplace_back([&] {
      db_->write([&](SqlSession&) {
        first_running.count_down();
        for (int waited = 0;
             db_->poolStats().writer_queue < static_cast<std::uint64_t>(count) && waited < 2000; ++waited) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
      });
    });
    first_running.wait();
    for (int i = 0; i < count - 1; ++i) {
      writers.emplace_back([&, i] {
        try {
          db_->write([&](SqlSession& sql) { work(sql, i); });
        } catch (...) {
          outcomes[static_cast<std::size_t>(i)] = std::current_exception();
        }
      });
    }
    for (auto& writer : writers) writer.join();
  }

  std::unique_ptr<testing::TestDatabase> test_db_;
  std::unique_ptr<Database> db_;
};

TEST_P(GroupCommitTest, ARefusedWriteUndoesItselfAndNothingElse) {
  constexpr int kWrites = 9;
  std::vector<std::exception_ptr> outcomes;
  writeTogether(
      kWrites,
      [&](SqlSession& sql, int i) {
        organisation_store::insert(sql, organisation(i), nowIso8601(systemClock()));
        // Every third write fails after having written: its row must go, the others stay.
        if (i % 3 == 1) throw Error(ErrorCode::kVersionConflict, "refused " + std::to_string(i));
      },
      outcomes);
  for (int i = 0; i < kWrites - 1; ++i) {
    SCOPED_TRACE(i);
    const bool refused = i % 3 == 1;
    EXPECT_EQ(outcomes[static_cast<std::size_t>(i)] != nullptr, refused);
    EXPECT_EQ(exists(i), !refused);
  }
}

TEST_P(GroupCommitTest, AConstraintViolationInABatchIsThatWritesConflictOnly) {
  db_->write([&](SqlSession& sql) {
    organisation_store::insert(sql, organisation(100), nowIso8601(systemClock()));
  });
  std::vector<std::exception_ptr> outcomes;
  writeTogether(
      6,
      [&](SqlSession& sql, int i) {
        // Write 2 inserts a duplicate id: the database refuses that statement.
        organisation_store::insert(sql, organisation(i == 2 ? 100 : i), nowIso8601(systemClock()));
      },
      outcomes);
  for (int i = 0; i < 5; ++i) {
    SCOPED_TRACE(i);
    if (i == 2) {
      ASSERT_NE(outcomes[2], nullptr);
      EXPECT_THROW(std::rethrow_exception(outcomes[2]), Error);
    } else {
      EXPECT_EQ(outcomes[static_cast<std::size_t>(i)], nullptr);
      EXPECT_TRUE(exists(i));
    }
  }
}

TEST_P(GroupCommitTest, AWriteReturnsItsResultOnlyOnceCommitted) {
  std::atomic<int> seen_before_return = 0;
  std::vector<std::thread> writers;
  for (int i = 0; i < 8; ++i) {
    writers.emplace_back([&, i] {
      const std::string id = db_->write([&](SqlSession& sql) {
        organisation_store::insert(sql, organisation(i), nowIso8601(systemClock()));
        return organisation(i).id;
      });
      // Another session (a read) sees the row as soon as the write returns.
      if (db_->read([&](SqlSession& sql) { return organisation_store::find(sql, id).has_value(); })) {
        ++seen_before_return;
      }
    });
  }
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(seen_before_return.load(), 8);
}

INSTANTIATE_TEST_SUITE_P(Backends, GroupCommitTest, ::testing::ValuesIn(testing::storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::store
