#include "store/row_reader.h"

namespace cqpm::store {

std::string RowReader::text(const std::string& column) const {
  return source_.isNull(column) ? std::string() : source_.text(column);
}

std::optional<std::string> RowReader::optionalText(const std::string& column) const {
  if (source_.isNull(column)) return std::nullopt;
  return source_.text(column);
}

std::int64_t RowReader::integer(const std::string& column) const {
  return source_.isNull(column) ? 0 : source_.integer(column);
}

bool RecordSetRow::isNull(const std::string& column) const { return rows_.value(column, row_).isEmpty(); }

std::string RecordSetRow::text(const std::string& column) const {
  return rows_.value(column, row_).convert<std::string>();
}

std::int64_t RecordSetRow::integer(const std::string& column) const {
  return rows_.value(column, row_).convert<Poco::Int64>();
}

}  // namespace cqpm::store
