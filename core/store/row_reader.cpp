#include "store/row_reader.h"

namespace cqpm::store {

std::string RowReader::text(const std::string& column) const {
  const Poco::Dynamic::Var& value = rows_.value(column, row_);
  return value.isEmpty() ? std::string() : value.convert<std::string>();
}

std::optional<std::string> RowReader::optionalText(const std::string& column) const {
  const Poco::Dynamic::Var& value = rows_.value(column, row_);
  if (value.isEmpty()) return std::nullopt;
  return value.convert<std::string>();
}

std::int64_t RowReader::integer(const std::string& column) const {
  const Poco::Dynamic::Var& value = rows_.value(column, row_);
  return value.isEmpty() ? 0 : value.convert<Poco::Int64>();
}

}  // namespace cqpm::store
