#include "scheduler/housekeeping.h"

#include "notifications/notify_fixture.h"
#include "store/account_store.h"

// The scheduler's housekeeping: expired sessions and old idempotency keys go,
// live ones stay.

namespace cqpm::testing {
namespace {

using Poco::Data::Keywords::use;

class HousekeepingTest : public NotifyTest {};

TEST_P(HousekeepingTest, ExpiredSessionsAndOldIdempotencyKeysArePurged) {
  const std::string centre = client().login("centre");
  const std::string user_id = client().get("/api/v1/me", centre).json()->getValue<std::string>("id");
  auto& db = app().database();
  db.write([&](store::SqlSession& sql) {
    store::account_store::insertSession(sql, std::string(64, 'e'), user_id, "2020-01-01T00:00:00.000000Z",
                                        "2020-01-01T12:00:00.000000Z");
    std::string user = user_id, key = "old-key", hash = "h", body = "{}", at = "2020-01-01T00:00:00.000000Z";
    Poco::Int64 status = 200;
    auto stmt = sql.statement(
        "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, response_body, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)");
    stmt, use(user), use(key), use(hash), use(status), use(body), use(at);
    stmt.execute();
  });
  ASSERT_EQ(fire(centre, createFile(centre)->getValue<std::string>("id"), "register", 1, "{}",
                 {{"Idempotency-Key", "fresh-key"}})
                .status,
            200);

  const auto purged = scheduler::purgeExpired(db, Poco::Timestamp());
  EXPECT_EQ(purged.sessions, 1);
  EXPECT_EQ(purged.idempotency_keys, 1);
  EXPECT_EQ(client().get("/api/v1/me", centre).status, 200);  // the live session stays
  EXPECT_EQ(scheduler::purgeExpired(db, Poco::Timestamp()).sessions, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, HousekeepingTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
