#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// A member of a file's evaluation commission.
struct CommissionMember {
  std::string evaluator_id;
  std::string display_name;  ///< filled when read
};

/// A signature: the evaluator attests the competency's content at `version`.
struct EvaluationSignature {
  std::string evaluator_id;
  std::string display_name;  ///< filled when read
  std::int64_t version = 0;
  std::string signed_at;
};

/// The stored evaluation of one competency of a file. A competency nobody has
/// written yet reads as version 0, result "not_evaluated", no observations.
struct CompetencyEvaluation {
  std::string competency;  ///< the competency number as text, "1".."N"
  std::string result = "not_evaluated";
  std::string observations_json = "{}";  ///< {group: text}
  std::string evidence_json = "[]";      ///< [document id]
  std::int64_t version = 0;
  std::string updated_by;       ///< user id; empty at version 0
  std::string updated_by_name;  ///< filled when read
  std::string updated_at;
  /// Signatures of the CURRENT version only (older ones no longer attest anything).
  std::vector<EvaluationSignature> signatures;
};

/// Evaluation commissions and the competency-by-competency grid of a file.
/// Functions take the caller's session: writes must run inside `Database::write`.
namespace evaluation_store {

/// The commission of `file_id`, in the order it was assigned (empty if none).
std::vector<CommissionMember> commission(SqlSession& sql, const std::string& file_id);
/// Replaces the commission of `file_id` by `evaluator_ids` (in that order).
void replaceCommission(SqlSession& sql, const std::string& file_id,
                       const std::vector<std::string>& evaluator_ids, const std::string& assigned_by,
                       const std::string& assigned_at);
/// Whether `evaluator_id` belongs to the commission of `file_id`.
bool inCommission(SqlSession& sql, const std::string& file_id, const std::string& evaluator_id);

/// The stored evaluations of `file_id`, keyed by competency number, each with the
/// signatures of its current version by members of the current commission.
std::map<std::string, CompetencyEvaluation> evaluations(SqlSession& sql, const std::string& file_id);
/// One competency (version 0 and "not_evaluated" when never written).
CompetencyEvaluation evaluation(SqlSession& sql, const std::string& file_id, const std::string& competency);

/// Compare-and-swap of one competency's content: applies only if its stored
/// version is `expected_version` (0 for a competency never written), then bumps it.
/// Returns false on a version mismatch; other competencies are never touched.
bool updateEvaluation(SqlSession& sql, const std::string& file_id, const CompetencyEvaluation& content,
                      std::int64_t expected_version);

/// Records `evaluator_id`'s signature of `competency` at `version`. Signing the
/// same version twice keeps the first signature. Returns false if it was already signed.
bool addSignature(SqlSession& sql, const std::string& file_id, const std::string& competency,
                  std::int64_t version, const std::string& evaluator_id, const std::string& signed_at);

/// Each of `numbers` -> its result ("acquired", "not_acquired" or "not_evaluated"),
/// counting a result only if at least two distinct members of the file's current
/// commission signed its current version; otherwise "not_evaluated". This is what
/// the plugin's completeness check and the jury's proposed outcome are fed with.
std::map<std::string, std::string> competencyResults(SqlSession& sql, const std::string& file_id,
                                                     const std::vector<std::string>& numbers);

/// The evaluations of `file_id` as they stood at `at` (ISO-8601 UTC, as stored): for each competency
/// written by then, its latest version written at or before `at` (competency_evaluation_versions),
/// with the signatures of that version given by then by members of `commission` (the commission at
/// that instant). Competencies not yet written are absent.
std::map<std::string, CompetencyEvaluation> evaluationsAt(SqlSession& sql, const std::string& file_id,
                                                          const std::string& at,
                                                          const std::vector<std::string>& commission);

/// Signatures needed for a competency to count as evaluated.
inline constexpr std::size_t kSignaturesRequired = 2;

}  // namespace evaluation_store
}  // namespace cqpm::store
