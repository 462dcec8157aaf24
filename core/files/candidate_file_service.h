#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "admin/candidate_accounts.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "domain/file_event.h"
#include "files/idempotent_write.h"
#include "plugins/plugin_rules.h"
#include "store/candidate_file_store.h"
#include "store/database.h"
#include "workflow/workflow_engine.h"

namespace cqpm::files {

/// What a centre asks for when it opens a file.
struct NewFileRequest {
  std::string cqpm;
  domain::Pathway pathway = domain::Pathway::kEmployee;
  domain::Candidate candidate;
  std::optional<std::string> company_id;
  Poco::JSON::Object::Ptr registration;  ///< the CQPM's own fields; null means none
  std::vector<int> targeted_blocs;  ///< 1-based indexes of the blocs registered for; empty: the whole CQPM
};

/// One page of the file list.
struct FilePage {
  std::vector<store::CandidateFileView> items;
  std::optional<std::string> next_cursor;  ///< opaque; absent on the last page
};

/// Opening, reading and listing candidate files, always within the actor's
/// scope (access::fileScopeFor): a file out of scope is "not found". Thread-safe.
class CandidateFileService {
 public:
  /// `candidate_accounts` links each new file to its candidate's account (see admin/candidate_accounts.h).
  CandidateFileService(store::Database& db, Clock clock, const workflow::WorkflowEngine& engine,
                       plugins::PluginRules& rules, admin::CandidateAccounts& candidate_accounts);

  /// Opens a file in the workflow's initial state for the actor's centre and
  /// records the creation event. Only centre coordinators may. Throws
  /// Error{kInvalidField} naming the field for a bad request, Error{kForbidden}.
  /// With `idempotency`, a retry returns the first answer (`render` makes it).
  store::StoredResponse create(
      const domain::Actor& actor, const NewFileRequest& request,
      const std::optional<IdempotencyKey>& idempotency,
      const std::function<store::StoredResponse(const store::CandidateFileView&)>& render);

  /// What create() does, on the caller's write transaction and without
  /// idempotency: a batch (a candidate import) opens many files in one
  /// transaction. Same errors as create(); returns the new file.
  domain::CandidateFile openIn(store::SqlSession& sql, const domain::Actor& actor,
                               const NewFileRequest& request);

  /// The file, or Error{kNotFound} if it does not exist or is out of scope.
  store::CandidateFileView get(const domain::Actor& actor, const std::string& id);

  /// A page of the actor's files in `order` (newest first by default). `limit`
  /// is 1..100. Throws Error{kInvalidField, "cursor"} for a cursor this server
  /// did not issue or issued for another order.
  FilePage list(const domain::Actor& actor, const store::FileFilter& filter, const std::string& cursor,
                int limit, const store::FileOrder& order = {});

  /// Most files one CSV export holds (exportList).
  static constexpr int kMaxExportedFiles = 5000;

  /// Every file of the actor's that `filter` keeps, in `order`, scoped like
  /// list(). Throws Error{kUnprocessable} when more than kMaxExportedFiles match.
  std::vector<store::CandidateFileView> exportList(const domain::Actor& actor,
                                                   const store::FileFilter& filter,
                                                   const store::FileOrder& order);

  /// Number of the actor's files per state, every state of the workflow present.
  std::map<std::string, std::int64_t> countByState(const domain::Actor& actor,
                                                   const store::FileFilter& filter);

  /// The file's history, oldest first; Error{kNotFound} as for get().
  std::vector<domain::FileEvent> events(const domain::Actor& actor, const std::string& id);

  /// The ids of the files of the actor's centre that are the same person's as `id` (that file
  /// first): the same candidate account, or the same name and birth date. For the export of a
  /// person's data, by the centre's coordinators only (Permission::kExportPersonalData).
  /// Errors: kForbidden, kNotFound as for get().
  std::vector<std::string> filesOfSamePerson(const domain::Actor& actor, const std::string& id);

 private:
  void validate(const domain::Actor& actor, const NewFileRequest& request, store::SqlSession& sql) const;

  store::Database& db_;
  Clock clock_;
  const workflow::WorkflowEngine& engine_;
  plugins::PluginRules& rules_;
  admin::CandidateAccounts& candidate_accounts_;
};

}  // namespace cqpm::files
