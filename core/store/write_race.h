#pragma once

#include <string>
#include <string_view>

#include "common/error.h"

namespace cqpm::store {

/// A PostgreSQL statement that lost a race with a concurrent write, so that
/// running the whole write again is the cure: a serialization failure
/// (40001), a deadlock (40P01), or a unique key taken meanwhile (23505: two
/// writes gave the same file's next event the same number). Database::write
/// runs such a write again, a few times; to every other caller it is the
/// Error{kStorage} it derives from.
class WriteRace : public Error {
 public:
  WriteRace(std::string sqlstate, const std::string& message)
      : Error(ErrorCode::kStorage, message), sqlstate_(std::move(sqlstate)) {}

  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

/// Whether an SQLSTATE names such a race.
inline bool isWriteRace(std::string_view sqlstate) {
  return sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "23505";
}

}  // namespace cqpm::store
