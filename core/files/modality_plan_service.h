#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <functional>
#include <optional>
#include <string>

#include "access/file_scope.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "files/idempotent_write.h"
#include "files/modality_plan_records.h"
#include "plugins/plugin_rules.h"
#include "store/candidate_file_store.h"
#include "store/database.h"

namespace cqpm::files {

/// The evaluation modality plan of a file: per competency, the modality, the
/// planned date, the place, the evaluators of the centre, and the details the
/// CQPM's rules read. Agreed by the centre while the file is `registered`; the
/// file's plugin checks it. Thread-safe.
class ModalityPlanService {
 public:
  ModalityPlanService(store::Database& db, Clock clock, plugins::PluginRules& rules)
      : db_(db), clock_(std::move(clock)), rules_(rules) {}

  /// What the plan editor needs: the file's version and state, whether the actor
  /// may edit, the stored plan, the competencies still to evaluate, the
  /// referential's modalities, the plugin's allowed modalities and plan fields,
  /// the centre's evaluators. Error{kNotFound} outside the actor's scope.
  ModalityPlanEditor get(const domain::Actor& actor, const std::string& file_id);

  /// Replaces the whole plan, compare-and-swap on the file's version, and
  /// records an event. Errors: kNotFound, kForbidden (not the file's centre
  /// coordinator), kInvalidState (not `registered`), kVersionConflict,
  /// kInvalidField (shape, naming "competencies[i].<field>"), kGuardFailed (the
  /// plugin's refusal, naming the competency). With `idempotency`, a retry writes
  /// nothing again. `competencies` is the client's list of entries, read field by
  /// field here. Returns the get() view, built after the commit so the single
  /// writer is held only for the decision and the write.
  ModalityPlanEditor put(const domain::Actor& actor, const std::string& file_id,
                         std::int64_t expected_version, const Poco::JSON::Array::Ptr& competencies,
                         const std::optional<IdempotencyKey>& idempotency = std::nullopt);

 private:
  ModalityPlanEditor view(store::SqlSession& sql, const store::CandidateFileView& file,
                          const domain::Actor& actor);
  void write(const domain::Actor& actor, const std::string& file_id, std::int64_t expected_version,
             const Poco::JSON::Array::Ptr& competencies, const access::FileScope& scope,
             const std::optional<IdempotencyKey>& idempotency);
  Poco::JSON::Array::Ptr normalise(store::SqlSession& sql, const domain::CandidateFile& file,
                                   const Poco::JSON::Array::Ptr& competencies) const;

  store::Database& db_;
  Clock clock_;
  plugins::PluginRules& rules_;
};

}  // namespace cqpm::files
