#include "store/sql_dialect.h"

namespace cqpm::store {

std::string bindPlaceholders(std::string_view sql, Dialect dialect) {
  if (dialect == Dialect::kSqlite) return std::string(sql);
  std::string out;
  out.reserve(sql.size() + 16);
  bool in_literal = false;
  int next = 1;
  for (char c : sql) {
    if (c == '\'') in_literal = !in_literal;
    if (c == '?' && !in_literal) {
      out += '$';
      out += std::to_string(next++);
    } else {
      out += c;
    }
  }
  return out;
}

std::string epochSecondsOf(std::string_view timestamp, Dialect dialect) {
  const std::string expression(timestamp);
  if (dialect == Dialect::kSqlite) return "CAST(strftime('%s', " + expression + ") AS BIGINT)";
  // A TIMESTAMP (without time zone) ignores the trailing Z: stored times are all UTC.
  return "CAST(FLOOR(EXTRACT(EPOCH FROM CAST(" + expression + " AS TIMESTAMP))) AS BIGINT)";
}

}  // namespace cqpm::store
