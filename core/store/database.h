#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Data/Statement.h>

#include <memory>
#include <mutex>
#include <string_view>
#include <type_traits>

#include "common/error.h"
#include "store/database_url.h"
#include "store/fifo_mutex.h"

namespace cqpm::store {

/// A session borrowed for one unit of work, with the dialect needed to write
/// portable SQL. Never stored beyond the callback that received it.
class SqlSession {
 public:
  SqlSession(Poco::Data::Session& session, Dialect dialect) : session_(session), dialect_(dialect) {}

  /// A statement on this session; `sql` uses `?` placeholders on every dialect.
  Poco::Data::Statement statement(std::string_view sql);
  Dialect dialect() const { return dialect_; }

 private:
  Poco::Data::Session& session_;
  Dialect dialect_;
};

/// Tuning of the connection to the database.
struct DatabaseOptions {
  std::size_t max_read_sessions = 64;
  /// SQLite `synchronous`: FULL makes every acknowledged commit survive a power
  /// loss, not only a process crash (docs/lessons.md). Keep FULL in production.
  std::string sqlite_synchronous = "FULL";
};

/// The one gateway to SQL. Reads run on pooled sessions and may run
/// concurrently; writes run one at a time on a dedicated writer session, inside
/// one transaction, under an in-process lock. On SQLite the single writer avoids
/// busy-timeout stalls (p99 of seconds, docs/lessons.md); on PostgreSQL it keeps the
/// same behaviour and the version checks keep several instances correct.
/// Thread-safe. Poco and driver exceptions surface as Error{kStorage}.
class Database {
 public:
  /// Opens (and for SQLite creates) the database. Throws Error{kStorage} when unreachable.
  static std::unique_ptr<Database> open(const DatabaseUrl& url, const DatabaseOptions& options = {});
  ~Database();

  Dialect dialect() const { return url_.dialect; }
  const DatabaseUrl& url() const { return url_; }

  /// Runs `work(SqlSession&)` on a read session and returns what it returns.
  template <typename Work>
  auto read(Work&& work) {
    Poco::Data::Session session = acquireReadSession();
    SqlSession sql(session, url_.dialect);
    return guarded([&] { return work(sql); });
  }

  /// Runs `work(SqlSession&)` in one write transaction: committed when `work`
  /// returns, rolled back when it throws (the exception is rethrown).
  template <typename Work>
  auto write(Work&& work) {
    std::lock_guard lock(writer_mutex_);
    Poco::Data::Session& session = writerSession();
    SqlSession sql(session, url_.dialect);
    try {
      session.begin();
      if constexpr (std::is_void_v<decltype(work(sql))>) {
        guarded([&] { work(sql); });
        guarded([&] { session.commit(); });
      } else {
        auto result = guarded([&] { return work(sql); });
        guarded([&] { session.commit(); });
        return result;
      }
    } catch (...) {
      rollbackQuietly(session);
      throw;
    }
  }

  /// Runs `SELECT 1`; throws Error{kStorage} if the database does not answer.
  void ping();

  /// For metrics: read sessions in use and idle, writes holding or awaiting the writer.
  struct PoolStats {
    int read_busy = 0;
    int read_idle = 0;
    std::uint64_t writer_queue = 0;
  };
  PoolStats poolStats();

 private:
  Database(DatabaseUrl url, DatabaseOptions options);
  Poco::Data::Session acquireReadSession();
  Poco::Data::Session& writerSession();
  void configureSqliteWriter(Poco::Data::Session& session);
  void rollbackQuietly(Poco::Data::Session& session);

  template <typename Fn>
  static auto guarded(Fn&& fn) {
    try {
      return fn();
    } catch (const Poco::Exception& e) {
      throw Error(ErrorCode::kStorage, "database error: " + e.displayText());
    }
  }

  DatabaseUrl url_;
  DatabaseOptions options_;
  std::unique_ptr<Poco::Data::SessionPool> read_pool_;
  FifoMutex writer_mutex_;
  std::unique_ptr<Poco::Data::Session> writer_;  // guarded by writer_mutex_
};

}  // namespace cqpm::store
