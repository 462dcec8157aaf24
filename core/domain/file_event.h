#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cqpm::domain {

/// One entry of a file's append-only history.
struct FileEvent {
  std::string file_id;
  std::int64_t seq = 0;  ///< 1 for the creation, then +1 per event
  std::string transition;
  std::optional<std::string> from_state;  ///< absent for the creation
  std::string to_state;
  std::string actor_id;
  std::string actor_login;         ///< filled when read back
  std::string actor_display_name;  ///< filled when read back
  std::string actor_role;          ///< filled when read back ("evaluator", ...)
  std::string organisation_id;
  std::string payload_json;  ///< a JSON object, "{}" when empty
  /// SHA-256 (hex) of payload_json as written: what the chain hash covers (migration 0031), so that
  /// retention can erase the payload's personal data and leave the chain verifiable. Empty on an event
  /// whose chain was broken before that migration (its hash still covers the payload itself).
  std::string payload_sha256;
  /// When retention replaced the payload (then payload_json no longer matches payload_sha256).
  std::optional<std::string> payload_redacted_at;
  std::string at;
  std::string prev_hash;
  std::string hash;
};

}  // namespace cqpm::domain
