#include "store/database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/postgres_notices.h"
#include "store/sql_dialect.h"

namespace cqpm::store {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

namespace {

const char* connectorName(Dialect dialect) {
  return dialect == Dialect::kSqlite ? Poco::Data::SQLite::Connector::KEY.c_str()
                                     : Poco::Data::PostgreSQL::Connector::KEY.c_str();
}

void registerConnectors() {
  // Registration is idempotent and internally synchronised in Poco.
  Poco::Data::SQLite::Connector::registerConnector();
  Poco::Data::PostgreSQL::Connector::registerConnector();
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

}  // namespace

Poco::Data::Statement SqlSession::statement(std::string_view sql) {
  Poco::Data::Statement stmt(session_);
  stmt << bindPlaceholders(sql, dialect_);
  return stmt;
}

Database::Database(DatabaseUrl url, DatabaseOptions options)
    : url_(std::move(url)), options_(std::move(options)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const DatabaseUrl& url, const DatabaseOptions& options) {
  registerConnectors();
  if (!url.passfile.empty()) writePasswordFile(url);
  std::unique_ptr<Database> db(new Database(url, options));
  guarded([&] {
    db->read_pool_ = std::make_unique<Poco::Data::SessionPool>(
        connectorName(url.dialect), url.connection, 1, static_cast<int>(options.max_read_sessions), 60);
  });
  {
    std::lock_guard lock(db->writer_mutex_);
    db->writerSession();  // connect now so a bad URL fails at start, not at the first write
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

Poco::Data::Session& Database::writerSession() {
  if (writer_ && writer_->isGood()) return *writer_;
  guarded([&] {
    writer_ = std::make_unique<Poco::Data::Session>(connectorName(url_.dialect), url_.connection);
    if (url_.dialect == Dialect::kSqlite) configureSqliteWriter(*writer_);
    routePostgresNotices(*writer_);
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
    writer_.reset();
  }
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
  stats.writer_queue = writer_mutex_.queued();
  return stats;
}

}  // namespace cqpm::store
