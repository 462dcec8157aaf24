#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace cqpm::store {

/// A candidate import as stored: the checked rows and errors are JSON (see
/// imports/candidate_import_service.h for their shape).
struct StoredImport {
  std::string id;
  std::string centre_id;
  std::string created_by;
  std::optional<std::string> filename;
  std::string created_at;
  std::string state;  ///< "previewed" or "confirmed"
  std::int64_t line_count = 0;
  std::string preview_json;  ///< {"rows": [...], "errors": [...]}; rows gain file_id once confirmed
  std::optional<std::string> confirmed_at;
  std::optional<std::string> confirmed_by;
};

/// Candidate imports. Every function runs on the session it is given.
namespace import_store {

void insert(SqlSession& sql, const StoredImport& stored);
/// The import of this centre, or nullopt (another centre's is not found either).
std::optional<StoredImport> find(SqlSession& sql, const std::string& id, const std::string& centre_id);
/// previewed -> confirmed with the rows' file ids; false when it was not "previewed" any more.
bool markConfirmed(SqlSession& sql, const std::string& id, const std::string& preview_json,
                   const std::string& at, const std::string& by);

}  // namespace import_store
}  // namespace cqpm::store
