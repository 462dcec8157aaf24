#pragma once

#include <Poco/Data/Session.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/postgres_statements.h"

namespace cqpm::store {

/// PostgreSQL's write connections: up to `max_sessions` of them, each with its
/// prepared statements, lent to one write at a time, so that writes run side
/// by side and the database's own locks order them (Database::write). Opened
/// on demand and kept open; one found broken is closed and replaced.
/// Thread-safe.
class PostgresWriteSessions {
 public:
  /// One open write connection and its kept statements.
  struct Connection {
    std::unique_ptr<Poco::Data::Session> session;
    // After the session, so as to go before it.
    std::unique_ptr<PostgresStatements> statements;
  };

  /// A connection lent to one write; given back when the lease goes, or
  /// closed instead when discard() said it may be broken.
  class Lease {
   public:
    Lease(PostgresWriteSessions& owner, std::unique_ptr<Connection> connection)
        : owner_(owner), connection_(std::move(connection)) {}
    ~Lease() { owner_.giveBack(std::move(connection_), discarded_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    Poco::Data::Session& session() { return *connection_->session; }
    PostgresStatements& statements() { return *connection_->statements; }
    /// The connection failed mid-way: close it rather than lend it again.
    void discard() { discarded_ = true; }

   private:
    PostgresWriteSessions& owner_;
    std::unique_ptr<Connection> connection_;
    bool discarded_ = false;
  };

  PostgresWriteSessions(std::string connector, std::string connection, std::size_t max_sessions);

  /// A connection for one write: an idle one, a new one while fewer than
  /// max_sessions are open, else the first given back within `wait`.
  /// Throws Error{kUnavailable} past `wait`, Error{kStorage} when the
  /// database cannot be reached.
  Lease lease(std::chrono::milliseconds wait);

  /// Writes holding a connection or waiting for one (for metrics; a snapshot).
  std::size_t inUse();

 private:
  std::unique_ptr<Connection> connect();
  void giveBack(std::unique_ptr<Connection> connection, bool discarded);

  const std::string connector_;
  const std::string connection_;
  const std::size_t max_sessions_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
  std::size_t open_ = 0;                           // guarded by mutex_: idle and lent
  std::size_t lent_ = 0;                           // guarded by mutex_
  std::size_t waiting_ = 0;                        // guarded by mutex_
};

}  // namespace cqpm::store
