#include "store/todo_store.h"

#include <algorithm>
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

// One branch of a to-do query: what it counts and what it lists.
struct Branch {
  std::string kind;
  std::string columns;  // every column of TodoRow but kind, for the page
  Params column_params;
  std::string overdue;  // the overdue flag (0 or 1), for the counts too
  Params overdue_params;
  std::string source;  // " FROM ... WHERE ..."
  Params source_params;
  // The branch's own order, the page's order restricted to it: an index walks
  // it and stops after a page instead of sorting every waiting file.
  std::string order;
  // " AND ..." keeping the overdue rows only; empty when the branch never is.
  std::string overdue_only;
  Params overdue_only_params;
};

// The branches of a role's to-do query, run as two statements over UNION ALL
// (typed NULLs and integers, so PostgreSQL unites them without guessing):
// the counts read two narrow columns of every waiting row, through covering
// indexes where they exist; the page takes a page from each branch, in the
// branch's order, and sorts those.
class UnionQuery {
 public:
  explicit UnionQuery(std::string now) : now_(std::move(now)) {}

  void files(const FileBranch& file) {
    Branch branch;
    branch.kind = file.kind;
    std::string due = "CAST(NULL AS TEXT) AS due_date";
    branch.overdue = "0";
    branch.source = " FROM candidate_files f WHERE " + file.where;
    branch.order = "f.created_at";
    if (file.report) {
      due =
          "(SELECT dl.due_date FROM file_deadlines dl WHERE dl.file_id = f.id AND dl.kind = 'report') AS "
          "due_date";
      branch.overdue = "CASE WHEN f.pending_report_due_at <= ? THEN 1 ELSE 0 END";
      branch.overdue_params = {now_};
      branch.order = "f.pending_report_due_at";
      branch.overdue_only = " AND f.pending_report_due_at <= ?";
      branch.overdue_only_params = {now_};
    }
    branch.columns =
        "f.id AS file_id, CAST(NULL AS TEXT) AS session_id, CAST(NULL AS TEXT) AS proposal_id, f.given_name, "
        "f.family_name, f.cqpm, f.pathway, f.state, " +
        due + ", " + branch.overdue +
        " AS overdue, CAST(NULL AS TEXT) AS place, CAST(NULL AS TEXT) AS detail, " + file.done +
        " AS done, " + (file.planned ? kPlanned : kZero) + " AS planned";
    branch.column_params = branch.overdue_params;
    for (const auto& value : file.done_params) branch.column_params.push_back(value);
    branch.source_params = file.where_params;
    add(std::move(branch));
  }

  /// A branch over the jury sessions `s`, in the order of their day;
  /// `overdue_when` is the condition that makes one overdue (empty: never).
  void sessions(const char* kind, const std::string& overdue_when, const Params& overdue_params,
                const std::string& rest, Params params) {
    Branch branch;
    branch.kind = kind;
    branch.overdue = overdue_when.empty() ? "0" : "CASE WHEN " + overdue_when + " THEN 1 ELSE 0 END";
    if (!overdue_when.empty()) {
      branch.overdue_params = overdue_params;
      branch.overdue_only = " AND " + overdue_when;
      branch.overdue_only_params = overdue_params;
    }
    branch.columns =
        "CAST(NULL AS TEXT) AS file_id, s.id AS session_id, CAST(NULL AS TEXT) AS proposal_id, '' AS "
        "given_name, "
        "'' AS family_name, '' AS cqpm, '' AS pathway, s.state, s.session_date AS due_date, " +
        branch.overdue + " AS overdue, s.place, s.session_time AS detail, " + kZero + " AS done, " + kZero +
        " AS planned";
    branch.column_params = branch.overdue_params;
    branch.source = " FROM jury_sessions s " + rest;
    branch.source_params = std::move(params);
    branch.order = "s.session_date";
    add(std::move(branch));
  }

  /// A branch over the referential proposals `p`, oldest first.
  void proposals(const char* kind, const std::string& rest, Params params) {
    Branch branch;
    branch.kind = kind;
    branch.overdue = "0";
    branch.columns =
        "CAST(NULL AS TEXT) AS file_id, CAST(NULL AS TEXT) AS session_id, CAST(p.id AS TEXT) AS proposal_id, "
        "'' AS given_name, '' AS family_name, p.cqpm, '' AS pathway, p.state, CAST(NULL AS TEXT) AS "
        "due_date, "
        "0 AS overdue, CAST(NULL AS TEXT) AS place, CAST(NULL AS TEXT) AS detail, " +
        std::string(kZero) + " AS done, " + kZero + " AS planned";
    branch.source = " FROM referential_proposals p " + rest;
    branch.source_params = std::move(params);
    branch.order = "p.created_at";
    add(std::move(branch));
  }

  /// The counts by kind, then the page the request asks for.
  TodoPage page(SqlSession& sql, const TodoPageRequest& request) const {
    TodoPage page;
    if (branches_.empty()) return page;
    // One aggregate row per branch: no waiting row is kept, nor sorted.
    std::string counted;
    Params count_params;
    for (const auto& branch : branches_) {
      counted += (counted.empty() ? "" : " UNION ALL ") + ("SELECT '" + branch.kind + "' AS kind, ") +
                 "COUNT(*) AS items, COALESCE(SUM(" + branch.overdue + "), 0) AS late" + branch.source;
      append(count_params, branch.overdue_params);
      append(count_params, branch.source_params);
    }
    Query counts = sql.query(counted);
    for (const auto& value : count_params) counts.bind(value);
    counts.forEachRow([&](const RowReader& row) {
      if (row.integer("items") > 0)
        page.counts.push_back({row.text("kind"), row.integer("items"), row.integer("late")});
    });

    // The first `limit` rows of each branch hold the first `limit` rows of all.
    const std::string limit = " LIMIT " + std::to_string(request.limit);
    std::string listed;
    Params list_params;
    int position = 0;
    for (const auto& branch : branches_) {
      if (request.kind && *request.kind != branch.kind) continue;
      if (request.overdue_only && branch.overdue_only.empty()) continue;
      listed += (listed.empty() ? "" : " UNION ALL ") +
                ("SELECT * FROM (SELECT '" + branch.kind + "' AS kind, ") + branch.columns + ", " +
                branch.order + " AS since" + branch.source +
                (request.overdue_only ? branch.overdue_only : "") + " ORDER BY " + branch.order + limit +
                ") b" + std::to_string(position++);
      append(list_params, branch.column_params);
      append(list_params, branch.source_params);
      if (request.overdue_only) append(list_params, branch.overdue_only_params);
    }
    if (listed.empty()) return page;
    Query rows =
        sql.query("SELECT t.* FROM (" + listed +
                  ") t ORDER BY t.overdue DESC, CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, "
                  "t.since, t.kind, t.file_id, t.session_id, t.proposal_id" +
                  limit);
    for (const auto& value : list_params) rows.bind(value);
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
  static void append(Params& to, const Params& values) { to.insert(to.end(), values.begin(), values.end()); }

  void add(Branch branch) { branches_.push_back(std::move(branch)); }

  std::string now_;
  std::vector<Branch> branches_;
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

// `a` and the states of `b` it does not hold yet.
StateSet joined(StateSet a, const StateSet& b) {
  for (const auto& state : b) {
    if (std::find(a.begin(), a.end(), state) == a.end()) a.push_back(state);
  }
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
  // Files without any signature yet (most of them) are ruled out first, by an
  // index probe; the signatures are counted and the plan read only for the
  // others. A CASE, because both databases may evaluate the terms of an AND in
  // any order: SQLite read every waiting file's plan first (27 ms against 3 ms
  // for 8,000 files under evaluation, bench_dashboard's centre).
  return std::string(
             " AND CASE WHEN EXISTS (SELECT 1 FROM evaluation_signatures es WHERE es.file_id = f.id) "
             "THEN CASE WHEN ") +
         kPlanned + " > 0 AND " + signed_count + " >= " + kPlanned + " THEN 1 ELSE 0 END ELSE 0 END = 1";
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
  query.sessions("open_jury_session", "s.session_date < ?", {today},
                 "WHERE s.centre_id = ? AND s.state = 'planned' AND s.session_date <= ?", {centre_id, today});
  query.sessions("publish_results", "", {},
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
  query.sessions("attend_jury_session", "", {},
                 member + "WHERE (s.state = 'planned' AND s.session_date >= ?) OR s.state = 'open'",
                 {user_id, today});
  query.sessions("sign_minutes", "", {},
                 member +
                     "WHERE s.state = 'closed' AND jm.present = 1 AND NOT EXISTS (SELECT 1 FROM "
                     "jury_signatures g WHERE g.session_id = s.id AND g.user_id = jm.user_id)",
                 {user_id});
  // The president closes the session once every file on it is decided.
  query.sessions(
      "close_jury_session", "", {},
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
