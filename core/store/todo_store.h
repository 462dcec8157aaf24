#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// One row of a to-do query: what is to be done (`kind`) and what the label and
/// due date are made of. Every role's query answers these columns, so that its
/// branches unite into one statement.
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
  std::optional<std::string> due_date;  ///< a report deadline's or a session's day (YYYY-MM-DD)
  std::optional<std::string> due_at;    ///< the pending report deadline's end (ISO-8601 UTC), if any
  std::optional<std::string> place;     ///< a session's place
  std::optional<std::string> detail;    ///< a file's modality plan (JSON), a session's hour
  std::int64_t done = 0;                ///< competencies signed (by the evaluator, or by two evaluators)
};

/// Sets of workflow states a to-do query looks for; an empty set leaves its branch out.
using StateSet = std::vector<std::string>;

/// Where the centre coordinator has to act on the centre's files, by workflow state.
struct CoordinatorStates {
  StateSet to_register;          ///< register the candidate
  StateSet to_agree;             ///< decide VAE admissibility, then agree the modalities
  StateSet to_start_evaluation;  ///< form the commission, then open the evaluation
  StateSet evaluating;           ///< form the commission; once signed, request the opinion
  StateSet awaiting_opinion;     ///< send the signed company opinion on to the jury
  StateSet awaiting_jury;        ///< add the file to a jury session
  StateSet awaiting_report;      ///< files whose report deadline passed
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

/// The to-do queries: one statement per role, every branch driven by an index
/// (scope column and state, or the user's membership), so that a centre of
/// 100k files reads only the files waiting on someone. `now` is ISO-8601 UTC;
/// `today` the Paris calendar day. Rows come in no particular order.
namespace todo_store {

std::vector<TodoRow> coordinatorRows(SqlSession& sql, const std::string& centre_id,
                                     const CoordinatorStates& states, const std::string& now,
                                     const std::string& today);
std::vector<TodoRow> tutorRows(SqlSession& sql, const std::string& company_id, const TutorStates& states);
std::vector<TodoRow> evaluatorRows(SqlSession& sql, const std::string& evaluator_id,
                                   const EvaluatorStates& states);
/// Sessions coming (planned from `today` on, or open), minutes to sign, sessions to close as president.
std::vector<TodoRow> juryMemberRows(SqlSession& sql, const std::string& user_id, const std::string& today);
/// Open proposals the college has not approved yet, and approved ones to publish.
std::vector<TodoRow> gtpRows(SqlSession& sql, const std::string& college);
/// The candidate's files in `open_states`, with their report deadline.
std::vector<TodoRow> candidateRows(SqlSession& sql, const std::string& user_id, const StateSet& open_states);

}  // namespace todo_store
}  // namespace cqpm::store
