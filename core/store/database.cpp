#include "store/database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Logger.h>
#include <Poco/UUIDGenerator.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <thread>

#include "store/native_connection.h"
#include "store/postgres_notices.h"
#include "store/postgres_statements.h"
#include "store/sql_dialect.h"
#include "store/sqlite_statements.h"
#include "store/write_race.h"

namespace cqpm::store {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

namespace {

const char* connectorName(Dialect dialect) {
  return dialect == Dialect::kSqlite ? Poco::Data::SQLite::Connector::KEY.c_str()
                                     : Poco::Data::PostgreSQL::Connector::KEY.c_str();
}

/// SQLite's process-wide settings, before its first connection: no memory
/// statistics, whose one global mutex every allocation of every connection
/// took (under 16 concurrent reads, threads spent more time waking each other
/// on it than compiling SQL). Once per process; later calls change nothing.
bool configureSqliteLibrary() {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE once initialised: harmless
  return true;
}

void registerConnectors() {
  [[maybe_unused]] static const bool sqlite_configured = configureSqliteLibrary();
  // Registration is idempotent and internally synchronised in Poco.
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::PostgreSQL::Connector::registerConnector();
}

/// Pooled read sessions the pool keeps open however long they stay idle.
/// SQLite's all stay: their prepared statements must be finalized before they
/// close, which Poco's pool would do behind our back (it closes only idle
/// sessions beyond this minimum). PostgreSQL's beyond one close after a
/// minute idle (PostgresStatements notices a new connection at the same address).
int readSessionsKeptOpen(Dialect dialect, std::size_t max_read_sessions) {
  return dialect == Dialect::kSqlite ? static_cast<int>(max_read_sessions) : 1;
}

/// Writes libpq's password file for `url` (any host, port, database and user:
/// the file is this server's alone), readable by its owner only.
void writePasswordFile(const DatabaseUrl& url) {
  std::string escaped;
  for (char c : url.password) {
    if (c == '\\' || c == ':') escaped += '\\';
    escaped += c;
  }
  const int fd = ::open(url.passfile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(ErrorCode::kStorage, "cannot write the database password file " + url.passfile);
  const std::string line = "*:*:*:*:" + escaped + "\n";
  const bool written =
      ::fchmod(fd, 0600) == 0 && ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!written) throw Error(ErrorCode::kStorage, "cannot write the database password file " + url.passfile);
}

/// A key named by several writes (or twice by one) is announced once.
void keepEachOnce(std::vector<std::string>& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

/// A pause before running again a write that lost a race, growing with the
/// attempts and drawn at random so that the racers do not meet again.
void pauseBeforeAttempt(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  const int most_ms = 1 << std::min(attempt, 6);
  std::this_thread::sleep_for(std::chrono::microseconds(random() % (most_ms * 1000)));
}

}  // namespace

Poco::Data::Statement SqlSession::statement(std::string_view sql) {
  Poco::Data::Statement stmt(session_);
  stmt << bindPlaceholders(sql, dialect_);
  return stmt;
}

Database::ReadPermit::ReadPermit(Database& db) : db_(db) {
  if (!db_.read_places_.try_acquire_for(kReadWait)) {
    throw Error(ErrorCode::kUnavailable, "the database is busy: try again in a few seconds");
  }
}

Database::Database(DatabaseUrl url, DatabaseOptions options)
    : url_(std::move(url)),
      options_(std::move(options)),
      instance_id_(Poco::UUIDGenerator::defaultGenerator().createRandom().toString()),
      read_places_(static_cast<std::ptrdiff_t>(std::max<std::size_t>(options_.max_read_sessions, 1))),
      write_queue_(std::make_unique<WriteQueue>(
          options_.max_writes_per_commit,
          [this](std::span<QueuedWrite* const> batch) { commitBatch(batch); })) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const DatabaseUrl& url, const DatabaseOptions& options) {
  registerConnectors();
  if (!url.passfile.empty()) writePasswordFile(url);
  std::unique_ptr<Database> db(new Database(url, options));
  guarded([&] {
    db->read_pool_ = std::make_unique<Poco::Data::SessionPool>(
        connectorName(url.dialect), url.connection,
        readSessionsKeptOpen(url.dialect, options.max_read_sessions),
        static_cast<int>(options.max_read_sessions), 60);
  });
  // Connect the writer now so that a bad URL fails at start, not at the first write.
  if (url.dialect == Dialect::kSqlite) {
    db->writerSession();
  } else {
    db->write_sessions_ = std::make_unique<PostgresWriteSessions>(
        connectorName(url.dialect), url.connection, std::max<std::size_t>(options.max_write_sessions, 1));
    [[maybe_unused]] const auto first = db->write_sessions_->lease(kWriteWait);
  }
  db->ping();
  return db;
}

Poco::Data::Session Database::acquireReadSession() {
  return guarded([&] {
    Poco::Data::Session session = read_pool_->get();
    if (url_.dialect == Dialect::kPostgres) routePostgresNotices(session);
    return session;
  });
}

PreparedStatements& Database::preparedStatementsOf(Poco::Data::Session& session) {
  const std::lock_guard lock(prepared_mutex_);
  if (url_.dialect == Dialect::kSqlite) {
    sqlite3* connection = guarded([&] { return sqliteConnectionOf(session); });
    auto& statements = prepared_[connection];
    if (!statements) statements = std::make_unique<SqliteStatements>(connection);
    return *statements;
  }
  pg_conn* connection = guarded([&] { return postgresConnectionOf(session); });
  auto& statements = prepared_[connection];
  if (!statements || !static_cast<PostgresStatements&>(*statements).describes(connection)) {
    statements = std::make_unique<PostgresStatements>(connection);
  }
  return *statements;
}

void Database::dropWriter() {
  writer_statements_.reset();  // SQLite finalizes them: before their connection closes
  writer_.reset();
}

Poco::Data::Session& Database::writerSession() {
  if (writer_ && writer_->isGood()) return *writer_;
  dropWriter();
  guarded([&] {
    writer_ = std::make_unique<Poco::Data::Session>(connectorName(url_.dialect), url_.connection);
    if (url_.dialect == Dialect::kSqlite) configureSqliteWriter(*writer_);
    routePostgresNotices(*writer_);
    if (url_.dialect == Dialect::kSqlite) {
      writer_statements_ = std::make_unique<SqliteStatements>(sqliteConnectionOf(*writer_));
    } else {
      writer_statements_ = std::make_unique<PostgresStatements>(postgresConnectionOf(*writer_));
    }
  });
  return *writer_;
}

void Database::configureSqliteWriter(Poco::Data::Session& session) {
  // WAL lets readers run while the writer commits; the journal mode is stored
  // in the file, the other settings are per connection.
  std::string mode;
  session << "PRAGMA journal_mode=WAL", into(mode), now;
  if (mode != "wal") throw Error(ErrorCode::kStorage, "SQLite refused WAL mode (got '" + mode + "')");
  session << "PRAGMA synchronous=" + options_.sqlite_synchronous, now;
  session << "PRAGMA foreign_keys=ON", now;
  session << "PRAGMA busy_timeout=5000", now;
}

void Database::rollbackQuietly(Poco::Data::Session& session) {
  try {
    if (session.isTransaction()) session.rollback();
  } catch (const Poco::Exception&) {
    // The connection is broken: drop it, the next write reconnects.
    dropWriter();
  }
}

void Database::runWrite(const std::function<void(SqlSession&)>& work) {
  if (url_.dialect == Dialect::kPostgres) {
    runPostgresWrite(work);
  } else {
    write_queue_->submit(work);
  }
}

void Database::runPostgresWrite(const std::function<void(SqlSession&)>& work) {
  for (int attempt = 1;; ++attempt) {
    std::vector<std::string> changed;
    bool lost_race = false;
    {
      PostgresWriteSessions::Lease lease = write_sessions_->lease(kWriteWait);
      SqlSession sql(lease.session(), url_.dialect, lease.statements(), &changed);
      try {
        // Kept statements: one round trip each.
        sql.query("BEGIN").execute();
        guarded([&] { work(sql); });
        if (lease.statements().inFailedTransaction()) {
          // The work caught a statement's failure and went on: COMMIT would
          // quietly roll everything back, and the caller believe it written.
          throw Error(ErrorCode::kStorage,
                      "database error: a statement of this write failed and the write went on; nothing of it "
                      "was kept");
        }
        keepEachOnce(changed);
        // The other instances hear of the changed keys by NOTIFY, which
        // PostgreSQL delivers when, and only if, the transaction commits:
        // sent with the COMMIT, in the same round trip.
        std::string notify_and_commit;
        for (const auto& payload : changePayloads(changed)) {
          notify_and_commit += "SELECT pg_notify('" + std::string(kChangeChannel) + "', " +
                               lease.statements().literal(payload) + "); ";
        }
        lease.statements().runScript(notify_and_commit + "COMMIT");
      } catch (const WriteRace& race) {
        rollbackQuietly(sql, lease);
        if (attempt == kWriteAttempts) throw;
        Poco::Logger::get("database")
            .information("a write lost a race (SQLSTATE %s), attempt %d: running it again", race.sqlstate(),
                         attempt);
        lost_race = true;
      } catch (...) {
        rollbackQuietly(sql, lease);
        throw;
      }
    }
    if (lost_race) {
      pauseBeforeAttempt(attempt);  // the session given back meanwhile
      continue;
    }
    announce(changed);
    return;
  }
}

void Database::rollbackQuietly(SqlSession& sql, PostgresWriteSessions::Lease& lease) {
  try {
    sql.query("ROLLBACK").execute();
  } catch (const std::exception&) {
    lease.discard();  // the connection is broken: the next write opens another
  }
}

void Database::commitBatch(std::span<QueuedWrite* const> batch) {
  Poco::Data::Session* session = nullptr;
  std::vector<std::string> changed;
  try {
    session = &writerSession();
    SqlSession sql(*session, url_.dialect, *writer_statements_, &changed);
    guarded([&] { session->begin(); });
    if (batch.size() == 1) {
      // Alone: no savepoint, the transaction is the write's own.
      guarded([&] { (*batch.front()->work)(sql); });
    } else {
      for (QueuedWrite* write : batch) {
        const std::size_t changed_before = changed.size();
        // Kept statements: through Poco each of the three would be compiled
        // anew, and on PostgreSQL take three round trips instead of one.
        sql.query("SAVEPOINT queued_write").execute();
        try {
          guarded([&] { (*write->work)(sql); });
        } catch (...) {
          write->error = std::current_exception();
          changed.resize(changed_before);
          // Undoes this write only; should that fail, the outer catch fails the batch.
          sql.query("ROLLBACK TO SAVEPOINT queued_write").execute();
        }
        sql.query("RELEASE SAVEPOINT queued_write").execute();
      }
    }
    keepEachOnce(changed);
    guarded([&] { session->commit(); });
  } catch (...) {
    if (session != nullptr) rollbackQuietly(*session);
    // Nothing of the batch committed: every write not already refused fails with it.
    for (QueuedWrite* write : batch) {
      if (!write->error) write->error = std::current_exception();
    }
    return;
  }
  announce(changed);
}

void Database::announce(const std::vector<std::string>& changed) {
  if (changed.empty()) return;
  const std::lock_guard lock(listeners_mutex_);
  for (const auto& [id, listener] : listeners_) {
    try {
      listener(changed);
    } catch (const std::exception& e) {
      // The writes are committed: a listener's failure must not report them failed.
      Poco::Logger::get("database").error("a change listener failed: %s", std::string(e.what()));
    }
  }
}

ChangeSubscription Database::subscribe(ChangeListener listener) {
  const std::lock_guard lock(listeners_mutex_);
  const std::uint64_t id = next_listener_id_++;
  listeners_.emplace_back(id, std::move(listener));
  return {*this, id};
}

void Database::unsubscribe(std::uint64_t id) {
  const std::lock_guard lock(listeners_mutex_);
  std::erase_if(listeners_, [id](const auto& entry) { return entry.first == id; });
}

ChangeSubscription::~ChangeSubscription() {
  if (db_ != nullptr) db_->unsubscribe(id_);
}

ChangeSubscription& ChangeSubscription::operator=(ChangeSubscription&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) db_->unsubscribe(id_);
    db_ = std::exchange(other.db_, nullptr);
    id_ = other.id_;
  }
  return *this;
}

std::vector<std::string> Database::changePayloads(const std::vector<std::string>& changed) const {
  // Each payload starts with this instance's id, so that its own listener
  // skips what the change listeners already heard, and stays under
  // PostgreSQL's 8,000-byte limit.
  std::vector<std::string> payloads;
  std::string payload = instance_id_;
  for (const auto& key : changed) {
    if (payload.size() + key.size() + 1 > 7000) payloads.push_back(std::exchange(payload, instance_id_));
    payload += ' ';
    payload += key;
  }
  if (payload.size() > instance_id_.size()) payloads.push_back(std::move(payload));
  return payloads;
}

void Database::ping() {
  read([](SqlSession& sql) {
    Poco::Int64 one = 0;
    auto stmt = sql.statement("SELECT 1");
    stmt, into(one);
    stmt.execute();
    if (one != 1) throw Error(ErrorCode::kStorage, "database answered SELECT 1 with " + std::to_string(one));
  });
}

Database::PoolStats Database::poolStats() {
  PoolStats stats;
  stats.read_busy = read_pool_->used();
  stats.read_idle = read_pool_->idle();
  stats.writer_queue = write_sessions_ ? write_sessions_->inUse() : write_queue_->queued();
  return stats;
}

}  // namespace cqpm::store
