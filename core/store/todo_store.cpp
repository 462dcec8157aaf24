#include "store/todo_store.h"

#include <utility>

#include "store/row_reader.h"

namespace cqpm::store::todo_store {

namespace {

// The planned competencies of `f`: the entries of its stored modality plan,
// counted as the occurrences of their "competency" key (ModalityPlanService
// writes the plan compact, one key per entry, entry details under "details"),
// because SQLite and PostgreSQL share no JSON function.
constexpr const char* kPlanned =
    "CAST((LENGTH(COALESCE(f.modality_plan, '')) - LENGTH(REPLACE(COALESCE(f.modality_plan, ''), "
    "'\"competency\":', ''))) / 13 AS BIGINT)";
// Competencies of `f` whose current version two evaluators signed.
constexpr const char* kSignedTwice =
    "(SELECT COUNT(*) FROM competency_evaluations ce WHERE ce.file_id = f.id AND (SELECT COUNT(*) FROM "
    "evaluation_signatures es WHERE es.file_id = ce.file_id AND es.competency = ce.competency AND es.version "
    "= "
    "ce.version) >= 2)";
// Competencies of `f` whose current version the evaluator (?) signed.
constexpr const char* kSignedByMe =
    "(SELECT COUNT(*) FROM competency_evaluations ce WHERE ce.file_id = f.id AND EXISTS (SELECT 1 FROM "
    "evaluation_signatures es WHERE es.file_id = ce.file_id AND es.competency = ce.competency AND es.version "
    "= "
    "ce.version AND es.evaluator_id = ?))";
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
constexpr const char* kZero = "CAST(0 AS BIGINT)";

using Params = std::vector<std::string>;

// A branch over the files `f`: the kind, its condition, and what its columns hold.
struct FileBranch {
  const char* kind = "";
  std::string where;
  Params where_params;
  bool report = false;  // due day and overdue flag from the pending report deadline
  std::string done = kZero;
  Params done_params;
  bool planned = false;  // count the plan's competencies
};

// Branches united by UNION ALL (every branch answers the columns of TodoRow,
// typed NULLs and integers so PostgreSQL unites them without guessing), with
// their parameters in the order of the text.
class UnionQuery {
 public:
  explicit UnionQuery(std::string now) : now_(std::move(now)) {}

  void files(const FileBranch& branch) {
    Params params;
    std::string due = "CAST(NULL AS TEXT) AS due_date, 0 AS overdue";
    std::string source = " FROM candidate_files f WHERE ";
    if (branch.report) {
      due = "dl.due_date AS due_date, CASE WHEN f.pending_report_due_at <= ? THEN 1 ELSE 0 END AS overdue";
      params.push_back(now_);
      source =
          " FROM candidate_files f LEFT JOIN file_deadlines dl ON dl.file_id = f.id AND dl.kind = 'report' "
          "WHERE ";
    }
    for (const auto& value : branch.done_params) params.push_back(value);
    for (const auto& value : branch.where_params) params.push_back(value);
    add(std::string("SELECT '") + branch.kind +
            "' AS kind, f.id AS file_id, CAST(NULL AS TEXT) AS session_id, CAST(NULL AS TEXT) AS "
            "proposal_id, "
            "f.given_name, f.family_name, f.cqpm, f.pathway, f.state, " +
            due + ", CAST(NULL AS TEXT) AS place, CAST(NULL AS TEXT) AS detail, " + branch.done +
            " AS done, " + (branch.planned ? kPlanned : kZero) + " AS planned" + source + branch.where,
        std::move(params));
  }

  /// A branch over the jury sessions `s`; `overdue` is the flag's expression.
  void sessions(const char* kind, const std::string& overdue, const std::string& rest, Params params) {
    add(std::string("SELECT '") + kind +
            "' AS kind, CAST(NULL AS TEXT) AS file_id, s.id AS session_id, CAST(NULL AS TEXT) AS "
            "proposal_id, "
            "'' AS given_name, '' AS family_name, '' AS cqpm, '' AS pathway, s.state, s.session_date AS "
            "due_date, " +
            overdue + " AS overdue, s.place, s.session_time AS detail, " + kZero + " AS done, " + kZero +
            " AS planned FROM jury_sessions s " + rest,
        std::move(params));
  }

  /// A branch over the referential proposals `p`.
  void proposals(const char* kind, const std::string& rest, Params params) {
    add(std::string("SELECT '") + kind +
            "' AS kind, CAST(NULL AS TEXT) AS file_id, CAST(NULL AS TEXT) AS session_id, CAST(p.id AS TEXT) "
            "AS "
            "proposal_id, '' AS given_name, '' AS family_name, p.cqpm, '' AS pathway, p.state, CAST(NULL AS "
            "TEXT) "
            "AS due_date, 0 AS overdue, CAST(NULL AS TEXT) AS place, CAST(NULL AS TEXT) AS detail, " +
            std::string(kZero) + " AS done, " + kZero + " AS planned FROM referential_proposals p " + rest,
        std::move(params));
  }

  /// The counts by kind, then the page the request asks for.
  TodoPage page(SqlSession& sql, const TodoPageRequest& request) const {
    TodoPage page;
    if (sql_.empty()) return page;
    Query counts = sql.query("SELECT t.kind, COUNT(*) AS items, SUM(t.overdue) AS late FROM (" + sql_ +
                             ") t GROUP BY t.kind");
    for (const auto& value : params_) counts.bind(value);
    counts.forEachRow([&](const RowReader& row) {
      page.counts.push_back({row.text("kind"), row.integer("items"), row.integer("late")});
    });

    std::string where = request.kind ? " WHERE t.kind = ?" : "";
    if (request.overdue_only) where += where.empty() ? " WHERE t.overdue = 1" : " AND t.overdue = 1";
    Query rows =
        sql.query("SELECT t.* FROM (" + sql_ + ") t" + where +
                  " ORDER BY t.overdue DESC, CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, "
                  "t.kind, t.family_name, t.given_name, t.file_id, t.session_id, t.proposal_id LIMIT " +
                  std::to_string(request.limit));
    for (const auto& value : params_) rows.bind(value);
    if (request.kind) rows.bind(*request.kind);
    rows.forEachRow([&](const RowReader& row) {
      page.rows.push_back({row.text("kind"), row.optionalText("file_id"), row.optionalText("session_id"),
                           row.optionalText("proposal_id"), row.text("given_name"), row.text("family_name"),
                           row.text("cqpm"), row.text("pathway"), row.text("state"),
                           row.optionalText("due_date"), row.integer("overdue") != 0,
                           row.optionalText("place"), row.optionalText("detail"), row.integer("done"),
                           row.integer("planned")});
    });
    return page;
  }

 private:
  void add(const std::string& branch, Params params) {
    sql_ += (sql_.empty() ? "" : " UNION ALL ") + branch;
    for (auto& value : params) params_.push_back(std::move(value));
  }

  std::string now_;
  std::string sql_;
  Params params_;
};

// "<scope condition> AND f.state IN (?, ...)" and its parameters.
std::pair<std::string, Params> inStates(const std::string& scope_condition, const std::string& key,
                                        const StateSet& states) {
  std::string sql = scope_condition + " AND f.state IN (";
  Params params{key};
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

// Adds branches over the files of one scope, each in its own states.
class ScopedBranches {
 public:
  ScopedBranches(UnionQuery& query, std::string scope_condition, std::string key)
      : query_(query), scope_condition_(std::move(scope_condition)), key_(std::move(key)) {}

  /// Files in `states` that also meet `extra` (" AND ...", with `extra_params`).
  void add(const StateSet& states, const char* kind, const std::string& extra, Params extra_params = {}) {
    FileBranch branch;
    branch.kind = kind;
    add(states, std::move(branch), extra, std::move(extra_params));
  }

  /// The same, due on the file's pending report deadline.
  void addReport(const StateSet& states, const char* kind, const std::string& extra,
                 Params extra_params = {}) {
    FileBranch branch;
    branch.kind = kind;
    branch.report = true;
    add(states, std::move(branch), extra, std::move(extra_params));
  }

  /// A branch whose columns `branch` already says.
  void add(const StateSet& states, FileBranch branch, const std::string& extra, Params extra_params) {
    if (states.empty()) return;
    auto [where, params] = inStates(scope_condition_, key_, states);
    for (auto& value : extra_params) params.push_back(std::move(value));
    branch.where = where + extra;
    branch.where_params = std::move(params);
    query_.files(branch);
  }

 private:
  UnionQuery& query_;
  std::string scope_condition_;
  std::string key_;
};

std::string allSigned(const char* signed_count) {
  return std::string(" AND ") + kPlanned + " > 0 AND " + signed_count + " >= " + kPlanned;
}

}  // namespace

TodoPage coordinatorTodo(SqlSession& sql, const std::string& centre_id, const CoordinatorStates& states,
                         const std::string& now, const std::string& today, const TodoPageRequest& request) {
  UnionQuery query(now);
  ScopedBranches files(query, "f.centre_id = ?", centre_id);
  files.add(states.to_register, "register_file", "");
  files.add(
      states.to_agree, "decide_admissibility",
      " AND f.pathway = 'vae' AND NOT EXISTS (SELECT 1 FROM vae_admissibility_decisions v WHERE v.file_id = "
      "f.id)");
  files.add(states.to_agree, "agree_modalities", std::string(" AND NOT (") + kVaeNotAdmitted + ")");
  files.add(
      joined(states.to_start_evaluation, joined(states.to_request_opinion, states.to_send_without_opinion)),
      "form_commission", std::string(" AND NOT ") + kHasCommission);
  files.add(states.to_start_evaluation, "start_evaluation", std::string(" AND ") + kHasCommission);
  // The plugin's completeness check stays the transition's guard; the
  // coordinator is told once every planned competency is signed twice.
  files.add(states.to_request_opinion, "request_company_opinion",
            " AND f.pathway <> 'vae'" + allSigned(kSignedTwice));
  files.add(states.to_send_without_opinion, "send_to_jury",
            " AND f.pathway = 'vae'" + allSigned(kSignedTwice));
  files.add(states.awaiting_opinion, "send_opinion_to_jury", std::string(" AND ") + kOpinionSigned);
  files.add(states.awaiting_jury, "add_to_jury_session",
            " AND NOT EXISTS (SELECT 1 FROM jury_session_files jf WHERE jf.file_id = f.id)");
  files.addReport(states.awaiting_report, "report_overdue", " AND f.pending_report_due_at <= ?", {now});
  query.sessions("open_jury_session", "CASE WHEN s.session_date < ? THEN 1 ELSE 0 END",
                 "WHERE s.centre_id = ? AND s.state = 'planned' AND s.session_date <= ?",
                 {today, centre_id, today});
  query.sessions("publish_results", "0",
                 "WHERE s.centre_id = ? AND s.state = 'closed' AND (SELECT COUNT(DISTINCT g.college) FROM "
                 "jury_signatures g WHERE g.session_id = s.id) >= 2",
                 {centre_id});
  return query.page(sql, request);
}

TodoPage tutorTodo(SqlSession& sql, const std::string& company_id, const TutorStates& states,
                   const std::string& now, const TodoPageRequest& request) {
  UnionQuery query(now);
  ScopedBranches files(query, "f.company_id = ?", company_id);
  files.addReport(states.awaiting_report, "upload_report", " AND f.pending_report_due_at IS NOT NULL");
  files.add(states.awaiting_opinion, "give_opinion", std::string(" AND NOT ") + kOpinionSigned);
  files.add(states.awaiting_opinion, "send_opinion_to_jury", std::string(" AND ") + kOpinionSigned);
  return query.page(sql, request);
}

TodoPage evaluatorTodo(SqlSession& sql, const std::string& evaluator_id, const EvaluatorStates& states,
                       const TodoPageRequest& request) {
  UnionQuery query("");
  ScopedBranches files(query,
                       "f.id IN (SELECT ec.file_id FROM evaluation_commissions ec WHERE ec.evaluator_id = ?)",
                       evaluator_id);
  files.add(states.to_start_evaluation, "start_evaluation", "");
  // Files where some planned competency still lacks this evaluator's signature on its current version.
  FileBranch evaluation;
  evaluation.kind = "evaluate_competencies";
  evaluation.done = kSignedByMe;
  evaluation.done_params = {evaluator_id};
  evaluation.planned = true;
  files.add(states.evaluating, std::move(evaluation), std::string(" AND ") + kSignedByMe + " < " + kPlanned,
            {evaluator_id});
  return query.page(sql, request);
}

TodoPage juryMemberTodo(SqlSession& sql, const std::string& user_id, const std::string& today,
                        const TodoPageRequest& request) {
  UnionQuery query("");
  const std::string member = "JOIN jury_members jm ON jm.session_id = s.id AND jm.user_id = ? ";
  query.sessions("attend_jury_session", "0",
                 member + "WHERE (s.state = 'planned' AND s.session_date >= ?) OR s.state = 'open'",
                 {user_id, today});
  query.sessions("sign_minutes", "0",
                 member +
                     "WHERE s.state = 'closed' AND jm.present = 1 AND NOT EXISTS (SELECT 1 FROM "
                     "jury_signatures g WHERE g.session_id = s.id AND g.user_id = jm.user_id)",
                 {user_id});
  // The president closes the session once every file on it is decided.
  query.sessions(
      "close_jury_session", "0",
      "WHERE s.president_id = ? AND s.state = 'open' AND NOT EXISTS (SELECT 1 FROM "
      "jury_session_files jf WHERE jf.session_id = s.id AND NOT EXISTS (SELECT 1 FROM jury_decisions "
      "d WHERE d.session_id = s.id AND d.file_id = jf.file_id))",
      {user_id});
  return query.page(sql, request);
}

TodoPage gtpTodo(SqlSession& sql, const std::string& college, const TodoPageRequest& request) {
  UnionQuery query("");
  query.proposals("approve_proposal",
                  "WHERE p.state = 'open' AND NOT EXISTS (SELECT 1 FROM referential_approvals a WHERE "
                  "a.proposal_id = p.id AND a.college = ?)",
                  {college});
  query.proposals("publish_proposal", "WHERE p.state = 'approved'", {});
  return query.page(sql, request);
}

TodoPage candidateTodo(SqlSession& sql, const std::string& user_id, const StateSet& open_states,
                       const std::string& now, const TodoPageRequest& request) {
  UnionQuery query(now);
  ScopedBranches files(query, "f.candidate_user_id = ?", user_id);
  files.addReport(open_states, "upload_report", " AND f.pending_report_due_at IS NOT NULL");
  files.add(open_states, "next_step", " AND f.pending_report_due_at IS NULL");
  return query.page(sql, request);
}

}  // namespace cqpm::store::todo_store
