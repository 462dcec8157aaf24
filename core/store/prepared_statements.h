#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>

#include "store/row_reader.h"

namespace cqpm::store {

/// A statement parameter: NULL, an integer or a text.
using SqlValue = std::variant<std::monostate, std::int64_t, std::string>;

/// Called for each row of a result, with the caller's context.
using RowVisitor = void (*)(void* context, const RowReader& row);

/// The statements one connection has prepared, kept for as long as the
/// connection lives: each SQL text is compiled once per connection instead of
/// at every execution (compiling was most of a read's CPU, and on PostgreSQL
/// three round trips per statement instead of one). Used by one thread at a
/// time, as its connection is. Errors are Error{kStorage}.
class PreparedStatements {
 public:
  virtual ~PreparedStatements() = default;

  /// Runs `sql` (with the dialect's placeholders: see bindPlaceholders) with
  /// `params`, calls `visit(context, row)` for each result row, and returns
  /// the number of rows an INSERT, UPDATE or DELETE changed (0 for a query).
  virtual std::size_t run(const std::string& sql, std::span<const SqlValue> params, RowVisitor visit,
                          void* context) = 0;
};

}  // namespace cqpm::store
