#include "store/todo_store.h"

#include <utility>

#include "store/row_reader.h"

namespace cqpm::store::todo_store {

namespace {

// The columns of every branch. Typed NULLs and BIGINT zeros, so that
// PostgreSQL unites the branches without guessing a type.
constexpr const char* kFileColumns =
    "f.id AS file_id, CAST(NULL AS TEXT) AS session_id, CAST(NULL AS TEXT) AS proposal_id, f.given_name, "
    "f.family_name, f.cqpm, f.pathway, f.state, dl.due_date AS due_date, f.pending_report_due_at AS due_at, "
    "CAST(NULL AS TEXT) AS place, f.modality_plan AS detail, ";
constexpr const char* kFileSource =
    " FROM candidate_files f LEFT JOIN file_deadlines dl ON dl.file_id = f.id AND dl.kind = 'report' WHERE ";
constexpr const char* kSessionColumns =
    "CAST(NULL AS TEXT) AS file_id, s.id AS session_id, CAST(NULL AS TEXT) AS proposal_id, '' AS given_name, "
    "'' AS family_name, '' AS cqpm, '' AS pathway, s.state, s.session_date AS due_date, "
    "CAST(NULL AS TEXT) AS due_at, s.place, s.session_time AS detail, CAST(0 AS BIGINT) AS done FROM "
    "jury_sessions s ";
constexpr const char* kProposalColumns =
    "CAST(NULL AS TEXT) AS file_id, CAST(NULL AS TEXT) AS session_id, CAST(p.id AS TEXT) AS proposal_id, "
    "'' AS given_name, '' AS family_name, p.cqpm, '' AS pathway, p.state, CAST(NULL AS TEXT) AS due_date, "
    "CAST(NULL AS TEXT) AS due_at, CAST(NULL AS TEXT) AS place, CAST(NULL AS TEXT) AS detail, "
    "CAST(0 AS BIGINT) AS done FROM referential_proposals p ";

// The latest company opinion of `f` is signed.
constexpr const char* kOpinionSigned =
    "EXISTS (SELECT 1 FROM company_opinions o WHERE o.file_id = f.id AND o.state = 'signed' AND o.version = "
    "(SELECT MAX(o2.version) FROM company_opinions o2 WHERE o2.file_id = f.id))";
constexpr const char* kHasCommission =
    "EXISTS (SELECT 1 FROM evaluation_commissions ec WHERE ec.file_id = f.id)";
// No admissibility decision, or the latest one not favourable.
constexpr const char* kVaeNotAdmitted =
    "f.pathway = 'vae' AND COALESCE((SELECT v.favourable FROM vae_admissibility_decisions v WHERE v.file_id "
    "= "
    "f.id ORDER BY v.sequence DESC LIMIT 1), 0) = 0";

// Branches united by UNION ALL, with their parameters in the order of the text.
class UnionQuery {
 public:
  /// A branch over the files `f` (with their report deadline `dl`): `done`
  /// and its parameters, then the condition and its parameters.
  void files(const char* kind, const std::string& done, std::vector<std::string> done_params,
             const std::string& where, std::vector<std::string> where_params) {
    add(std::string("SELECT '") + kind + "' AS kind, " + kFileColumns + done + " AS done" + kFileSource +
            where,
        std::move(done_params));
    for (auto& value : where_params) params_.push_back(std::move(value));
  }

  void sessions(const char* kind, const std::string& rest, std::vector<std::string> params) {
    add(std::string("SELECT '") + kind + "' AS kind, " + kSessionColumns + rest, std::move(params));
  }

  void proposals(const char* kind, const std::string& rest, std::vector<std::string> params) {
    add(std::string("SELECT '") + kind + "' AS kind, " + kProposalColumns + rest, std::move(params));
  }

  std::vector<TodoRow> run(SqlSession& sql) const {
    std::vector<TodoRow> rows;
    if (sql_.empty()) return rows;
    Query query = sql.query(sql_);
    for (const auto& value : params_) query.bind(value);
    query.forEachRow([&](const RowReader& row) {
      rows.push_back({row.text("kind"), row.optionalText("file_id"), row.optionalText("session_id"),
                      row.optionalText("proposal_id"), row.text("given_name"), row.text("family_name"),
                      row.text("cqpm"), row.text("pathway"), row.text("state"), row.optionalText("due_date"),
                      row.optionalText("due_at"), row.optionalText("place"), row.optionalText("detail"),
                      row.integer("done")});
    });
    return rows;
  }

 private:
  void add(const std::string& branch, std::vector<std::string> params) {
    sql_ += (sql_.empty() ? "" : " UNION ALL ") + branch;
    for (auto& value : params) params_.push_back(std::move(value));
  }

  std::string sql_;
  std::vector<std::string> params_;
};

// "f.<scope> = ? AND f.state IN (?, ...)" and its parameters.
std::pair<std::string, std::vector<std::string>> inStates(const std::string& scope_condition,
                                                          const std::string& key, const StateSet& states) {
  std::string sql = scope_condition + " AND f.state IN (";
  std::vector<std::string> params{key};
  for (std::size_t i = 0; i < states.size(); ++i) {
    sql += i ? ", ?" : "?";
    params.push_back(states[i]);
  }
  return {sql + ")", params};
}

StateSet joined(StateSet a, const StateSet& b) {
  for (const auto& state : b) a.push_back(state);
  return a;
}

constexpr const char* kNothingDone = "CAST(0 AS BIGINT)";

}  // namespace

std::vector<TodoRow> coordinatorRows(SqlSession& sql, const std::string& centre_id,
                                     const CoordinatorStates& states, const std::string& now,
                                     const std::string& today) {
  UnionQuery query;
  auto branch = [&](const char* kind, const StateSet& set, const std::string& extra,
                    std::vector<std::string> extra_params = {}, const std::string& done = kNothingDone) {
    if (set.empty()) return;
    auto [where, params] = inStates("f.centre_id = ?", centre_id, set);
    for (auto& value : extra_params) params.push_back(std::move(value));
    query.files(kind, done, {}, where + extra, std::move(params));
  };
  branch("register_file", states.to_register, "");
  branch(
      "decide_admissibility", states.to_agree,
      " AND f.pathway = 'vae' AND NOT EXISTS (SELECT 1 FROM vae_admissibility_decisions v WHERE v.file_id = "
      "f.id)");
  branch("agree_modalities", states.to_agree, std::string(" AND NOT (") + kVaeNotAdmitted + ")");
  branch("form_commission", joined(states.to_start_evaluation, states.evaluating),
         std::string(" AND NOT ") + kHasCommission);
  branch("start_evaluation", states.to_start_evaluation, std::string(" AND ") + kHasCommission);
  // Competencies whose current version two evaluators signed: the service
  // compares them with the plan (the plugin's completeness check stays the guard's).
  branch("evaluation_signed", states.evaluating, std::string(" AND ") + kHasCommission, {},
         "(SELECT COUNT(*) FROM competency_evaluations ce WHERE ce.file_id = f.id AND (SELECT COUNT(*) FROM "
         "evaluation_signatures es WHERE es.file_id = ce.file_id AND es.competency = ce.competency AND "
         "es.version = ce.version) >= 2)");
  branch("send_opinion_to_jury", states.awaiting_opinion, std::string(" AND ") + kOpinionSigned);
  branch("add_to_jury_session", states.awaiting_jury,
         " AND NOT EXISTS (SELECT 1 FROM jury_session_files jf WHERE jf.file_id = f.id)");
  branch("report_overdue", states.awaiting_report, " AND f.pending_report_due_at <= ?", {now});
  query.sessions("open_jury_session", "WHERE s.centre_id = ? AND s.state = 'planned' AND s.session_date <= ?",
                 {centre_id, today});
  query.sessions("publish_results",
                 "WHERE s.centre_id = ? AND s.state = 'closed' AND (SELECT COUNT(DISTINCT g.college) FROM "
                 "jury_signatures g WHERE g.session_id = s.id) >= 2",
                 {centre_id});
  return query.run(sql);
}

std::vector<TodoRow> tutorRows(SqlSession& sql, const std::string& company_id, const TutorStates& states) {
  UnionQuery query;
  auto branch = [&](const char* kind, const StateSet& set, const std::string& extra) {
    if (set.empty()) return;
    auto [where, params] = inStates("f.company_id = ?", company_id, set);
    query.files(kind, kNothingDone, {}, where + extra, std::move(params));
  };
  branch("upload_report", states.awaiting_report, " AND f.pending_report_due_at IS NOT NULL");
  branch("give_opinion", states.awaiting_opinion, std::string(" AND NOT ") + kOpinionSigned);
  branch("send_opinion_to_jury", states.awaiting_opinion, std::string(" AND ") + kOpinionSigned);
  return query.run(sql);
}

std::vector<TodoRow> evaluatorRows(SqlSession& sql, const std::string& evaluator_id,
                                   const EvaluatorStates& states) {
  UnionQuery query;
  const std::string member =
      "f.id IN (SELECT ec.file_id FROM evaluation_commissions ec WHERE ec.evaluator_id = ?)";
  if (!states.to_start_evaluation.empty()) {
    auto [where, params] = inStates(member, evaluator_id, states.to_start_evaluation);
    query.files("start_evaluation", kNothingDone, {}, where, std::move(params));
  }
  if (!states.evaluating.empty()) {
    auto [where, params] = inStates(member, evaluator_id, states.evaluating);
    // Competencies whose current version this evaluator signed.
    query.files(
        "evaluate_competencies",
        "(SELECT COUNT(*) FROM competency_evaluations ce WHERE ce.file_id = f.id AND EXISTS (SELECT 1 "
        "FROM evaluation_signatures es WHERE es.file_id = ce.file_id AND es.competency = ce.competency "
        "AND es.version = ce.version AND es.evaluator_id = ?))",
        {evaluator_id}, where, std::move(params));
  }
  return query.run(sql);
}

std::vector<TodoRow> juryMemberRows(SqlSession& sql, const std::string& user_id, const std::string& today) {
  UnionQuery query;
  const std::string member = "JOIN jury_members jm ON jm.session_id = s.id AND jm.user_id = ? ";
  query.sessions("attend_jury_session",
                 member + "WHERE (s.state = 'planned' AND s.session_date >= ?) OR s.state = 'open'",
                 {user_id, today});
  query.sessions("sign_minutes",
                 member +
                     "WHERE s.state = 'closed' AND jm.present = 1 AND NOT EXISTS (SELECT 1 FROM "
                     "jury_signatures g WHERE g.session_id = s.id AND g.user_id = jm.user_id)",
                 {user_id});
  // The president closes the session once every file on it is decided.
  query.sessions(
      "close_jury_session",
      "WHERE s.president_id = ? AND s.state = 'open' AND NOT EXISTS (SELECT 1 FROM "
      "jury_session_files jf WHERE jf.session_id = s.id AND NOT EXISTS (SELECT 1 FROM jury_decisions "
      "d WHERE d.session_id = s.id AND d.file_id = jf.file_id))",
      {user_id});
  return query.run(sql);
}

std::vector<TodoRow> gtpRows(SqlSession& sql, const std::string& college) {
  UnionQuery query;
  query.proposals("approve_proposal",
                  "WHERE p.state = 'open' AND NOT EXISTS (SELECT 1 FROM referential_approvals a WHERE "
                  "a.proposal_id = p.id AND a.college = ?)",
                  {college});
  query.proposals("publish_proposal", "WHERE p.state = 'approved'", {});
  return query.run(sql);
}

std::vector<TodoRow> candidateRows(SqlSession& sql, const std::string& user_id, const StateSet& open_states) {
  UnionQuery query;
  if (!open_states.empty()) {
    auto [where, params] = inStates("f.candidate_user_id = ?", user_id, open_states);
    query.files("next_step", kNothingDone, {}, where, std::move(params));
  }
  return query.run(sql);
}

}  // namespace cqpm::store::todo_store
