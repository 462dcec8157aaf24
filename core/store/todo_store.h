#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// One row of a to-do query: what is to be done (`kind`) and what its label is
/// made of. Every role's query answers these columns, so that its branches
/// unite into one statement.
struct TodoRow {
  std::string kind;
  std::optional<std::string> file_id;
  std::optional<std::string> session_id;
  std::optional<std::string> proposal_id;
  std::string given_name;  ///< the file's candidate; empty for sessions and proposals
  std::string family_name;
  std::string cqpm;                     ///< the file's or the proposal's CQPM id
  std::string pathway;                  ///< the file's pathway
  std::string state;                    ///< the file's, session's or proposal's state
  std::optional<std::string> due_date;  ///< a pending report deadline's or a session's day (YYYY-MM-DD)
  bool overdue = false;                 ///< the day it was due has passed
  std::optional<std::string> place;     ///< a session's place
  std::optional<std::string> detail;    ///< a session's hour (HH:MM)
  std::int64_t done = 0;                ///< competencies the evaluator signed
  std::int64_t planned = 0;             ///< competencies in the file's modality plan
};

/// Items of one kind: how many, and how many overdue.
struct TodoCount {
  std::string kind;
  std::int64_t items = 0;
  std::int64_t overdue = 0;
};

/// Which rows to answer: the counts always cover every row.
struct TodoPageRequest {
  int limit = 100;                  ///< rows answered (the caller checks the range)
  bool overdue_only = false;        ///< only the overdue rows
  std::optional<std::string> kind;  ///< only the rows of this kind
};

/// A role's to-do rows: the counts by kind (kinds without rows left out), and
/// the first rows: overdue first, then by due day, then the undated ones, the
/// oldest file or proposal first.
struct TodoPage {
  std::vector<TodoCount> counts;
  std::vector<TodoRow> rows;
};

/// Sets of workflow states a to-do query looks for; an empty set leaves its branch out.
using StateSet = std::vector<std::string>;

/// Where the centre coordinator has to act on the centre's files, by workflow state.
struct CoordinatorStates {
  StateSet to_register;              ///< register the candidate
  StateSet to_agree;                 ///< decide VAE admissibility, then agree the modalities
  StateSet to_start_evaluation;      ///< form the commission, then open the evaluation
  StateSet to_request_opinion;       ///< every planned competency signed twice: request the opinion
  StateSet to_send_without_opinion;  ///< the same for VAE files: send them to the jury
  StateSet awaiting_opinion;         ///< send the signed company opinion on to the jury
  StateSet awaiting_jury;            ///< add the file to a jury session
  StateSet awaiting_report;          ///< files whose report deadline passed
};

/// Where a company tutor has to act on the company's files.
struct TutorStates {
  StateSet awaiting_report;   ///< upload the report before its deadline
  StateSet awaiting_opinion;  ///< give (sign) the opinion, then send it on
};

/// Where an evaluator has to act on the files of their commissions.
struct EvaluatorStates {
  StateSet to_start_evaluation;
  StateSet evaluating;
};

/// The to-do queries: per role, two statements over the same branches (the
/// counts, then the page), every branch driven by an index (scope column and
/// state, or the user's membership) that also gives its order, so that a
/// centre of 100k files counts the index entries of the files waiting on
/// someone and reads one page of each branch. `now` is ISO-8601 UTC; `today`
/// the Paris calendar day.
namespace todo_store {

TodoPage coordinatorTodo(SqlSession& sql, const std::string& centre_id, const CoordinatorStates& states,
                         const std::string& now, const std::string& today, const TodoPageRequest& request);
TodoPage tutorTodo(SqlSession& sql, const std::string& company_id, const TutorStates& states,
                   const std::string& now, const TodoPageRequest& request);
TodoPage evaluatorTodo(SqlSession& sql, const std::string& evaluator_id, const EvaluatorStates& states,
                       const TodoPageRequest& request);
/// Sessions coming (planned from `today` on, or open), minutes to sign, sessions to close as president.
TodoPage juryMemberTodo(SqlSession& sql, const std::string& user_id, const std::string& today,
                        const TodoPageRequest& request);
/// Open proposals the college has not approved yet, and approved ones to publish.
TodoPage gtpTodo(SqlSession& sql, const std::string& college, const TodoPageRequest& request);
/// The candidate's files in `open_states`: the report to upload, else the next step.
TodoPage candidateTodo(SqlSession& sql, const std::string& user_id, const StateSet& open_states,
                       const std::string& now, const TodoPageRequest& request);

}  // namespace todo_store
}  // namespace cqpm::store
