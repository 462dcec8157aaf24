#include "store/postgres_write_sessions.h"

#include <Poco/Exception.h>

#include "common/error.h"
#include "store/native_connection.h"
#include "store/postgres_notices.h"

namespace cqpm::store {

PostgresWriteSessions::PostgresWriteSessions(std::string connector, std::string connection,
                                             std::size_t max_sessions)
    : connector_(std::move(connector)), connection_(std::move(connection)), max_sessions_(max_sessions) {}

PostgresWriteSessions::Lease PostgresWriteSessions::lease(std::chrono::milliseconds wait) {
  {
    std::unique_lock lock(mutex_);
    ++waiting_;
    const bool ready =
        returned_.wait_for(lock, wait, [&] { return !idle_.empty() || open_ < max_sessions_; });
    --waiting_;
    if (!ready) throw Error(ErrorCode::kUnavailable, "the database is busy: try again in a few seconds");
    ++lent_;
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return {*this, std::move(connection)};
    }
    ++open_;  // counted now, connected below without the lock (a network round trip or more)
  }
  try {
    return {*this, connect()};
  } catch (...) {
    const std::lock_guard lock(mutex_);
    --open_;
    --lent_;
    returned_.notify_one();
    throw;
  }
}

std::unique_ptr<PostgresWriteSessions::Connection> PostgresWriteSessions::connect() {
  auto connection = std::make_unique<Connection>();
  try {
    connection->session = std::make_unique<Poco::Data::Session>(connector_, connection_);
    routePostgresNotices(*connection->session);
    connection->statements = std::make_unique<PostgresStatements>(postgresConnectionOf(*connection->session));
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kStorage, "database error: " + e.displayText());
  }
  return connection;
}

void PostgresWriteSessions::giveBack(std::unique_ptr<Connection> connection, bool discarded) {
  bool keep = !discarded;
  if (keep) {
    try {
      keep = connection->session->isGood();
    } catch (const Poco::Exception&) {
      keep = false;
    }
  }
  if (!keep) connection.reset();  // closed before the lock: a network goodbye
  const std::lock_guard lock(mutex_);
  --lent_;
  if (keep) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  returned_.notify_one();
}

std::size_t PostgresWriteSessions::inUse() {
  const std::lock_guard lock(mutex_);
  return lent_ + waiting_;
}

}  // namespace cqpm::store
