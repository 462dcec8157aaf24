#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "evaluation/evaluation_records.h"
#include "plugins/plugin_rules.h"
#include "store/database.h"

namespace cqpm::evaluation {

/// The evaluation grid of a file: generated from its pinned referential and
/// modality plan, written competency by competency by the evaluators of its
/// commission while the file is under_evaluation, each competency with its own
/// version (If-Match): a stale write is refused with the current content, never
/// applied. A competency counts when two members signed its current version.
/// Thread-safe.
class EvaluationService {
 public:
  EvaluationService(store::Database& db, Clock clock, plugins::PluginRules& rules)
      : db_(db), clock_(std::move(clock)), rules_(rules) {}

  /// The file's grid as `actor` reads it: its pinned referential, commission,
  /// completeness, whether the actor may write, and each competency left to
  /// evaluate. Read by the centre, the commission, the jury and administrators.
  /// Errors: kNotFound (outside the scope), kForbidden (the company and the candidate).
  GridView grid(const domain::Actor& actor, const std::string& file_id);

  /// Writes one competency's content if `if_match` is its current ETag, bumps its
  /// version (voiding the signatures of the previous one) and records an
  /// "evaluation_updated" event. Content equal to the current one writes nothing.
  /// Errors: kNotFound (file or competency), kForbidden (not a commission
  /// member), kInvalidState (not under_evaluation), kPreconditionRequired (no
  /// If-Match), kInvalidField / kUnprocessable (the body, naming the field),
  /// StaleCompetency (kPreconditionFailed naming If-Match, with the current content).
  CompetencyAnswer update(const domain::Actor& actor, const std::string& file_id,
                          const std::string& competency, const std::optional<std::string>& if_match,
                          const Poco::JSON::Object::Ptr& body);

  /// Signs the competency's content at the version `if_match` names, and records
  /// an "evaluation_signed" event; signing the same version again changes nothing.
  /// Errors as update(), and kUnprocessable (field "result") when there is no
  /// result to sign yet.
  CompetencyAnswer sign(const domain::Actor& actor, const std::string& file_id, const std::string& competency,
                        const std::optional<std::string>& if_match);

 private:
  store::Database& db_;
  Clock clock_;
  plugins::PluginRules& rules_;
};

}  // namespace cqpm::evaluation
