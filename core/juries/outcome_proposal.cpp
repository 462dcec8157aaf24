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

Array::Ptr arrayOf(const Object::Ptr& object, const std::string& name) {
  if (!object || !object->has(name) || object->isNull(name)) return new Array;
  const Poco::Dynamic::Var value = object->get(name);
  if (value.type() != typeid(Array::Ptr)) return new Array;
  const auto array = value.extract<Array::Ptr>();
  return array ? array : Array::Ptr(new Array);
}

Poco::Dynamic::Var optionalVar(const std::optional<std::string>& value) {
  return value ? Poco::Dynamic::Var(*value) : Poco::Dynamic::Var();
}

Object::Ptr identityJson(const referential_model::CertificationIdentity& identity) {
  Object::Ptr json = new Object;
  json->set("title", identity.title);
  json->set("cqpm_number", optionalVar(identity.cqpm_number));
  Object::Ptr rncp = new Object;
  rncp->set("number", optionalVar(identity.rncp.number));
  rncp->set("level", identity.rncp.level ? Poco::Dynamic::Var(*identity.rncp.level) : Poco::Dynamic::Var());
  rncp->set("registration_start", optionalVar(identity.rncp.registration_start));
  rncp->set("registration_end", optionalVar(identity.rncp.registration_end));
  rncp->set("registered",
            identity.rncp.registered ? Poco::Dynamic::Var(*identity.rncp.registered) : Poco::Dynamic::Var());
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

Object::Ptr OutcomeProposer::propose(store::SqlSession& sql, const domain::CandidateFile& file,
                                     const std::string& session_date) {
  const auto referential = rules_.referentialFor(file);
  const auto blocs = referentialBlocs(*referential);
  const auto& identity = referential->identity;
  const bool awardable = referential_model::blocsAwardable(identity, session_date);
  std::vector<std::string> numbers;
  for (const auto& bloc : blocs)
    numbers.insert(numbers.end(), bloc.competencies.begin(), bloc.competencies.end());
  const auto graded = store::evaluation_store::competencyResults(sql, file.id, numbers);

  Object::Ptr results = new Object;
  for (const auto& [number, result] : graded) results->set(number, result);
  // Carried-over blocs count as acquired: the plugin then proposes the whole
  // CQPM when they and the newly acquired blocs cover every bloc.
  const domain::BlocScope scope = domain::parseBlocScope(file.bloc_scope_json);
  const auto carried = carriedBlocs(sql, scope);
  Object::Ptr fed = new Object(*results);
  Array::Ptr carried_over = new Array;
  std::set<int> carried_indexes;
  for (const auto& bloc : blocs) {
    const auto found = carried.find(bloc.index);
    if (found == carried.end()) continue;
    carried_indexes.insert(bloc.index);
    for (const auto& number : bloc.competencies) fed->set(number, "acquired");
    Object::Ptr item = blocJson(bloc);
    item->set("decision_id", found->second.decision_id);
    item->set("decided_at", found->second.decided_at);
    carried_over->add(item);
  }

  const auto proposed = rules_.proposeOutcome(file, fed);
  std::string outcome = textOf(proposed, "outcome");
  if (outcome != "certified" && outcome != "blocs_awarded") outcome = "not_certified";
  Array::Ptr proposed_blocs = new Array;
  const auto plugin_blocs = arrayOf(proposed, "blocs");
  for (std::size_t i = 0; i < plugin_blocs->size(); ++i) {
    const auto bloc = plugin_blocs->getObject(static_cast<unsigned>(i));
    if (!bloc || !bloc->has("index")) continue;
    const int index = bloc->get("index").convert<int>();
    if (index < 1 || index > static_cast<int>(blocs.size())) continue;
    // A bloc attestation lists what this jury awards: blocs already held stay on their own attestation.
    if (outcome == "blocs_awarded" && carried_indexes.count(index)) continue;
    proposed_blocs->add(blocJson(blocs[static_cast<std::size_t>(index - 1)]));
  }
  // Blocs are awarded only for a CQPM registered at the RNCP (the seeds: « pour les CQPM inscrits au RNCP »).
  if (outcome == "blocs_awarded" && (proposed_blocs->size() == 0 || !awardable)) outcome = "not_certified";
  if (outcome == "not_certified") proposed_blocs = new Array;

  // What the jury's validation starts from: the commission's result, a carried-over bloc validated;
  // beside it, how the competency was evaluated (and why, for an exceptional modality).
  const auto planned = plannedModalities(file, *referential);
  Array::Ptr competencies = new Array;
  for (const auto& bloc : blocs) {
    for (std::size_t c = 0; c < bloc.competencies.size(); ++c) {
      const std::string& number = bloc.competencies[c];
      const auto graded_result = graded.find(number);
      const std::string result = graded_result == graded.end() ? std::string() : graded_result->second;
      const bool carried_bloc = carried_indexes.count(bloc.index) > 0;
      const bool targeted = scope.targets(bloc.index);
      Object::Ptr item = new Object;
      item->set("number", number);
      item->set("title", bloc.competency_titles[c]);
      item->set("bloc_index", bloc.index);
      item->set("commission_result", result.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(result));
      item->set("carried_over", carried_bloc);
      // A bloc the file did not register for is not evaluated, nor validated by this jury.
      item->set("targeted", targeted);
      item->set("validated", carried_bloc || (targeted && result == "acquired"));
      const auto modality = planned.find(number);
      item->set("modality", modality == planned.end() ? Poco::Dynamic::Var()
                                                      : Poco::Dynamic::Var(modalityJson(modality->second)));
      competencies->add(item);
    }
  }

  Object::Ptr proposal = new Object;
  proposal->set("outcome", outcome);
  proposal->set("competencies", competencies);
  proposal->set("blocs_awardable", awardable);
  proposal->set("identity", identityJson(identity));
  proposal->set("blocs", proposed_blocs);
  proposal->set("carried_over", carried_over);
  Array::Ptr targeted_blocs = new Array;
  for (int bloc : scope.targeted) targeted_blocs->add(bloc);
  proposal->set("targeted_blocs", targeted_blocs);  // empty: the whole CQPM
  proposal->set("results", results);
  proposal->set("referential_version", file.referential_version
                                           ? Poco::Dynamic::Var(*file.referential_version)
                                           : Poco::Dynamic::Var());
  return proposal;
}

}  // namespace cqpm::juries
