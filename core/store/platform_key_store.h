#pragma once

#include <optional>
#include <string>

#include "store/database.h"

namespace cqpm::store {

/// A stored signing key of the platform (migration 26).
struct PlatformKeyRecord {
  std::string name;  ///< "current": the key that signs
  std::string key_id;
  std::string private_key_pem;
  std::string public_key_pem;
  std::string created_at;
};

namespace platform_key_store {

std::optional<PlatformKeyRecord> find(SqlSession& sql, const std::string& name);
/// Inserts `key` unless a key of that name exists (two instances starting at once keep the
/// first one written). Returns whether it was inserted.
bool insertIfAbsent(SqlSession& sql, const PlatformKeyRecord& key);

}  // namespace platform_key_store
}  // namespace cqpm::store
