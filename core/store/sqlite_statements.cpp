#include "store/sqlite_statements.h"

#include <sqlite3.h>
#include <strings.h>

#include <optional>

#include "common/error.h"

namespace cqpm::store {

namespace {

/// Dynamic SQL (limits, lists of values written into the text) could grow the
/// cache without end: past this many statements, the idle ones are dropped.
constexpr std::size_t kMaxCachedStatements = 256;

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw Error(ErrorCode::kStorage, "database error: " + what + ": " + sqlite3_errmsg(db));
}

/// The current row of a stepped statement, its columns found by name.
class SqliteRow final : public RowSource {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}

  bool isNull(const std::string& column) const override {
    return sqlite3_column_type(stmt_, index(column)) == SQLITE_NULL;
  }
  std::string text(const std::string& column) const override {
    const int i = index(column);
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
    return bytes == nullptr ? std::string()
                            : std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)));
  }
  std::int64_t integer(const std::string& column) const override {
    return sqlite3_column_int64(stmt_, index(column));
  }

 private:
  // Readers mostly ask for the columns in the order of the SELECT, each
  // twice (is it NULL, then its value): the last one found and the one after
  // it are tried first, before a scan.
  int index(const std::string& column) const {
    const int count = sqlite3_column_count(stmt_);
    for (const int guess : {last_, last_ + 1}) {
      if (guess >= 0 && guess < count &&
          ::strcasecmp(sqlite3_column_name(stmt_, guess), column.c_str()) == 0) {
        return last_ = guess;
      }
    }
    for (int i = 0; i < count; ++i) {
      if (::strcasecmp(sqlite3_column_name(stmt_, i), column.c_str()) == 0) return last_ = i;
    }
    throw Error(ErrorCode::kStorage, "database error: the result has no column '" + column + "'");
  }

  sqlite3_stmt* stmt_;
  mutable int last_ = -1;
};

/// Leaves a statement reset and unbound whatever happens while it runs, so
/// that the cache hands it out clean next time.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~ResetOnExit() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite3_stmt* stmt_;
  mutable int last_ = -1;
};

/// Owns a statement prepared for one execution only.
class FinalizeOnExit {
 public:
  explicit FinalizeOnExit(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~FinalizeOnExit() { sqlite3_finalize(stmt_); }
  FinalizeOnExit(const FinalizeOnExit&) = delete;
  FinalizeOnExit& operator=(const FinalizeOnExit&) = delete;

 private:
  sqlite3_stmt* stmt_;
  mutable int last_ = -1;
};

}  // namespace

SqliteStatements::~SqliteStatements() {
  for (const auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
}

sqlite3_stmt* SqliteStatements::prepare(const std::string& sql) const {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK) {
    sqlite3_finalize(stmt);
    fail(db_, "cannot prepare «" + sql + "»");
  }
  return stmt;
}

sqlite3_stmt* SqliteStatements::cached(const std::string& sql) {
  if (const auto found = statements_.find(sql); found != statements_.end()) {
    return sqlite3_stmt_busy(found->second) != 0 ? nullptr : found->second;
  }
  if (statements_.size() >= kMaxCachedStatements) {
    for (auto it = statements_.begin(); it != statements_.end();) {
      if (sqlite3_stmt_busy(it->second) != 0) {
        ++it;
        continue;
      }
      sqlite3_finalize(it->second);
      it = statements_.erase(it);
    }
  }
  sqlite3_stmt* stmt = prepare(sql);
  statements_.emplace(sql, stmt);
  return stmt;
}

std::size_t SqliteStatements::run(const std::string& sql, std::span<const SqlValue> params, RowVisitor visit,
                                  void* context) {
  sqlite3_stmt* stmt = cached(sql);
  std::optional<FinalizeOnExit> own;
  if (stmt == nullptr) {
    stmt = prepare(sql);
    own.emplace(stmt);
  }
  const ResetOnExit reset(stmt);
  if (sqlite3_bind_parameter_count(stmt) != static_cast<int>(params.size())) {
    throw Error(ErrorCode::kStorage, "database error: «" + sql + "» takes " +
                                         std::to_string(sqlite3_bind_parameter_count(stmt)) +
                                         " parameters, " + std::to_string(params.size()) + " given");
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int position = static_cast<int>(i) + 1;
    int rc = SQLITE_OK;
    if (const auto* number = std::get_if<std::int64_t>(&params[i])) {
      rc = sqlite3_bind_int64(stmt, position, *number);
    } else if (const auto* text = std::get_if<std::string>(&params[i])) {
      // SQLITE_STATIC: the parameters outlive the execution, which unbinds them.
      rc = sqlite3_bind_text64(stmt, position, text->data(), text->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(stmt, position);
    }
    if (rc != SQLITE_OK) fail(db_, "cannot bind parameter " + std::to_string(position));
  }
  const SqliteRow row(stmt);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(db_, "«" + sql + "» failed");
    visit(context, RowReader(row));
  }
  return sqlite3_stmt_readonly(stmt) != 0 ? 0 : static_cast<std::size_t>(sqlite3_changes64(db_));
}

}  // namespace cqpm::store
