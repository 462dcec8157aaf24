#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// A jury's decision on a file, as recorded. The JSON columns keep what the
/// jury saw and who sat, so the record stands on its own whatever changes later.
struct JuryDecisionRecord {
  std::string id;
  std::string session_id;
  std::string file_id;
  std::string cqpm;
  std::string candidate_key;         ///< see candidateKey()
  std::string outcome;               ///< "certified" | "blocs_awarded" | "not_certified"
  std::string blocs_json = "[]";     ///< [{index, code, title}]
  std::string proposal_json = "{}";  ///< the plugin's proposal the jury saw
  bool overrides_proposal = false;
  std::string reason;
  std::string members_json = "[]";      ///< [{user_id, name, college, organisation, present}]
  std::string abstentions_json = "[]";  ///< [{user_id, name, college}]: conflicts of interest
  /// The jury's validation per competency (see juries/competency_validation.h);
  /// absent for decisions recorded before the jury validated competency by competency.
  std::optional<std::string> competencies_json;
  std::optional<std::int64_t> referential_version;
  std::optional<std::string> referential_commit;
  std::string decided_by;
  std::string decided_by_name;  ///< filled when read
  std::string decided_at;
  std::optional<std::string> revoked_at;
  std::optional<std::string> revoked_by;
  std::optional<std::string> revoked_by_name;  ///< filled when read
  std::optional<std::string> revocation_reason;
};

/// Jury decisions: inserted once, never deleted; revocation fills revoked_*.
namespace jury_decision_store {

/// The same person across files: folded family name, given name and birth date.
std::string candidateKey(const std::string& family_name, const std::string& given_name,
                         const std::string& birth_date);

void insert(SqlSession& sql, const JuryDecisionRecord& decision);
std::optional<JuryDecisionRecord> find(SqlSession& sql, const std::string& id);
/// Decisions of a session, oldest first, revoked ones included.
std::vector<JuryDecisionRecord> forSession(SqlSession& sql, const std::string& session_id);
/// Decisions of a file, oldest first, revoked ones included.
std::vector<JuryDecisionRecord> forFile(SqlSession& sql, const std::string& file_id);
/// The file's decision in force (not revoked), if any.
std::optional<JuryDecisionRecord> activeForFile(SqlSession& sql, const std::string& file_id);
/// Decisions in force for the same candidate and CQPM on OTHER files, oldest first.
std::vector<JuryDecisionRecord> activeForCandidate(SqlSession& sql, const std::string& candidate_key,
                                                   const std::string& cqpm,
                                                   const std::string& except_file_id);
/// Marks the decision revoked; false if it was already revoked (or absent).
bool revoke(SqlSession& sql, const std::string& id, const std::string& by, const std::string& at,
            const std::string& reason);

}  // namespace jury_decision_store
}  // namespace cqpm::store
