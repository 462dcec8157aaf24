#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/actor.h"
#include "domain/organisation.h"
#include "notifications/notification_service.h"
#include "plugins/plugin_catalog.h"
#include "store/database.h"
#include "store/file_transfer_store.h"

namespace cqpm::files {

/// What a centre asks when it proposes to hand a file over to another centre.
struct TransferProposal {
  std::string centre_id;  ///< the receiving centre
  std::string reason;
};

/// Which transfers to list.
struct TransferQuery {
  store::TransferDirection direction = store::TransferDirection::kBoth;
  std::optional<std::string> state;  ///< proposed | accepted | refused | cancelled
  int limit = 100;
};

/// Moving a candidate file from one centre to another, in two steps: the
/// file's centre proposes (with a reason), the receiving centre accepts or
/// refuses (the proposer may cancel meanwhile). On acceptance the file, its
/// whole history, documents, grid and deadlines move at once: the file's
/// centre changes, the old centre's evaluation commission is released (its
/// evaluators would otherwise keep reading a file of another centre), and the
/// file's company starts working with the receiving centre. Every step is an
/// event of the file, an act of the administration log for both centres and a
/// notification to the other side. A file is not transferred once closed, nor
/// while it is on a jury session's agenda. Thread-safe.
class FileTransferService {
 public:
  FileTransferService(store::Database& db, Clock clock,
                      const notifications::NotificationService& notifications,
                      const plugins::PluginCatalog& catalog, std::vector<std::string> final_states)
      : db_(db),
        clock_(std::move(clock)),
        notifications_(notifications),
        catalog_(catalog),
        final_states_(std::move(final_states)) {}

  /// Errors: kNotFound (file out of scope), kForbidden (not its centre's
  /// coordinator), kInvalidField ("reason", "centre_id": unknown, inactive, not
  /// a centre, the file's own), kInvalidState (closed, on a jury agenda),
  /// kConflict (a transfer of the file already waits for an answer).
  store::StoredTransfer propose(const domain::Actor& actor, const std::string& file_id,
                                const TransferProposal& proposal);
  /// By the receiving centre. Errors: kNotFound (neither centre's), kForbidden
  /// (the proposing centre), kInvalidState (already answered, or the file
  /// closed or put on a jury agenda since).
  store::StoredTransfer accept(const domain::Actor& actor, const std::string& transfer_id,
                               const std::optional<std::string>& comment);
  /// By the receiving centre, with a reason ("reason").
  store::StoredTransfer refuse(const domain::Actor& actor, const std::string& transfer_id,
                               const std::string& reason);
  /// By the proposing centre, while unanswered.
  store::StoredTransfer cancel(const domain::Actor& actor, const std::string& transfer_id);

  /// A transfer either centre (or a platform administrator) reads; kNotFound otherwise.
  store::StoredTransfer get(const domain::Actor& actor, const std::string& transfer_id);
  /// The transfers of the actor's centre (every centre: platform administrators).
  std::vector<store::StoredTransfer> list(const domain::Actor& actor, const TransferQuery& query);
  /// The active centres a file may be handed over to: every one but the
  /// actor's own, by name (for coordinators and platform administrators;
  /// kForbidden otherwise). A coordinator does not administer other centres,
  /// but must be able to name one.
  std::vector<domain::Organisation> receivingCentres(const domain::Actor& actor);
  /// The transfers of a file the actor sees (kNotFound otherwise), oldest
  /// first; for its centre and the platform only (kForbidden).
  std::vector<store::StoredTransfer> ofFile(const domain::Actor& actor, const std::string& file_id);

 private:
  /// Answers a proposed transfer: `state` accepted | refused | cancelled.
  store::StoredTransfer answer(const domain::Actor& actor, const std::string& transfer_id,
                               const std::string& state, const std::optional<std::string>& reason);

  store::Database& db_;
  Clock clock_;
  const notifications::NotificationService& notifications_;
  const plugins::PluginCatalog& catalog_;
  std::vector<std::string> final_states_;
};

}  // namespace cqpm::files
