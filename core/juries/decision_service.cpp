#include "juries/decision_service.h"

#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <map>
#include <set>

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "files/file_events.h"
#include "juries/jury_bench.h"
#include "juries/session_access.h"
#include "store/award_store.h"
#include "store/candidate_file_store.h"
#include "store/event_store.h"
#include "store/jury_decision_store.h"
#include "store/jury_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::juries {

using Poco::JSON::Array;
using Poco::JSON::Object;
using store::SqlSession;

namespace {

const std::vector<std::string> kOutcomes{"certified", "blocs_awarded", "not_certified"};

std::string candidateName(const domain::CandidateFile& file) {
  return file.candidate.given_name + " " + file.candidate.family_name;
}

// A file of the session, as `seat` may act on it. Members from the candidate's
// company are refused here, whatever they try on the file.
store::CandidateFileView fileOfSession(SqlSession& sql, const SessionSeat& seat, const std::string& file_id) {
  const auto ids = store::jury_store::fileIds(sql, seat.session.id);
  if (std::find(ids.begin(), ids.end(), file_id) == ids.end()) {
    throw Error(ErrorCode::kNotFound, "no candidate file " + file_id + " in this jury session", "file_id");
  }
  auto view = store::candidate_file_store::find(sql, file_id, {access::FileScope::Kind::kEverything, {}});
  if (!view) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id, "file_id");
  if (seat.member && hasConflictOfInterest(*seat.member, view->file)) {
    throw conflictOfInterestError(*seat.member, view->file);
  }
  return std::move(*view);
}

std::set<int> indexesOf(const std::vector<BlocRef>& blocs) {
  std::set<int> indexes;
  for (const auto& bloc : blocs) indexes.insert(bloc.index);
  return indexes;
}

// Bloc indexes the jury listed: each exists, once.
void requireKnownBlocs(const std::optional<std::vector<int>>& requested, const std::vector<BlocRef>& blocs) {
  if (!requested) return;
  std::set<int> seen;
  for (std::size_t i = 0; i < requested->size(); ++i) {
    const int index = (*requested)[i];
    const std::string field = "blocs[" + std::to_string(i) + "]";
    if (index < 1 || index > static_cast<int>(blocs.size())) {
      throw Error(ErrorCode::kInvalidField,
                  "bloc " + std::to_string(index) + " does not exist: the referential has " +
                      std::to_string(blocs.size()) + " blocs, numbered from 1",
                  field);
    }
    if (!seen.insert(index).second) {
      throw Error(ErrorCode::kInvalidField, "bloc " + std::to_string(index) + " is listed twice", field);
    }
  }
}

// The blocs the decision records: every bloc for the whole CQPM, the newly
// validated ones for an attestation, none for a refusal.
std::vector<BlocRef> derivedBlocs(const DerivedOutcome& derived, const std::vector<BlocRef>& blocs) {
  std::vector<BlocRef> chosen;
  for (const int index : derived.bloc_indexes) chosen.push_back(blocs[static_cast<std::size_t>(index - 1)]);
  return chosen;
}

// The blocs as the decision's column keeps them: [{index, code, rncp_code, title}].
Array::Ptr blocsColumn(const std::vector<BlocRef>& blocs) {
  Array::Ptr column = new Array;
  for (const auto& bloc : blocs) column->add(blocJson(bloc));
  return column;
}

std::set<int> carriedIndexes(const OutcomeProposal& proposal) {
  std::set<int> indexes;
  for (const auto& carried : proposal.carried_over) indexes.insert(carried.bloc.index);
  return indexes;
}

// The validation as the decision keeps it (and the minutes print it).
Array::Ptr validationJson(const std::vector<ValidatedCompetency>& validated,
                          const std::vector<BlocRef>& blocs) {
  Array::Ptr items = new Array;
  for (const auto& competency : validated) {
    const auto& bloc = blocs[static_cast<std::size_t>(competency.bloc_index - 1)];
    const auto at = std::find(bloc.competencies.begin(), bloc.competencies.end(), competency.number);
    ProposedCompetency shown;
    shown.number = competency.number;
    shown.title = bloc.competency_titles[static_cast<std::size_t>(at - bloc.competencies.begin())];
    shown.bloc_index = competency.bloc_index;
    shown.commission_result = competency.commission_result;
    shown.carried_over = competency.carried_over;
    shown.targeted = competency.targeted;
    shown.validated = competency.validated;
    Object::Ptr item = competencyJson(shown);
    item->set("reason",
              competency.reason.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(competency.reason));
    items->add(item);
  }
  return items;
}

bool anyDeparture(const std::vector<ValidatedCompetency>& validated) {
  return std::any_of(validated.begin(), validated.end(), [](const ValidatedCompetency& competency) {
    return !competency.carried_over && competency.targeted &&
           competency.validated != (competency.commission_result == "acquired");
  });
}

bool departsFrom(const OutcomeProposal& proposal, const std::string& outcome,
                 const std::vector<BlocRef>& chosen) {
  if (proposal.outcome != outcome) return true;
  return outcome == "blocs_awarded" && indexesOf(proposal.blocs) != indexesOf(chosen);
}

Array::Ptr seatedMembers(const std::vector<store::JuryMemberRecord>& members) {
  Array::Ptr seated = new Array;
  for (const auto& member : members) {
    Object::Ptr item = new Object;
    item->set("user_id", member.user_id);
    item->set("name", member.display_name);
    item->set("college", member.college);
    item->set("organisation", member.company_name.value_or(""));
    item->set("present", member.present);
    seated->add(item);
  }
  return seated;
}

Array::Ptr abstentionsOf(const std::vector<store::JuryMemberRecord>& abstaining) {
  Array::Ptr abstentions = new Array;
  for (const auto& member : abstaining) {
    Object::Ptr item = new Object;
    item->set("user_id", member.user_id);
    item->set("name", member.display_name);
    item->set("college", member.college);
    abstentions->add(item);
  }
  return abstentions;
}

}  // namespace

FileProposal DecisionService::proposal(const domain::Actor& actor, const std::string& session_id,
                                       const std::string& file_id) {
  return db_.read([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    const auto view = fileOfSession(sql, seat, file_id);
    return FileProposal{session_id, file_id, proposer_.propose(sql, view.file, seat.session.session_date)};
  });
}

DecisionView DecisionService::decide(const domain::Actor& actor, const std::string& session_id,
                                     const std::string& file_id, const DecisionRequest& request) {
  if (request.outcome && std::find(kOutcomes.begin(), kOutcomes.end(), *request.outcome) == kOutcomes.end()) {
    throw Error(ErrorCode::kInvalidField, "outcome must be one of certified, blocs_awarded, not_certified",
                "outcome");
  }
  if (request.blocs && request.outcome.value_or("") != "blocs_awarded") {
    throw Error(ErrorCode::kInvalidField, "blocs are listed only when the outcome is blocs_awarded", "blocs");
  }
  if (request.blocs && request.blocs->empty()) {
    throw Error(ErrorCode::kInvalidField, "list the awarded blocs by their index, or leave them out",
                "blocs");
  }
  return db_.write([&](SqlSession& sql) {
    const SessionSeat seat = seatIn(sql, actor, session_id);
    const auto view = fileOfSession(sql, seat, file_id);
    const domain::CandidateFile& file = view.file;
    if (!seat.coordinator) {
      if (!seat.member || !seat.member->present) {
        throw Error(ErrorCode::kForbidden, "only a member present at the session deliberates", "present");
      }
    }
    if (seat.session.state != "open") {
      throw Error(ErrorCode::kInvalidState, "open the deliberation of the session first", "session");
    }
    // A decision takes effect when the session's results are published: until then the file
    // stays in deliberation with its decision recorded.
    if (store::jury_decision_store::activeForFile(sql, file_id)) {
      throw Error(ErrorCode::kConflict, "the jury has already decided on this file", "file_id");
    }
    if (file.state != workflow::states::kInDeliberation) {
      throw Error(ErrorCode::kInvalidState, "the file is " + file.state + ", not in deliberation", "file_id");
    }
    const Bench bench = benchFor(seat.members, file);
    if (!bench.quorate()) throw quorumError(bench.missing_colleges, file.id, candidateName(file));

    const OutcomeProposal proposal = proposer_.propose(sql, file, seat.session.session_date);
    const auto referential = proposer_.rules().referentialFor(file);
    const auto referential_blocs = referentialBlocs(*referential);
    requireKnownBlocs(request.blocs, referential_blocs);
    // The jury's validation decides; the outcome follows from it and nothing may contradict it.
    const auto validated = validateCompetencies(
        referential_blocs, proposal.results, carriedIndexes(proposal), request.competencies,
        {proposal.targeted_blocs.begin(), proposal.targeted_blocs.end()});
    // Blocs are awarded only for a CQPM the pinned referential says is at the RNCP on the session's day.
    const bool awardable =
        referential_model::blocsAwardable(referential->identity, seat.session.session_date);
    const DerivedOutcome derived = deriveOutcome(referential_blocs, validated, awardable);
    requireSupportedOutcome(request.outcome, request.blocs, derived, referential_blocs, validated);
    const std::vector<BlocRef> blocs = derivedBlocs(derived, referential_blocs);
    const bool overrides = departsFrom(proposal, derived.outcome, blocs);
    // Competencies judged otherwise than the commission carry their own reasons; an
    // outcome departing from the plugin's proposal for anything else needs the jury's.
    if (overrides && !anyDeparture(validated) && isBlank(request.reason)) {
      Object::Ptr details = new Object;
      details->set("proposal", proposalJson(proposal));
      details->set("message_fr",
                   "La décision s'écarte de la proposition : le jury doit en donner le motif par écrit.");
      throw Error(
          ErrorCode::kUnprocessable,
          "the decision departs from the proposal (" + proposal.outcome + "): the jury must write its reason",
          "reason", details);
    }

    store::JuryDecisionRecord decision;
    decision.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    decision.session_id = session_id;
    decision.file_id = file.id;
    decision.cqpm = file.cqpm;
    decision.candidate_key = store::jury_decision_store::candidateKey(
        file.candidate.family_name, file.candidate.given_name, file.candidate.birth_date);
    decision.outcome = derived.outcome;
    decision.blocs_json = toJsonText(Poco::Dynamic::Var(blocsColumn(blocs)));
    decision.competencies_json = toJsonText(Poco::Dynamic::Var(validationJson(validated, referential_blocs)));
    decision.proposal_json = toJsonText(proposalJson(proposal));
    decision.overrides_proposal = overrides;
    decision.reason = isBlank(request.reason) ? std::string() : request.reason;
    decision.members_json = toJsonText(Poco::Dynamic::Var(seatedMembers(seat.members)));
    decision.abstentions_json = toJsonText(Poco::Dynamic::Var(abstentionsOf(bench.abstaining)));
    decision.referential_version = file.referential_version;
    decision.referential_commit = file.referential_commit;
    decision.decided_by = actor.user_id;
    decision.decided_at = nowIso8601(clock_);
    store::jury_decision_store::insert(sql, decision);
    return DecisionView{*store::jury_decision_store::find(sql, decision.id),
                        store::award_store::forDecision(sql, decision.id)};
  });
}

DecisionView DecisionService::revoke(const domain::Actor& actor, const std::string& decision_id,
                                     const std::string& reason) {
  if (isBlank(reason)) {
    throw Error(ErrorCode::kInvalidField, "a revocation needs a written reason", "reason");
  }
  const auto scope = access::fileScopeFor(actor);
  return db_.write([&](SqlSession& sql) {
    const auto decision = store::jury_decision_store::find(sql, decision_id);
    const auto file =
        decision ? store::candidate_file_store::find(sql, decision->file_id, scope) : std::nullopt;
    if (!file) throw Error(ErrorCode::kNotFound, "no decision " + decision_id);
    if (!access::allows(actor.role, access::Permission::kRevokeDecision)) {
      throw Error(ErrorCode::kForbidden, "only the coordinator of the file's centre revokes a jury decision");
    }
    // Between closing and publication the minutes are signed and the file waits for the
    // publication: a revocation would leave it in deliberation with no session to decide it.
    const auto session = store::jury_store::findSession(sql, decision->session_id);
    if (session && session->state == "closed") {
      throw Error(
          ErrorCode::kInvalidState,
          "the session is closed and its minutes signed: publish its results, then revoke the decision "
          "(or record an erratum of the session)",
          "decision");
    }
    const std::string now = nowIso8601(clock_);
    if (!store::jury_decision_store::revoke(sql, decision_id, actor.user_id, now, reason)) {
      throw Error(ErrorCode::kConflict, "this decision is already revoked", "decision");
    }
    const auto awards = store::award_store::forDecision(sql, decision_id);
    Object::Ptr payload = new Object;
    payload->set("decision_id", decision_id);
    payload->set("outcome", decision->outcome);
    payload->set("reason", reason);
    Array::Ptr codes = new Array;
    for (const auto& award : awards) codes->add(award.verification_code);
    payload->set("verification_codes", codes);
    store::event_store::append(sql,
                               files::sameStateEvent(file->file, actor, "decision_revoked", payload, now));
    return DecisionView{*store::jury_decision_store::find(sql, decision_id),
                        store::award_store::forDecision(sql, decision_id)};
  });
}

std::vector<DecisionView> DecisionService::forFile(const domain::Actor& actor, const std::string& file_id) {
  const auto scope = access::fileScopeFor(actor);
  return db_.read([&](SqlSession& sql) {
    if (!store::candidate_file_store::find(sql, file_id, scope)) {
      throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    }
    // Candidates and companies learn of a decision when its session's results are published.
    const bool after_publication =
        actor.role == domain::Role::kCandidate || actor.role == domain::Role::kCompanyTutor;
    std::vector<DecisionView> items;
    for (auto& decision : store::jury_decision_store::forFile(sql, file_id)) {
      if (after_publication) {
        const auto session = store::jury_store::findSession(sql, decision.session_id);
        if (!session || session->state != "published") continue;
      }
      auto awards = store::award_store::forDecision(sql, decision.id);
      items.push_back({std::move(decision), std::move(awards)});
    }
    return items;
  });
}

}  // namespace cqpm::juries
