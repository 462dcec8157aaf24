#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Data/Statement.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <span>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/error.h"
#include "store/database_url.h"
#include "store/postgres_write_sessions.h"
#include "store/prepared_statements.h"
#include "store/query.h"
#include "store/sql_dialect.h"
#include "store/write_queue.h"

namespace cqpm::store {

/// A session borrowed for one unit of work, with the dialect needed to write
/// portable SQL. Never stored beyond the callback that received it.
class SqlSession {
 public:
  /// `prepared` keeps the connection's prepared statements (query());
  /// `changed` collects the keys markChanged() names; null on a read session.
  SqlSession(Poco::Data::Session& session, Dialect dialect, PreparedStatements& prepared,
             std::vector<std::string>* changed = nullptr)
      : session_(session), dialect_(dialect), prepared_(prepared), changed_(changed) {}

  /// A statement on this session; `sql` uses `?` placeholders on every dialect.
  /// Compiled at each execution: prefer query() for what runs often.
  Poco::Data::Statement statement(std::string_view sql);
  /// The same, compiled once per connection and kept (PreparedStatements);
  /// parameters bound by value with Query::bind.
  Query query(std::string_view sql) { return {prepared_, bindPlaceholders(sql, dialect_)}; }
  Dialect dialect() const { return dialect_; }

  /// Says this write changed what `key` names (a candidate file's id): once
  /// the write commits, the database's change listeners hear of it (live
  /// streams are woken so, not by polling). Nothing when the write is undone.
  void markChanged(std::string key) {
    if (changed_ != nullptr) changed_->push_back(std::move(key));
  }

 private:
  Poco::Data::Session& session_;
  Dialect dialect_;
  PreparedStatements& prepared_;
  std::vector<std::string>* changed_;
};

/// The PostgreSQL channel on which each commit names the keys it changed,
/// space-separated after the committing Database's instanceId(), for the
/// other instances (PostgresChangeListener).
inline constexpr const char* kChangeChannel = "cqpm_changes";

/// Hears the keys of committed writes (SqlSession::markChanged), on the
/// committing thread, after the commit: must be quick and must not write.
using ChangeListener = std::function<void(const std::vector<std::string>& keys)>;

class Database;

/// A listener's registration with a Database (Database::subscribe): it hears
/// commits while this lives. Move-only.
class ChangeSubscription {
 public:
  ChangeSubscription(Database& db, std::uint64_t id) : db_(&db), id_(id) {}
  ~ChangeSubscription();
  ChangeSubscription(ChangeSubscription&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), id_(other.id_) {}
  ChangeSubscription& operator=(ChangeSubscription&& other) noexcept;
  ChangeSubscription(const ChangeSubscription&) = delete;
  ChangeSubscription& operator=(const ChangeSubscription&) = delete;

 private:
  Database* db_;
  std::uint64_t id_;
};

/// Tuning of the connection to the database.
struct DatabaseOptions {
  std::size_t max_read_sessions = 64;
  /// SQLite `synchronous`: FULL makes every acknowledged commit survive a power
  /// loss, not only a process crash (docs/lessons.md). Keep FULL in production.
  std::string sqlite_synchronous = "FULL";
  /// Most writes one transaction may carry (group commit, SQLite); 1 commits
  /// every write on its own, as the benchmark's one-fsync-per-transaction baseline.
  std::size_t max_writes_per_commit = 64;
  /// PostgreSQL: most writes running at once, each on its own connection.
  std::size_t max_write_sessions = 8;
};

/// The one gateway to SQL. Reads run on pooled sessions and may run
/// concurrently. On SQLite, writes run one batch at a time on a dedicated
/// writer session (group commit, see write()): the single writer avoids
/// busy-timeout stalls (p99 of seconds, docs/lessons.md). On PostgreSQL,
/// writes run side by side, each in its own transaction on one of a few
/// write sessions, as writes of several instances always did: the database's
/// locks, the files' version checks and the keys that number events keep them
/// correct, and a write that lost a race is run again (WriteRace).
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
    const ReadPermit permit(*this);  // released after the session is back in the pool
    Poco::Data::Session session = acquireReadSession();
    SqlSession sql(session, url_.dialect, preparedStatementsOf(session));
    return guarded([&] { return work(sql); });
  }

  /// Runs `work(SqlSession&)` in a write transaction and returns what it
  /// returns once that transaction has committed; when `work` throws, what it
  /// wrote is undone and the exception is rethrown. On SQLite concurrent
  /// writes are group-committed (see WriteQueue): each runs inside its own
  /// savepoint of a shared transaction, so one that throws never undoes
  /// another, and each caller returns only after the commit, hence the fsync,
  /// that holds its write. `work` runs on whichever caller's thread leads the
  /// batch: it must use nothing of its thread's own (no thread-locals) and
  /// nothing slow. On PostgreSQL `work` may run more than once (a WriteRace
  /// undoes the attempt and runs it again): what it keeps outside the
  /// database must be assigned, not accumulated, from one attempt to the next.
  template <typename Work>
  auto write(Work&& work) {
    using Result = decltype(work(std::declval<SqlSession&>()));
    if constexpr (std::is_void_v<Result>) {
      runWrite([&](SqlSession& sql) { work(sql); });
    } else {
      std::optional<Result> result;
      runWrite([&](SqlSession& sql) { result.emplace(work(sql)); });
      return std::move(*result);
    }
  }

  /// Has `listener` hear the keys of every commit from now until the
  /// returned subscription is destroyed (which must happen before this
  /// Database is). Thread-safe; listeners are called one at a time.
  [[nodiscard]] ChangeSubscription subscribe(ChangeListener listener);
  /// Random per Database: the first word of its PostgreSQL change
  /// notifications (PostgresChangeListener skips its own instance's).
  const std::string& instanceId() const { return instance_id_; }

  /// Runs `SELECT 1`; throws Error{kStorage} if the database does not answer.
  void ping();

  /// For metrics: read sessions in use and idle, writes holding or awaiting
  /// the writer (SQLite) or a write session (PostgreSQL).
  struct PoolStats {
    int read_busy = 0;
    int read_idle = 0;
    std::uint64_t writer_queue = 0;
  };
  PoolStats poolStats();

 private:
  /// One of the pool's max_read_sessions places, held while a read runs:
  /// Poco's pool throws when exhausted, so a burst of readers (every worker,
  /// the stream pump, the scheduler) waits here for a place instead, up to
  /// kReadWait, and only then fails with Error{kUnavailable}.
  class ReadPermit {
   public:
    explicit ReadPermit(Database& db);
    ~ReadPermit() { db_.read_places_.release(); }
    ReadPermit(const ReadPermit&) = delete;
    ReadPermit& operator=(const ReadPermit&) = delete;

   private:
    Database& db_;
  };
  static constexpr std::chrono::seconds kReadWait{10};
  /// How long a PostgreSQL write waits for a write session, and how many
  /// times a write that lost a race (WriteRace) runs in all.
  static constexpr std::chrono::seconds kWriteWait{10};
  static constexpr int kWriteAttempts = 5;

  Database(DatabaseUrl url, DatabaseOptions options);
  Poco::Data::Session acquireReadSession();
  Poco::Data::Session& writerSession();
  /// The prepared statements of a read session's connection, made on its first use.
  PreparedStatements& preparedStatementsOf(Poco::Data::Session& session);
  /// Drops the writer and its prepared statements (which SQLite must
  /// finalize before the connection closes); the next write reconnects.
  void dropWriter();
  void configureSqliteWriter(Poco::Data::Session& session);
  void rollbackQuietly(Poco::Data::Session& session);
  void rollbackQuietly(SqlSession& sql, PostgresWriteSessions::Lease& lease);
  void runWrite(const std::function<void(SqlSession&)>& work);
  void commitBatch(std::span<QueuedWrite* const> batch);
  /// PostgreSQL: `work` in a transaction of its own on a leased write
  /// session, run again after a WriteRace (at most kWriteAttempts in all).
  void runPostgresWrite(const std::function<void(SqlSession&)>& work);
  /// Tells the change listeners which keys a commit changed (each key once).
  void announce(const std::vector<std::string>& changed);
  /// The NOTIFY payloads announcing `changed` to the other instances.
  std::vector<std::string> changePayloads(const std::vector<std::string>& changed) const;

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
  const std::string instance_id_;  // random: names this process's NOTIFY payloads
  std::unique_ptr<Poco::Data::SessionPool> read_pool_;
  std::counting_semaphore<> read_places_;
  std::unique_ptr<Poco::Data::Session> writer_;  // SQLite: used by the leader of a write batch only
  // The writer's prepared statements: after writer_, so as to go before it.
  std::unique_ptr<PreparedStatements> writer_statements_;
  std::unique_ptr<WriteQueue> write_queue_;
  std::unique_ptr<PostgresWriteSessions> write_sessions_;  // PostgreSQL only
  friend class ChangeSubscription;
  void unsubscribe(std::uint64_t id);
  std::mutex listeners_mutex_;
  std::uint64_t next_listener_id_ = 0;                               // guarded by listeners_mutex_
  std::vector<std::pair<std::uint64_t, ChangeListener>> listeners_;  // guarded by listeners_mutex_
  // Each read session's prepared statements, by its driver handle. Declared
  // after the sessions so as to be destroyed before them.
  std::mutex prepared_mutex_;
  std::unordered_map<const void*, std::unique_ptr<PreparedStatements>> prepared_;
};

}  // namespace cqpm::store
