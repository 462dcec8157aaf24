#include "juries/outcome_proposal.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <map>
#include <set>

#include "common/json_text.h"
#include "domain/bloc_scope.h"
#include "juries/planned_modalities.h"
#include "store/candidate_file_store.h"
#include "store/evaluation_store.h"
#include "store/jury_decision_store.h"

namespace cqpm::juries {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Array::Ptr arrayMember(const Object::Ptr& object, const std::string& name) {
  if (!object || !object->has(name) || object->isNull(name)) return new Array;
  const Poco::Dynamic::Var value = object->get(name);
  if (value.type() != typeid(Array::Ptr)) return new Array;
  const auto array = value.extract<Array::Ptr>();
  return array ? array : Array::Ptr(new Array);
}

Object::Ptr identityJson(const referential_model::CertificationIdentity& identity) {
  Object::Ptr json = new Object;
  json->set("title", identity.title);
  json->set("cqpm_number", nullable(identity.cqpm_number));
  Object::Ptr rncp = new Object;
  rncp->set("number", nullable(identity.rncp.number));
  rncp->set("level", nullable(identity.rncp.level));
  rncp->set("registration_start", nullable(identity.rncp.registration_start));
  rncp->set("registration_end", nullable(identity.rncp.registration_end));
  rncp->set("registered", nullable(identity.rncp.registered));
  json->set("rncp", rncp);
  return json;
}

Object::Ptr modalityJson(const PlannedModality& modality) {
  Object::Ptr json = new Object;
  json->set("id", modality.id);
  json->set("label", modality.label);
  json->set("exceptional", modality.exceptional);
  json->set("justification", modality.justification.empty() ? Poco::Dynamic::Var()
                                                            : Poco::Dynamic::Var(modality.justification));
  return json;
}

struct CarriedBloc {
  std::string decision_id;
  std::string decided_at;
};

// The blocs whose carry-over the centre confirmed on the file, by index, while
// the decision that awarded them is still in force (a revoked one carries nothing).
std::map<int, CarriedBloc> carriedBlocs(store::SqlSession& sql, const domain::BlocScope& scope) {
  std::map<int, CarriedBloc> carried;
  for (const auto& bloc : scope.carried_over) {
    const auto decision = store::jury_decision_store::find(sql, bloc.decision_id);
    if (!decision || decision->revoked_at) continue;
    carried[bloc.bloc] = CarriedBloc{decision->id, decision->decided_at};
  }
  return carried;
}

}  // namespace

std::vector<BlocRef> referentialBlocs(const referential_model::Referential& referential) {
  std::vector<BlocRef> blocs;
  for (std::size_t i = 0; i < referential.blocs.size(); ++i) {
    const auto& bloc = referential.blocs[i];
    BlocRef ref{
        static_cast<int>(i) + 1, bloc.code.value_or(""), bloc.rncp_code.value_or(""), bloc.title, {}, {}};
    for (const auto& competency : bloc.competencies) {
      ref.competencies.push_back(competency.key());
      ref.competency_titles.push_back(competency.title);
    }
    blocs.push_back(std::move(ref));
  }
  return blocs;
}

Object::Ptr blocJson(const BlocRef& bloc) {
  Object::Ptr json = new Object;
  json->set("index", bloc.index);
  json->set("code", bloc.code.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(bloc.code));
  json->set("rncp_code", bloc.rncp_code.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(bloc.rncp_code));
  json->set("title", bloc.title);
  return json;
}

std::string blocLabel(const std::string& code, const std::string& title) {
  return code.empty() ? title : code + " — " + title;
}

Object::Ptr competencyJson(const ProposedCompetency& competency) {
  Object::Ptr json = new Object;
  json->set("number", competency.number);
  json->set("title", competency.title);
  json->set("bloc_index", competency.bloc_index);
  json->set("commission_result", competency.commission_result.empty()
                                     ? Poco::Dynamic::Var()
                                     : Poco::Dynamic::Var(competency.commission_result));
  json->set("carried_over", competency.carried_over);
  json->set("targeted", competency.targeted);
  json->set("validated", competency.validated);
  return json;
}

Object::Ptr proposalJson(const OutcomeProposal& proposal) {
  Object::Ptr json = new Object;
  json->set("outcome", proposal.outcome);
  Array::Ptr competencies = new Array;
  for (const auto& competency : proposal.competencies) {
    Object::Ptr item = competencyJson(competency);
    item->set("modality", competency.modality ? Poco::Dynamic::Var(modalityJson(*competency.modality))
                                              : Poco::Dynamic::Var());
    competencies->add(item);
  }
  json->set("competencies", competencies);
  json->set("blocs_awardable", proposal.blocs_awardable);
  json->set("identity", identityJson(proposal.identity));
  Array::Ptr blocs = new Array;
  for (const auto& bloc : proposal.blocs) blocs->add(blocJson(bloc));
  json->set("blocs", blocs);
  Array::Ptr carried_over = new Array;
  for (const auto& carried : proposal.carried_over) {
    Object::Ptr item = blocJson(carried.bloc);
    item->set("decision_id", carried.decision_id);
    item->set("decided_at", carried.decided_at);
    carried_over->add(item);
  }
  json->set("carried_over", carried_over);
  Array::Ptr targeted_blocs = new Array;
  for (int bloc : proposal.targeted_blocs) targeted_blocs->add(bloc);
  json->set("targeted_blocs", targeted_blocs);  // empty: the whole CQPM
  Object::Ptr results = new Object;
  for (const auto& [number, result] : proposal.results) results->set(number, result);
  json->set("results", results);
  json->set("referential_version", nullable(proposal.referential_version));
  return json;
}

OutcomeProposal OutcomeProposer::propose(store::SqlSession& sql, const domain::CandidateFile& file,
                                         const std::string& session_date) {
  const auto referential = rules_.referentialFor(file);
  const auto blocs = referentialBlocs(*referential);
  OutcomeProposal proposal;
  proposal.identity = referential->identity;
  proposal.blocs_awardable = referential_model::blocsAwardable(proposal.identity, session_date);
  proposal.referential_version = file.referential_version;
  std::vector<std::string> numbers;
  for (const auto& bloc : blocs)
    numbers.insert(numbers.end(), bloc.competencies.begin(), bloc.competencies.end());
  const auto graded = store::evaluation_store::competencyResults(sql, file.id, numbers);
  for (const auto& [number, result] : graded) proposal.results[number] = result;

  // Carried-over blocs count as acquired: the plugin then proposes the whole
  // CQPM when they and the newly acquired blocs cover every bloc.
  const domain::BlocScope scope = domain::parseBlocScope(file.bloc_scope_json);
  proposal.targeted_blocs.assign(scope.targeted.begin(), scope.targeted.end());
  const auto carried = carriedBlocs(sql, scope);
  Object::Ptr fed = new Object;
  for (const auto& [number, result] : graded) fed->set(number, result);
  std::set<int> carried_indexes;
  for (const auto& bloc : blocs) {
    const auto found = carried.find(bloc.index);
    if (found == carried.end()) continue;
    carried_indexes.insert(bloc.index);
    for (const auto& number : bloc.competencies) fed->set(number, "acquired");
    proposal.carried_over.push_back({bloc, found->second.decision_id, found->second.decided_at});
  }

  const auto proposed = rules_.proposeOutcome(file, fed);
  std::string outcome = textOf(proposed, "outcome");
  if (outcome != "certified" && outcome != "blocs_awarded") outcome = "not_certified";
  const auto plugin_blocs = arrayMember(proposed, "blocs");
  for (std::size_t i = 0; i < plugin_blocs->size(); ++i) {
    const auto bloc = plugin_blocs->getObject(static_cast<unsigned>(i));
    if (!bloc || !bloc->has("index")) continue;
    const int index = bloc->get("index").convert<int>();
    if (index < 1 || index > static_cast<int>(blocs.size())) continue;
    // A bloc attestation lists what this jury awards: blocs already held stay on their own attestation.
    if (outcome == "blocs_awarded" && carried_indexes.count(index)) continue;
    proposal.blocs.push_back(blocs[static_cast<std::size_t>(index - 1)]);
  }
  // Blocs are awarded only for a CQPM registered at the RNCP (the seeds: « pour les CQPM inscrits au RNCP »).
  if (outcome == "blocs_awarded" && (proposal.blocs.empty() || !proposal.blocs_awardable))
    outcome = "not_certified";
  if (outcome == "not_certified") proposal.blocs.clear();
  proposal.outcome = outcome;

  // What the jury's validation starts from: the commission's result, a carried-over bloc validated;
  // beside it, how the competency was evaluated (and why, for an exceptional modality).
  const auto planned = plannedModalities(file, *referential);
  for (const auto& bloc : blocs) {
    for (std::size_t c = 0; c < bloc.competencies.size(); ++c) {
      ProposedCompetency competency;
      competency.number = bloc.competencies[c];
      competency.title = bloc.competency_titles[c];
      competency.bloc_index = bloc.index;
      const auto graded_result = graded.find(competency.number);
      competency.commission_result = graded_result == graded.end() ? std::string() : graded_result->second;
      competency.carried_over = carried_indexes.count(bloc.index) > 0;
      // A bloc the file did not register for is not evaluated, nor validated by this jury.
      competency.targeted = scope.targets(bloc.index);
      competency.validated =
          competency.carried_over || (competency.targeted && competency.commission_result == "acquired");
      if (const auto modality = planned.find(competency.number); modality != planned.end())
        competency.modality = modality->second;
      proposal.competencies.push_back(std::move(competency));
    }
  }
  return proposal;
}

}  // namespace cqpm::juries
