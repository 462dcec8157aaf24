#include "juries/decision_effects.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "awards/award_issuer.h"
#include "common/input_rules.h"
#include "workflow/workflow_contract.h"

namespace cqpm::juries {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The transition that applies each outcome.
std::string transitionFor(const std::string& outcome) {
  if (outcome == "certified") return workflow::transitions::kCertify;
  if (outcome == "blocs_awarded") return workflow::transitions::kAwardBlocs;
  return workflow::transitions::kRefuseCertification;
}

Object::Ptr transitionPayload(const store::JuryDecisionRecord& decision) {
  Object::Ptr payload = new Object;
  payload->set("decision_id", decision.id);
  payload->set("session_id", decision.session_id);
  payload->set("overrides_proposal", decision.overrides_proposal);
  if (decision.outcome == "blocs_awarded") {
    const auto blocs = Poco::JSON::Parser().parse(decision.blocs_json).extract<Array::Ptr>();
    Array::Ptr labels = new Array;  // blocs_listed wants text: the code, or the title of a bloc without one
    for (std::size_t i = 0; i < blocs->size(); ++i) {
      const auto bloc = blocs->getObject(static_cast<unsigned>(i));
      labels->add(bloc->isNull("code") ? bloc->getValue<std::string>("title")
                                       : bloc->getValue<std::string>("code"));
    }
    payload->set("blocs", labels);
  }
  if (decision.outcome == "not_certified" || !decision.reason.empty()) {
    // The decision keeps its whole reason; the event's copy obeys the transition's payload
    // schema (4,000 characters), which a reason recorded before that limit may exceed.
    payload->set("reason", decision.reason.empty()
                               ? std::string("Le jury a suivi la proposition : le CQPM n'est pas délivré.")
                               : truncatedText(decision.reason, 4000));
  }
  return payload;
}

}  // namespace

std::string applyDecision(store::SqlSession& sql, files::TransitionService& transitions,
                          const domain::Actor& actor, const store::JuryDecisionRecord& decision,
                          const store::CandidateFileView& view,
                          const referential_model::Referential& referential,
                          const std::string& session_date) {
  const std::string transition = transitionFor(decision.outcome);
  const auto moved = transitions.fireIn(
      sql, actor, {view.file.id, transition, view.file.version, transitionPayload(decision)});
  if (moved.file.state != decision.outcome) {
    throw Error(ErrorCode::kInternal, "transition " + transition + " led to " + moved.file.state);
  }
  awards::issueAward(sql, decision, view, referential.identity, session_date);
  return transition;
}

}  // namespace cqpm::juries
