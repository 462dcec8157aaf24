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

}  // namespace cqpm::store
