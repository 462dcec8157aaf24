#pragma once

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <cstdint>
#include <optional>
#include <string>

namespace cqpm::store {

/// Reads typed columns of a result row by name, the same way on SQLite and
/// PostgreSQL (which report integer and text types differently).
class RowReader {
 public:
  RowReader(const Poco::Data::RecordSet& rows, std::size_t row) : rows_(rows), row_(row) {}

  std::string text(const std::string& column) const;
  std::optional<std::string> optionalText(const std::string& column) const;
  std::int64_t integer(const std::string& column) const;

 private:
  const Poco::Data::RecordSet& rows_;
  std::size_t row_;
};

/// Executes `stmt` and calls `fn(const RowReader&)` for every row.
template <typename Fn>
void forEachRow(Poco::Data::Statement& stmt, Fn&& fn) {
  stmt.execute();
  Poco::Data::RecordSet rows(stmt);
  for (std::size_t i = 0; i < rows.rowCount(); ++i) fn(RowReader(rows, i));
}

}  // namespace cqpm::store
