#include "store/postgres_statements.h"

#include <libpq-fe.h>
#include <strings.h>

#include <charconv>
#include <memory>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "store/pg_result.h"
#include "store/write_race.h"

namespace cqpm::store {

namespace {

/// Dynamic SQL could grow the set of prepared statements without end: past
/// this many, the server is told to forget ours and they are prepared again.
constexpr std::size_t kMaxPreparedStatements = 256;

[[noreturn]] void fail(PGconn* connection, const PGresult* result, const std::string& what) {
  const char* message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  std::string text = "database error: " + what + ": " + (message != nullptr ? message : "");
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (sqlstate != nullptr && isWriteRace(sqlstate)) throw WriteRace(sqlstate, text);
  throw Error(ErrorCode::kStorage, text);
}

/// One row of a result (text format), its columns found by name.
class PostgresRow final : public RowSource {
 public:
  PostgresRow(const PGresult* result, int row) : result_(result), row_(row) {}

  bool isNull(const std::string& column) const override {
    return PQgetisnull(result_, row_, index(column)) != 0;
  }
  std::string text(const std::string& column) const override {
    const int i = index(column);
    return {PQgetvalue(result_, row_, i), static_cast<std::size_t>(PQgetlength(result_, row_, i))};
  }
  std::int64_t integer(const std::string& column) const override {
    const int i = index(column);
    const char* begin = PQgetvalue(result_, row_, i);
    const char* end = begin + PQgetlength(result_, row_, i);
    std::int64_t value = 0;
    if (std::from_chars(begin, end, value).ec != std::errc()) {
      throw Error(ErrorCode::kStorage, "database error: column '" + column + "' holds «" +
                                           std::string(begin, end) + "», not an integer");
    }
    return value;
  }

 private:
  int index(const std::string& column) const {
    const int count = PQnfields(result_);
    for (int i = 0; i < count; ++i) {
      if (::strcasecmp(PQfname(result_, i), column.c_str()) == 0) return i;
    }
    throw Error(ErrorCode::kStorage, "database error: the result has no column '" + column + "'");
  }

  const PGresult* result_;
  int row_;
};

/// Rows an INSERT, UPDATE or DELETE changed (with or without RETURNING); 0 for a query.
std::size_t changedRows(const PGresult* result) {
  if (std::string_view(PQcmdStatus(const_cast<PGresult*>(result))).starts_with("SELECT")) return 0;
  const char* changed = PQcmdTuples(const_cast<PGresult*>(result));
  std::size_t count = 0;
  std::from_chars(changed, changed + std::char_traits<char>::length(changed), count);
  return count;
}

}  // namespace

PostgresStatements::PostgresStatements(pg_conn* connection)
    : connection_(connection), server_process_(PQbackendPID(connection)) {
  // PostgreSQL compiles (JIT) every plan whose estimated cost passes
  // jit_above_cost, and our statements are short: a to-do count over a
  // 100k-file centre (store/todo_store.cpp) spent 1.2 s compiling for 100 ms
  // of work. Off for the connection's lifetime, before its first statement.
  const PgResult off(PQexec(connection_, "SET jit = off"));
  if (PQresultStatus(off.get()) != PGRES_COMMAND_OK) fail(connection_, off.get(), "SET jit = off");
}

bool PostgresStatements::describes(pg_conn* connection) const {
  return connection == connection_ && PQbackendPID(connection) == server_process_;
}

const std::string& PostgresStatements::nameFor(const std::string& sql) {
  if (const auto found = names_.find(sql); found != names_.end()) return found->second;
  if (names_.size() >= kMaxPreparedStatements) {
    // Ours only: Poco's statements on this connection have names of their own.
    for (const auto& [text, name] : names_) {
      const PgResult forgotten(PQexec(connection_, ("DEALLOCATE " + name).c_str()));
      if (PQresultStatus(forgotten.get()) != PGRES_COMMAND_OK)
        fail(connection_, forgotten.get(), "DEALLOCATE");
    }
    names_.clear();
  }
  std::string name = "cqpm_" + std::to_string(next_name_++);
  const PgResult prepared(PQprepare(connection_, name.c_str(), sql.c_str(), 0, nullptr));
  if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
    fail(connection_, prepared.get(), "cannot prepare «" + sql + "»");
  return names_.emplace(sql, std::move(name)).first->second;
}

std::size_t PostgresStatements::run(const std::string& sql, std::span<const SqlValue> params,
                                    RowVisitor visit, void* context) {
  const std::string& name = nameFor(sql);
  std::vector<std::string> numbers;  // integers in text form, alive until the execution
  numbers.reserve(params.size());
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const SqlValue& param : params) {
    if (const auto* number = std::get_if<std::int64_t>(&param)) {
      values.push_back(numbers.emplace_back(std::to_string(*number)).c_str());
    } else if (const auto* text = std::get_if<std::string>(&param)) {
      values.push_back(text->c_str());
    } else {
      values.push_back(nullptr);
    }
  }
  const PgResult result(PQexecPrepared(connection_, name.c_str(), static_cast<int>(values.size()),
                                       values.data(), nullptr, nullptr, 0));
  const ExecStatusType status = PQresultStatus(result.get());
  if (status == PGRES_COMMAND_OK) return changedRows(result.get());
  if (status != PGRES_TUPLES_OK) fail(connection_, result.get(), "«" + sql + "» failed");
  const int rows = PQntuples(result.get());
  for (int i = 0; i < rows; ++i) {
    const PostgresRow row(result.get(), i);
    visit(context, RowReader(row));
  }
  return changedRows(result.get());
}

void PostgresStatements::runScript(const std::string& script) {
  const PgResult result(PQexec(connection_, script.c_str()));
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    fail(connection_, result.get(), "«" + script + "» failed");
}

bool PostgresStatements::inFailedTransaction() const {
  return PQtransactionStatus(connection_) == PQTRANS_INERROR;
}

std::string PostgresStatements::literal(const std::string& text) {
  const std::unique_ptr<char, decltype(&PQfreemem)> escaped(
      PQescapeLiteral(connection_, text.data(), text.size()), &PQfreemem);
  if (!escaped) fail(connection_, nullptr, "cannot quote a literal");
  return escaped.get();
}

}  // namespace cqpm::store
