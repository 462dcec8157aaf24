#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "store/admin_log_store.h"
#include "store/database.h"

namespace cqpm::admin {

/// Who performed an administrative act: a signed-in person, or the command line.
struct AdminActor {
  std::optional<std::string> user_id;
  std::string label;
};
AdminActor adminActorOf(const domain::Actor& actor);
AdminActor commandLineActor();  ///< "cqpm admin (ligne de commande)"

/// An administrative act to record.
struct AdminAct {
  std::string action;  ///< "user_created", "role_changed", ... (see schemas/openapi.yaml)
  std::string target_kind;
  std::string target_id;
  std::string target_label;
  std::optional<std::string> centre_id;  ///< the centre concerned, whose coordinators read it
  Poco::JSON::Object::Ptr details;       ///< what changed; null: {}
};

/// Appends `act` to the administration log inside the caller's write transaction.
void recordAdminAct(store::SqlSession& sql, const AdminActor& actor, const AdminAct& act,
                    const std::string& at);

/// A page of the log, newest first.
struct AdminLogPage {
  std::vector<store::AdminLogEntry> items;
  std::optional<std::int64_t> next_before;  ///< pass as `before` for the next page
};

/// Where the first broken link of the chain is, if any.
struct ChainCheck {
  std::int64_t entries = 0;
  std::optional<std::int64_t> broken_at;
  std::string problem;
};

/// Reading the administration log, within the reader's reach: the platform
/// administrator reads all of it, a centre coordinator the acts concerning
/// their centre; anyone else gets Error{kForbidden}. Thread-safe.
class AdminLogService {
 public:
  explicit AdminLogService(store::Database& db) : db_(db) {}

  /// Entries before `before` (0: the newest), at most `limit` (1..200).
  AdminLogPage list(const domain::Actor& actor, std::int64_t before, int limit);
  /// Every entry in the reader's reach, oldest first, as CSV (`;`, UTF-8 with BOM, for Excel).
  std::string csv(const domain::Actor& actor);
  /// Walks the whole chain from the first entry (for `cqpm audit`-style checks and tests).
  ChainCheck verify();
  /// Appends `act`, done by `actor` at `at`, in a transaction of its own: for acts that write nothing
  /// else (an export of a person's data).
  void record(const domain::Actor& actor, const AdminAct& act, const std::string& at);

 private:
  std::optional<std::string> reachOf(const domain::Actor& actor) const;

  store::Database& db_;
};

}  // namespace cqpm::admin
