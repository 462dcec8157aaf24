#pragma once

#include <optional>
#include <string>

#include "store/database.h"

namespace cqpm::store {

/// The first answer to a request that carried an Idempotency-Key.
struct StoredResponse {
  int status = 200;
  std::string body;
};

/// Idempotency keys, per user. Looked up and recorded inside the write
/// transaction of the request, so a retry sees either nothing or the answer.
namespace idempotency_store {

/// The stored answer for (user, key), if any; when none, claims the key for
/// this transaction (save() must follow in it). Concurrent transactions with
/// the same key wait for the claimer and then get its answer. Throws
/// Error{kConflict, field "Idempotency-Key"} when the key was used for a
/// different request.
std::optional<StoredResponse> find(SqlSession& sql, const std::string& user_id, const std::string& key,
                                   const std::string& request_hash, const std::string& now);

void save(SqlSession& sql, const std::string& user_id, const std::string& key,
          const std::string& request_hash, const StoredResponse& response);

}  // namespace idempotency_store
}  // namespace cqpm::store
