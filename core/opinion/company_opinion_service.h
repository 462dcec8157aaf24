#pragma once

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "opinion/opinion_content.h"
#include "opinion/opinion_records.h"
#include "opinion/opinion_view.h"
#include "plugins/plugin_rules.h"
#include "store/candidate_file_store.h"
#include "store/company_opinion_store.h"
#include "store/database.h"
#include "workflow/workflow_contract.h"

namespace cqpm::opinion {

/// The state the file is in while the company gives (or corrects) its opinion.
inline constexpr const char* kOpinionState = workflow::states::kCompanyOpinion;

/// The company's opinion on a candidate ("avis de l'entreprise"): per activity
/// and competency of the file's pinned referential, plus free text. The
/// company tutor saves drafts and signs; signing locks the version, and a
/// later save starts the next version (a correction), the signed one staying
/// in the history untouched. Never for a VAE file. Every write is checked
/// against the ETag the writer read (If-Match) and records a file event.
/// Thread-safe.
class CompanyOpinionService {
 public:
  CompanyOpinionService(store::Database& db, Clock clock, plugins::PluginRules& rules)
      : db_(db), clock_(std::move(clock)), rules_(rules) {}

  /// The file's opinion: whether it applies (not for VAE), whether the actor may
  /// edit it, the current version (before anything is saved, an empty draft at
  /// version 1) and the signed history. Error{kNotFound} outside the actor's scope.
  CompanyOpinionView get(const domain::Actor& actor, const std::string& file_id);

  /// Saves `body` ({activities, competencies, text}, see parseOpinionRequest) as
  /// the current draft, or starts the next version when the current one is
  /// signed. Checks in this order: kNotFound (scope), kUnprocessable field
  /// "pathway" (VAE), kForbidden (not the tutor of the file's company),
  /// kInvalidState (the file is not in company_opinion), kPreconditionRequired
  /// (no If-Match), kInvalidField (the body), kPreconditionFailed (a stale ETag:
  /// StaleOpinion, carrying the current opinion). `body` is the client's request,
  /// read here against the form once the checks before it passed. Returns the get() view.
  CompanyOpinionView save(const domain::Actor& actor, const std::string& file_id,
                          const std::optional<std::string>& if_match, const Poco::JSON::Object::Ptr& body);

  /// Signs the current draft: the same checks as save(), then kInvalidState
  /// when it is already signed, and kUnprocessable naming the first activity or
  /// competency without a value ("activities.2", "competencies.3").
  CompanyOpinionView sign(const domain::Actor& actor, const std::string& file_id,
                          const std::optional<std::string>& if_match);

 private:
  struct Subject {
    store::CandidateFileView file;
    OpinionForm form;
  };
  Subject writableSubject(const domain::Actor& actor, const std::string& file_id,
                          const std::optional<std::string>& if_match);
  CompanyOpinionView view(store::SqlSession& sql, const store::CandidateFileView& file,
                          const OpinionForm& form, const domain::Actor& actor);
  /// What a save or a signature works on, read under the writer: the file,
  /// still in company_opinion (kInvalidState otherwise), and its latest opinion
  /// version, which must be the one `if_match` names (StaleOpinion with the
  /// current opinion otherwise). `doing` ends the messages ("signed").
  struct Current {
    store::CandidateFileView file;
    std::optional<store::CompanyOpinionRecord> latest;
  };
  Current currentUnderWriter(store::SqlSession& sql, const domain::Actor& actor, const std::string& file_id,
                             const std::string& if_match, const Subject& subject, const std::string& doing,
                             const std::string& advice);

  store::Database& db_;
  Clock clock_;
  plugins::PluginRules& rules_;
};

}  // namespace cqpm::opinion
