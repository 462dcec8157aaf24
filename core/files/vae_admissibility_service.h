#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/actor.h"
#include "notifications/notification_service.h"
#include "plugins/plugin_catalog.h"
#include "store/database.h"
#include "store/vae_admissibility_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::files {

/// The state in which a VAE file's admissibility is examined: registered,
/// before its evaluation modalities are agreed.
inline constexpr const char* kAdmissibilityState = workflow::states::kRegistered;

/// What the centre decides on a VAE application.
struct AdmissibilityDecision {
  std::optional<bool> favourable;  ///< required
  std::string reason;              ///< required, favourable or not
};

/// A file's admissibility as the actor sees it.
struct AdmissibilityView {
  std::string file_id;
  bool required = false;                                 ///< a VAE file
  bool editable = false;                                 ///< the actor may record a decision now
  std::vector<store::VaeAdmissibilityRecord> decisions;  ///< newest first; the first is in force
};

/// The admissibility (« recevabilité ») of VAE applications: the file's centre
/// records, while the file is registered, whether the application is
/// admissible, with a reason. Decisions are appended (a new examination after
/// new documents adds one); the latest is in force, and the agreement of the
/// modalities needs it favourable (guard vae_admissible). Each decision is an
/// event of the file's history and is notified to the candidate. Thread-safe.
class VaeAdmissibilityService {
 public:
  VaeAdmissibilityService(store::Database& db, Clock clock, notifications::NotificationService& notifications,
                          const plugins::PluginCatalog& catalog)
      : db_(db), clock_(std::move(clock)), notifications_(notifications), catalog_(catalog) {}

  /// Error{kNotFound} outside the actor's scope.
  AdmissibilityView get(const domain::Actor& actor, const std::string& file_id);

  /// Records a decision; returns get(). Errors in this order: kNotFound
  /// (scope), kForbidden (not the file's centre coordinator), kUnprocessable
  /// field "pathway" (not a VAE file), kInvalidState (the file is not
  /// registered), kInvalidField "favourable" / "reason".
  AdmissibilityView decide(const domain::Actor& actor, const std::string& file_id,
                           const AdmissibilityDecision& decision);

 private:
  store::Database& db_;
  Clock clock_;
  notifications::NotificationService& notifications_;
  const plugins::PluginCatalog& catalog_;
};

}  // namespace cqpm::files
