#pragma once

#include <Poco/Nullable.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/prepared_statements.h"

namespace cqpm::store {

/// One execution of a statement prepared once per connection (see
/// PreparedStatements), made by SqlSession::query(). Parameters are bound by
/// value, in the order of the `?` placeholders.
class Query {
 public:
  Query(PreparedStatements& statements, std::string sql) : statements_(statements), sql_(std::move(sql)) {}

  Query& bind(std::string value) {
    params_.emplace_back(std::move(value));
    return *this;
  }
  Query& bind(const char* value) { return bind(std::string(value)); }
  Query& bind(std::int64_t value) {
    params_.emplace_back(value);
    return *this;
  }
  Query& bind(int value) { return bind(static_cast<std::int64_t>(value)); }
  Query& bind(const std::optional<std::string>& value) {
    if (value) return bind(*value);
    return bindNull();
  }
  // Poco's nullable values, as the stores still declare some columns.
  Query& bind(const Poco::Nullable<std::string>& value) {
    if (value.isNull()) return bindNull();
    return bind(value.value());
  }
  Query& bind(const Poco::Nullable<std::int64_t>& value) {
    if (value.isNull()) return bindNull();
    return bind(value.value());
  }
  Query& bindNull() {
    params_.emplace_back(std::monostate());
    return *this;
  }

  /// Runs the statement and calls `fn(const RowReader&)` for every row.
  template <typename Fn>
  void forEachRow(Fn&& fn) {
    void* context = const_cast<void*>(static_cast<const void*>(std::addressof(fn)));
    statements_.run(
        sql_, params_,
        [](void* context, const RowReader& row) {
          (*static_cast<std::remove_reference_t<Fn>*>(context))(row);
        },
        context);
  }

  /// Runs the statement and returns `column` of its first row as an integer,
  /// 0 when there is no row (a COUNT, a MAX).
  std::int64_t integer(const std::string& column) {
    std::int64_t value = 0;
    bool first = true;
    forEachRow([&](const RowReader& row) {
      if (first) value = row.integer(column);
      first = false;
    });
    return value;
  }

  /// Runs the statement; returns the rows an INSERT, UPDATE or DELETE changed.
  std::size_t execute() {
    return statements_.run(
        sql_, params_, [](void*, const RowReader&) {}, nullptr);
  }

 private:
  PreparedStatements& statements_;
  std::string sql_;
  std::vector<SqlValue> params_;
};

/// Runs `query` and calls `fn(const RowReader&)` for every row.
template <typename Fn>
void forEachRow(Query& query, Fn&& fn) {
  query.forEachRow(std::forward<Fn>(fn));
}

}  // namespace cqpm::store
