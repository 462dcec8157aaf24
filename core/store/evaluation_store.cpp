#include "store/evaluation_store.h"

#include <algorithm>

#include "store/row_reader.h"

namespace cqpm::store::evaluation_store {

namespace {

constexpr const char* kSelectEvaluations =
    "SELECT e.competency, e.result, e.observations, e.evidence, e.version, e.updated_by, "
    "u.display_name AS updated_by_name, e.updated_at "
    "FROM competency_evaluations e LEFT JOIN users u ON u.id = e.updated_by WHERE e.file_id = ? ";

// Signatures of each competency's current version by members of the current
// commission: a signature of an older version, or by a removed member, attests nothing.
constexpr const char* kSelectSignatures =
    "SELECT s.competency, s.version, s.evaluator_id, u.display_name, s.signed_at "
    "FROM evaluation_signatures s "
    "JOIN competency_evaluations e ON e.file_id = s.file_id AND e.competency = s.competency "
    "AND e.version = s.version "
    "JOIN evaluation_commissions c ON c.file_id = s.file_id AND c.evaluator_id = s.evaluator_id "
    "JOIN users u ON u.id = s.evaluator_id WHERE s.file_id = ? ";

CompetencyEvaluation readEvaluation(const RowReader& row) {
  CompetencyEvaluation evaluation;
  evaluation.competency = row.text("competency");
  evaluation.result = row.text("result");
  evaluation.observations_json = row.text("observations");
  evaluation.evidence_json = row.text("evidence");
  evaluation.version = row.integer("version");
  evaluation.updated_by = row.text("updated_by");
  evaluation.updated_by_name = row.text("updated_by_name");
  evaluation.updated_at = row.text("updated_at");
  return evaluation;
}

void attachSignatures(SqlSession& sql, const std::string& file_id, const std::string* competency,
                      std::map<std::string, CompetencyEvaluation>& evaluations) {
  std::string file = file_id, number = competency ? *competency : std::string();
  auto stmt = sql.query(std::string(kSelectSignatures) + (competency ? "AND s.competency = ? " : "") +
                        "ORDER BY s.signed_at, s.evaluator_id");
  stmt.bind(file);
  if (competency) stmt.bind(number);
  forEachRow(stmt, [&](const RowReader& row) {
    auto found = evaluations.find(row.text("competency"));
    if (found == evaluations.end()) return;
    found->second.signatures.push_back(
        {row.text("evaluator_id"), row.text("display_name"), row.integer("version"), row.text("signed_at")});
  });
}

}  // namespace

std::vector<CommissionMember> commission(SqlSession& sql, const std::string& file_id) {
  std::string file = file_id;
  auto stmt = sql.query(
      "SELECT c.evaluator_id, u.display_name FROM evaluation_commissions c JOIN users u ON u.id = "
      "c.evaluator_id WHERE c.file_id = ? ORDER BY c.position");
  stmt.bind(file);
  std::vector<CommissionMember> members;
  forEachRow(stmt, [&](const RowReader& row) {
    members.push_back({row.text("evaluator_id"), row.text("display_name")});
  });
  return members;
}

void replaceCommission(SqlSession& sql, const std::string& file_id,
                       const std::vector<std::string>& evaluator_ids, const std::string& assigned_by,
                       const std::string& assigned_at) {
  std::string file = file_id, by = assigned_by, at = assigned_at;
  auto clear = sql.query("DELETE FROM evaluation_commissions WHERE file_id = ?");
  clear.bind(file);
  clear.execute();
  for (std::size_t i = 0; i < evaluator_ids.size(); ++i) {
    std::string evaluator = evaluator_ids[i];
    Poco::Int64 position = static_cast<Poco::Int64>(i);
    auto insert = sql.query(
        "INSERT INTO evaluation_commissions (file_id, evaluator_id, position, assigned_by, assigned_at) "
        "VALUES (?, ?, ?, ?, ?)");
    insert.bind(file).bind(evaluator).bind(position).bind(by).bind(at);
    insert.execute();
  }
}

bool inCommission(SqlSession& sql, const std::string& file_id, const std::string& evaluator_id) {
  std::string file = file_id, evaluator = evaluator_id;
  auto stmt =
      sql.query("SELECT COUNT(*) AS n FROM evaluation_commissions WHERE file_id = ? AND evaluator_id = ?");
  stmt.bind(file).bind(evaluator);
  bool found = false;
  forEachRow(stmt, [&](const RowReader& row) { found = row.integer("n") > 0; });
  return found;
}

std::map<std::string, CompetencyEvaluation> evaluations(SqlSession& sql, const std::string& file_id) {
  std::string file = file_id;
  auto stmt = sql.query(kSelectEvaluations);
  stmt.bind(file);
  std::map<std::string, CompetencyEvaluation> found;
  forEachRow(stmt, [&](const RowReader& row) {
    CompetencyEvaluation evaluation = readEvaluation(row);
    found[evaluation.competency] = std::move(evaluation);
  });
  attachSignatures(sql, file_id, nullptr, found);
  return found;
}

CompetencyEvaluation evaluation(SqlSession& sql, const std::string& file_id, const std::string& competency) {
  std::string file = file_id, number = competency;
  auto stmt = sql.query(std::string(kSelectEvaluations) + "AND e.competency = ?");
  stmt.bind(file).bind(number);
  std::map<std::string, CompetencyEvaluation> found;
  forEachRow(stmt, [&](const RowReader& row) { found[competency] = readEvaluation(row); });
  if (found.empty()) {
    CompetencyEvaluation unwritten;
    unwritten.competency = competency;
    return unwritten;
  }
  attachSignatures(sql, file_id, &competency, found);
  return found.at(competency);
}

bool updateEvaluation(SqlSession& sql, const std::string& file_id, const CompetencyEvaluation& content,
                      std::int64_t expected_version) {
  std::string file = file_id, number = content.competency, result = content.result,
              observations = content.observations_json, evidence = content.evidence_json,
              by = content.updated_by, at = content.updated_at;
  Poco::Int64 version = expected_version;
  if (expected_version == 0) {
    // A competency never written has no row yet: create it at version 0, so that
    // the compare-and-swap below decides between concurrent first writers too.
    auto create = sql.query(
        "INSERT INTO competency_evaluations (file_id, competency, result, observations, evidence, version, "
        "updated_at) VALUES (?, ?, 'not_evaluated', '{}', '[]', 0, ?) "
        "ON CONFLICT (file_id, competency) DO NOTHING");
    create.bind(file).bind(number).bind(at);
    create.execute();
  }
  auto stmt = sql.query(
      "UPDATE competency_evaluations SET result = ?, observations = ?, evidence = ?, version = version + 1, "
      "updated_by = ?, updated_at = ? WHERE file_id = ? AND competency = ? AND version = ?");
  stmt.bind(result).bind(observations).bind(evidence).bind(by).bind(at).bind(file).bind(number).bind(version);
  if (stmt.execute() != 1) return false;
  // The content just written is also kept for good: the file as it stood at an earlier instant is
  // read from these versions (migration 0030), never from the row the next write overwrites.
  auto keep = sql.query(
      "INSERT INTO competency_evaluation_versions (file_id, competency, version, result, observations, "
      "evidence, updated_by, updated_at) SELECT file_id, competency, version, result, observations, "
      "evidence, "
      "updated_by, updated_at FROM competency_evaluations WHERE file_id = ? AND competency = ?");
  keep.bind(file).bind(number);
  keep.execute();
  return true;
}

bool addSignature(SqlSession& sql, const std::string& file_id, const std::string& competency,
                  std::int64_t version, const std::string& evaluator_id, const std::string& signed_at) {
  std::string file = file_id, number = competency, evaluator = evaluator_id, at = signed_at;
  Poco::Int64 signed_version = version;
  auto stmt = sql.query(
      "INSERT INTO evaluation_signatures (file_id, competency, version, evaluator_id, signed_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (file_id, competency, version, evaluator_id) DO NOTHING");
  stmt.bind(file).bind(number).bind(signed_version).bind(evaluator).bind(at);
  return stmt.execute() == 1;
}

std::map<std::string, CompetencyEvaluation> evaluationsAt(SqlSession& sql, const std::string& file_id,
                                                          const std::string& at,
                                                          const std::vector<std::string>& commission) {
  std::string file = file_id, instant = at;
  auto versions = sql.query(
      "SELECT e.competency, e.result, e.observations, e.evidence, e.version, e.updated_by, "
      "u.display_name AS updated_by_name, e.updated_at FROM competency_evaluation_versions e "
      "LEFT JOIN users u ON u.id = e.updated_by WHERE e.file_id = ? AND e.updated_at <= ? "
      "ORDER BY e.competency, e.version");
  versions.bind(file).bind(instant);
  std::map<std::string, CompetencyEvaluation> found;
  forEachRow(versions, [&](const RowReader& row) {
    CompetencyEvaluation evaluation = readEvaluation(row);
    found[evaluation.competency] = std::move(evaluation);  // a later version replaces an earlier one
  });
  auto signatures = sql.query(
      "SELECT s.competency, s.version, s.evaluator_id, u.display_name, s.signed_at "
      "FROM evaluation_signatures s JOIN users u ON u.id = s.evaluator_id "
      "WHERE s.file_id = ? AND s.signed_at <= ? ORDER BY s.signed_at, s.evaluator_id");
  signatures.bind(file).bind(instant);
  forEachRow(signatures, [&](const RowReader& row) {
    auto evaluation = found.find(row.text("competency"));
    const std::string evaluator = row.text("evaluator_id");
    // As for today's grid: only a signature of the version then current, by a member then sitting.
    if (evaluation == found.end() || evaluation->second.version != row.integer("version") ||
        std::find(commission.begin(), commission.end(), evaluator) == commission.end()) {
      return;
    }
    evaluation->second.signatures.push_back(
        {evaluator, row.text("display_name"), row.integer("version"), row.text("signed_at")});
  });
  return found;
}

std::map<std::string, std::string> competencyResults(SqlSession& sql, const std::string& file_id,
                                                     const std::vector<std::string>& numbers) {
  const auto stored = evaluations(sql, file_id);
  std::map<std::string, std::string> results;
  for (const auto& number : numbers) {
    const auto found = stored.find(number);
    const bool signed_by_enough =
        found != stored.end() && found->second.signatures.size() >= kSignaturesRequired;
    results[number] = signed_by_enough ? found->second.result : "not_evaluated";
  }
  return results;
}

}  // namespace cqpm::store::evaluation_store
