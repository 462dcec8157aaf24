#pragma once

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <cstdint>
#include <optional>
#include <string>

namespace cqpm::store {

/// One result row as a driver holds it, its columns found by name
/// (case-insensitively, as Poco's RecordSet finds them).
class RowSource {
 public:
  virtual ~RowSource() = default;
  virtual bool isNull(const std::string& column) const = 0;
  /// The column as text; only called when it is not null.
  virtual std::string text(const std::string& column) const = 0;
  /// The column as an integer; only called when it is not null.
  virtual std::int64_t integer(const std::string& column) const = 0;
};

/// Reads typed columns of a result row by name, the same way on SQLite and
/// PostgreSQL (which report integer and text types differently), whether the
/// row comes from a Poco statement or a prepared Query.
class RowReader {
 public:
  explicit RowReader(const RowSource& source) : source_(source) {}

  std::string text(const std::string& column) const;
  std::optional<std::string> optionalText(const std::string& column) const;
  std::int64_t integer(const std::string& column) const;

 private:
  const RowSource& source_;
};

/// A row of a Poco RecordSet as a RowSource.
class RecordSetRow final : public RowSource {
 public:
  RecordSetRow(const Poco::Data::RecordSet& rows, std::size_t row) : rows_(rows), row_(row) {}
  bool isNull(const std::string& column) const override;
  std::string text(const std::string& column) const override;
  std::int64_t integer(const std::string& column) const override;

 private:
  const Poco::Data::RecordSet& rows_;
  std::size_t row_;
};

/// Executes `stmt` and calls `fn(const RowReader&)` for every row.
template <typename Fn>
void forEachRow(Poco::Data::Statement& stmt, Fn&& fn) {
  stmt.execute();
  Poco::Data::RecordSet rows(stmt);
  for (std::size_t i = 0; i < rows.rowCount(); ++i) {
    const RecordSetRow row(rows, i);
    fn(RowReader(row));
  }
}

}  // namespace cqpm::store
