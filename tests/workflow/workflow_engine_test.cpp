#include "workflow/workflow_engine.h"

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "workflow/workflow_test_support.h"

namespace cqpm::workflow {
namespace {

using domain::Pathway;
using domain::Role;
using test_support::actorWith;
using test_support::coreRegistry;
using test_support::employeeFile;
using test_support::kDefinitionPath;
using test_support::kSchemaPath;
using test_support::passingPayload;
using test_support::vaeFile;

const std::vector<Role> kAllRoles = {
    Role::kCentreCoordinator, Role::kCompanyTutor, Role::kCandidate, Role::kEvaluator,
    Role::kJuryMember,        Role::kGtpAuditor,   Role::kAdmin};

// The real definition and an engine over it, built once per test.
class WorkflowEngineTest : public ::testing::Test {
 protected:
  WorkflowEngineTest()
      : registry_(coreRegistry()),
        definition_(WorkflowDefinition::load(kDefinitionPath, kSchemaPath, registry_)),
        engine_(definition_, registry_) {}

  // The payload as the transition's payload schema admits it: passingPayload() holds
  // every member some guard reads, each transition takes only those it declares.
  Decision decide(const domain::CandidateFile& file, Role role, std::string_view transition,
                  Poco::JSON::Object::Ptr payload = passingPayload()) const {
    const TransitionDefinition* declared = definition_.findTransition(transition);
    if (declared && payload) {
      const auto properties =
          declared->payload_schema_json ? declared->payload_schema_json->getObject("properties") : nullptr;
      Poco::JSON::Object::Ptr fitted = new Poco::JSON::Object;
      for (const auto& [key, value] : *payload) {
        if (properties && properties->has(key)) fitted->set(key, value);
      }
      payload = fitted;
    }
    return engine_.decide(file, actorWith(role), transition, std::move(payload));
  }

  Decision decideAsGiven(const domain::CandidateFile& file, Role role, std::string_view transition,
                         Poco::JSON::Object::Ptr payload) const {
    return engine_.decide(file, actorWith(role), transition, std::move(payload));
  }

  std::vector<std::string> availableIds(const domain::CandidateFile& file, Role role) const {
    std::vector<std::string> ids;
    for (const TransitionDefinition* t : engine_.available(file, actorWith(role))) ids.push_back(t->id);
    return ids;
  }

  GuardRegistry registry_;
  WorkflowDefinition definition_;
  WorkflowEngine engine_;
};

bool hasGuard(const TransitionDefinition& transition, std::string_view guard) {
  return std::find(transition.guards.begin(), transition.guards.end(), guard) != transition.guards.end();
}

// A file in `state` on which every guard of `transition` passes.
domain::CandidateFile passingFile(const TransitionDefinition& transition, const std::string& state) {
  return hasGuard(transition, kCompanyOpinionNotRequired) ? vaeFile(state) : employeeFile(state);
}

std::string label(const TransitionDefinition& transition, const std::string& state, Role role) {
  return transition.id + " from " + state + " by " + std::string(domain::roleName(role));
}

// How to make each guard of the real definition fail, and the field it then names.
struct Spoiler {
  std::function<void(domain::CandidateFile&, Poco::JSON::Object::Ptr&)> spoil;
  std::string field;
};

const std::map<std::string, Spoiler, std::less<>>& spoilers() {
  static const std::map<std::string, Spoiler, std::less<>> kSpoilers = {
      {"candidate_identity_complete",
       {[](auto& file, auto&) { file.candidate.email.clear(); }, "candidate.email"}},
      {"company_matches_pathway", {[](auto& file, auto&) { file.company_id.reset(); }, "company_id"}},
      {"company_opinion_required",
       {[](auto& file, auto&) {
          file.pathway = Pathway::kVae;
          file.company_id.reset();
        },
        "pathway"}},
      {"company_opinion_not_required",
       {[](auto& file, auto&) {
          file.pathway = Pathway::kEmployee;
          file.company_id = "company-acme";
        },
        "pathway"}},
      {"reason_given", {[](auto&, auto& payload) { payload->remove("reason"); }, "payload.reason"}},
      {test_support::kPluginRegistrationGuard,
       {[](auto& file, auto&) { file.registration_json = R"({"material_family":"unknown"})"; },
        "registration"}},
      {test_support::kPluginPlanGuard,
       {[](auto& file, auto&) { file.modality_plan_json.reset(); }, "modality_plan"}},
      {"blocs_listed",
       {[](auto&, auto& payload) { payload->set("blocs", Poco::JSON::Array::Ptr(new Poco::JSON::Array)); },
        "payload.blocs"}},
      {test_support::kOpinionSignedGuard,
       {[](auto& file, auto&) { file.cqpm = test_support::refuseStandIn("company_opinion_signed"); },
        "company_opinion_signed"}},
      {test_support::kDecidedByJuryGuard,
       {[](auto& file, auto&) { file.cqpm = test_support::refuseStandIn("decided_by_jury"); },
        "decided_by_jury"}},
      {test_support::kEvaluationCompleteGuard,
       {[](auto& file, auto&) { file.cqpm = test_support::refuseStandIn("evaluation_complete"); },
        "evaluation_complete"}},
      {test_support::kVaeAdmissibleGuard,
       {[](auto& file, auto&) { file.cqpm = test_support::refuseStandIn("vae_admissible"); },
        "vae_admissible"}},
      {test_support::kEvidenceCompleteGuard,
       {[](auto& file, auto&) { file.cqpm = test_support::refuseStandIn("evidence_complete"); },
        "evidence_complete"}},
  };
  return kSpoilers;
}

TEST_F(WorkflowEngineTest, AllowsEveryTransitionForEachOfItsRolesFromEachOfItsStates) {
  for (const TransitionDefinition& transition : definition_.transitions()) {
    for (const std::string& state : transition.from) {
      for (Role role : transition.roles) {
        const Decision decision = decide(passingFile(transition, state), role, transition.id);
        EXPECT_TRUE(decision.allowed)
            << label(transition, state, role) << ": " << (decision.refusal ? decision.refusal->message : "");
        EXPECT_EQ(decision.transition, &transition) << label(transition, state, role);
        EXPECT_EQ(decision.to_state, transition.to) << label(transition, state, role);
        EXPECT_FALSE(decision.refusal) << label(transition, state, role);
      }
    }
  }
}

TEST_F(WorkflowEngineTest, ForbidsEveryTransitionToEveryOtherRole) {
  for (const TransitionDefinition& transition : definition_.transitions()) {
    for (Role role : kAllRoles) {
      if (transition.allowsRole(role)) continue;
      const std::string& state = transition.from.front();
      const Decision decision = decide(passingFile(transition, state), role, transition.id);
      EXPECT_FALSE(decision.allowed) << label(transition, state, role);
      ASSERT_TRUE(decision.refusal) << label(transition, state, role);
      EXPECT_EQ(decision.refusal->code, ErrorCode::kForbidden) << label(transition, state, role);
      EXPECT_EQ(decision.transition, &transition);
      EXPECT_TRUE(decision.to_state.empty());
    }
  }
}

TEST_F(WorkflowEngineTest, RefusesEveryTransitionFromEveryOtherState) {
  for (const TransitionDefinition& transition : definition_.transitions()) {
    for (const StateDefinition& state : definition_.states()) {
      if (transition.leavesFrom(state.id)) continue;
      const Role role = transition.roles.front();
      const Decision decision = decide(passingFile(transition, state.id), role, transition.id);
      EXPECT_FALSE(decision.allowed) << label(transition, state.id, role);
      ASSERT_TRUE(decision.refusal) << label(transition, state.id, role);
      EXPECT_EQ(decision.refusal->code, ErrorCode::kInvalidState) << label(transition, state.id, role);
      EXPECT_NE(decision.refusal->message.find("'" + state.id + "'"), std::string::npos)
          << decision.refusal->message;
      for (const std::string& from : transition.from) {
        EXPECT_NE(decision.refusal->message.find(from), std::string::npos) << decision.refusal->message;
      }
    }
  }
}

TEST_F(WorkflowEngineTest, RefusesEveryTransitionWhenEachOfItsGuardsFails) {
  for (const TransitionDefinition& transition : definition_.transitions()) {
    for (const std::string& guard : transition.guards) {
      const auto spoiler = spoilers().find(guard);
      ASSERT_NE(spoiler, spoilers().end()) << "no test spoiler for guard " << guard;
      for (const std::string& state : transition.from) {
        for (Role role : transition.roles) {
          domain::CandidateFile file = passingFile(transition, state);
          Poco::JSON::Object::Ptr payload = passingPayload();
          spoiler->second.spoil(file, payload);
          const Decision decision = decide(file, role, transition.id, payload);
          const std::string what = label(transition, state, role) + " with " + guard + " failing";
          EXPECT_FALSE(decision.allowed) << what;
          ASSERT_TRUE(decision.refusal) << what;
          EXPECT_EQ(decision.refusal->code, ErrorCode::kGuardFailed) << what;
          EXPECT_EQ(decision.refusal->field, spoiler->second.field) << what;
          EXPECT_TRUE(decision.to_state.empty()) << what;
        }
      }
    }
  }
}

TEST_F(WorkflowEngineTest, RefusesUnknownTransition) {
  const Decision decision = decide(employeeFile("draft"), Role::kCentreCoordinator, "teleport");
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.transition, nullptr);
  ASSERT_TRUE(decision.refusal);
  EXPECT_EQ(decision.refusal->code, ErrorCode::kUnknownTransition);
  EXPECT_EQ(decision.refusal->field, "transition");
  EXPECT_NE(decision.refusal->message.find("teleport"), std::string::npos);
}

TEST_F(WorkflowEngineTest, ChecksStateBeforeRole) {
  const Decision decision = decide(employeeFile("draft"), Role::kCandidate, "certify");
  ASSERT_TRUE(decision.refusal);
  EXPECT_EQ(decision.refusal->code, ErrorCode::kInvalidState);
}

TEST_F(WorkflowEngineTest, ChecksRoleBeforeGuards) {
  Poco::JSON::Object::Ptr empty = new Poco::JSON::Object;
  const Decision decision = decide(employeeFile("draft"), Role::kCandidate, "withdraw", empty);
  ASSERT_TRUE(decision.refusal);
  EXPECT_EQ(decision.refusal->code, ErrorCode::kForbidden);
}

TEST_F(WorkflowEngineTest, RefusesAFinalStateForEveryTransition) {
  for (const std::string state : {"certified", "blocs_awarded", "not_certified", "withdrawn"}) {
    for (const TransitionDefinition& transition : definition_.transitions()) {
      const Decision decision = decide(employeeFile(state), Role::kCentreCoordinator, transition.id);
      ASSERT_TRUE(decision.refusal) << transition.id << " from " << state;
      EXPECT_EQ(decision.refusal->code, ErrorCode::kInvalidState) << transition.id << " from " << state;
    }
  }
}

TEST_F(WorkflowEngineTest, TreatsANullPayloadAsEmpty) {
  const Decision decision =
      engine_.decide(employeeFile("registered"), actorWith(Role::kCentreCoordinator), "withdraw", nullptr);
  ASSERT_TRUE(decision.refusal);
  EXPECT_EQ(decision.refusal->code, ErrorCode::kGuardFailed);
  EXPECT_EQ(decision.refusal->field, "payload.reason");
  EXPECT_TRUE(engine_
                  .decide(employeeFile("registered"), actorWith(Role::kCentreCoordinator), "agree_modalities",
                          nullptr)
                  .allowed);
}

TEST_F(WorkflowEngineTest, VaeFileGoesToJuryWithoutCompanyOpinion) {
  const Decision decision =
      decide(vaeFile("under_evaluation"), Role::kEvaluator, "send_to_jury_without_opinion");
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.to_state, "ready_for_jury");
}

TEST_F(WorkflowEngineTest, NonVaeFileCannotSkipTheCompanyOpinion) {
  for (Pathway pathway : {Pathway::kEmployee, Pathway::kJobSeeker, Pathway::kOther}) {
    domain::CandidateFile file = employeeFile("under_evaluation");
    file.pathway = pathway;
    const Decision decision = decide(file, Role::kCentreCoordinator, "send_to_jury_without_opinion");
    EXPECT_FALSE(decision.allowed) << domain::pathwayName(pathway);
    ASSERT_TRUE(decision.refusal);
    EXPECT_EQ(decision.refusal->code, ErrorCode::kGuardFailed);
    EXPECT_EQ(decision.refusal->field, "pathway");
    EXPECT_TRUE(decide(file, Role::kCentreCoordinator, "request_company_opinion").allowed)
        << domain::pathwayName(pathway);
  }
}

TEST_F(WorkflowEngineTest, VaeFileCannotRequestACompanyOpinion) {
  const Decision decision = decide(vaeFile("under_evaluation"), Role::kEvaluator, "request_company_opinion");
  EXPECT_FALSE(decision.allowed);
  ASSERT_TRUE(decision.refusal);
  EXPECT_EQ(decision.refusal->code, ErrorCode::kGuardFailed);
  EXPECT_NE(decision.refusal->message.find("VAE"), std::string::npos) << decision.refusal->message;
}

TEST_F(WorkflowEngineTest, VaeFileWithACompanyCannotBeRegistered) {
  domain::CandidateFile file = vaeFile("draft");
  file.company_id = "company-acme";
  const Decision decision = decide(file, Role::kCentreCoordinator, "register");
  ASSERT_TRUE(decision.refusal);
  EXPECT_EQ(decision.refusal->field, "company_id");
}

TEST_F(WorkflowEngineTest, ListsAvailableTransitionsPerRoleAndState) {
  using Key = std::pair<std::string, Role>;
  // Everything not listed here is an empty list.
  const std::map<Key, std::vector<std::string>> employee = {
      {{"draft", Role::kCentreCoordinator}, {"register", "withdraw"}},
      {{"registered", Role::kCentreCoordinator}, {"agree_modalities", "withdraw"}},
      {{"modalities_agreed", Role::kCentreCoordinator}, {"submit_evidence", "withdraw"}},
      {{"modalities_agreed", Role::kCompanyTutor}, {"submit_evidence"}},
      {{"modalities_agreed", Role::kCandidate}, {"submit_evidence"}},
      {{"evidence_submitted", Role::kCentreCoordinator}, {"start_evaluation", "withdraw"}},
      {{"evidence_submitted", Role::kEvaluator}, {"start_evaluation"}},
      {{"under_evaluation", Role::kCentreCoordinator}, {"request_company_opinion", "withdraw"}},
      {{"under_evaluation", Role::kEvaluator}, {"request_company_opinion"}},
      {{"company_opinion", Role::kCentreCoordinator}, {"give_company_opinion", "withdraw"}},
      {{"company_opinion", Role::kCompanyTutor}, {"give_company_opinion"}},
      {{"ready_for_jury", Role::kCentreCoordinator}, {"open_deliberation", "withdraw"}},
      {{"in_deliberation", Role::kCentreCoordinator},
       {"certify", "award_blocs", "refuse_certification", "withdraw"}},
      {{"in_deliberation", Role::kJuryMember}, {"certify", "award_blocs", "refuse_certification"}},
  };
  for (const StateDefinition& state : definition_.states()) {
    for (Role role : kAllRoles) {
      const auto it = employee.find({state.id, role});
      const std::vector<std::string> expected =
          it == employee.end() ? std::vector<std::string>{} : it->second;
      EXPECT_EQ(availableIds(employeeFile(state.id), role), expected)
          << state.id << " by " << domain::roleName(role);
    }
  }
}

TEST_F(WorkflowEngineTest, ListsTheVaeShortcutOnlyForVaeFiles) {
  EXPECT_EQ(availableIds(vaeFile("under_evaluation"), Role::kCentreCoordinator),
            (std::vector<std::string>{"send_to_jury_without_opinion", "withdraw"}));
  EXPECT_EQ(availableIds(vaeFile("under_evaluation"), Role::kEvaluator),
            (std::vector<std::string>{"send_to_jury_without_opinion"}));
  EXPECT_EQ(availableIds(vaeFile("draft"), Role::kCentreCoordinator),
            (std::vector<std::string>{"register", "withdraw"}));
}

TEST_F(WorkflowEngineTest, HidesTransitionsWhoseFileGuardsFail) {
  domain::CandidateFile incomplete = employeeFile("draft");
  incomplete.candidate.birth_date.clear();
  EXPECT_EQ(availableIds(incomplete, Role::kCentreCoordinator), (std::vector<std::string>{"withdraw"}));
  domain::CandidateFile no_company = employeeFile("draft");
  no_company.company_id.reset();
  EXPECT_EQ(availableIds(no_company, Role::kCentreCoordinator), (std::vector<std::string>{"withdraw"}));
}

TEST_F(WorkflowEngineTest, DecidesConcurrentlyFromSeveralThreads) {
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (!decide(vaeFile("under_evaluation"), Role::kEvaluator, "send_to_jury_without_opinion").allowed)
          ++wrong;
        if (decide(employeeFile("under_evaluation"), Role::kEvaluator, "send_to_jury_without_opinion")
                .allowed) {
          ++wrong;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

// A two-state workflow with guards that record their calls, to pin down the
// engine's order of evaluation independently of the real definition.
const char* const kOrderDefinition = R"({
  "id": "order-test", "version": 1, "title": "Ordre", "initial": "open",
  "states": [
    {"id": "open", "label": "Ouvert", "final": false},
    {"id": "closed", "label": "Fermé", "final": true}
  ],
  "transitions": [
    {"id": "close", "label": "Fermer", "from": ["open"], "to": "closed", "roles": ["candidate"],
     "guards": ["payload_check", "file_check"],
     "payload": {"type": "object", "properties": {"stop": {"type": "boolean"}}}}
  ]
})";

struct Calls {
  std::atomic<int> payload_check{0};
  std::atomic<int> file_check{0};
};

GuardRegistry countingRegistry(Calls& calls) {
  GuardRegistry registry;
  registry.add("payload_check", GuardKind::kPayload,
               [&calls](const GuardContext& context) -> std::optional<Refusal> {
                 ++calls.payload_check;
                 if (context.payload->has("stop"))
                   return Refusal{ErrorCode::kGuardFailed, "stopped", "payload.stop"};
                 return std::nullopt;
               });
  registry.add("file_check", GuardKind::kFile,
               [&calls](const GuardContext& context) -> std::optional<Refusal> {
                 ++calls.file_check;
                 if (context.file.cqpm == "blocked")
                   return Refusal{ErrorCode::kGuardFailed, "blocked", "cqpm"};
                 return std::nullopt;
               });
  return registry;
}

TEST(WorkflowEngineOrderTest, RunsGuardsInDeclaredOrderAndStopsAtTheFirstRefusal) {
  Calls calls;
  const GuardRegistry registry = countingRegistry(calls);
  const auto definition =
      WorkflowDefinition::parse(kOrderDefinition, test_support::schemaText(), registry, "order");
  const WorkflowEngine engine(definition, registry);
  Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
  payload->set("stop", true);
  domain::CandidateFile file = employeeFile("open");
  file.cqpm = "blocked";
  const Decision decision = engine.decide(file, actorWith(Role::kCandidate), "close", payload);
  ASSERT_TRUE(decision.refusal);
  EXPECT_EQ(decision.refusal->field, "payload.stop");
  EXPECT_EQ(calls.payload_check.load(), 1);
  EXPECT_EQ(calls.file_check.load(), 0);
}

TEST(WorkflowEngineOrderTest, RunsNoGuardForAForbiddenRole) {
  Calls calls;
  const GuardRegistry registry = countingRegistry(calls);
  const auto definition =
      WorkflowDefinition::parse(kOrderDefinition, test_support::schemaText(), registry, "order");
  const WorkflowEngine engine(definition, registry);
  const Decision decision = engine.decide(employeeFile("open"), actorWith(Role::kAdmin), "close", nullptr);
  ASSERT_TRUE(decision.refusal);
  EXPECT_EQ(decision.refusal->code, ErrorCode::kForbidden);
  EXPECT_EQ(calls.payload_check.load() + calls.file_check.load(), 0);
}

TEST(WorkflowEngineOrderTest, AvailableRunsFileGuardsOnly) {
  Calls calls;
  const GuardRegistry registry = countingRegistry(calls);
  const auto definition =
      WorkflowDefinition::parse(kOrderDefinition, test_support::schemaText(), registry, "order");
  const WorkflowEngine engine(definition, registry);
  EXPECT_EQ(engine.available(employeeFile("open"), actorWith(Role::kCandidate)).size(), 1u);
  domain::CandidateFile blocked = employeeFile("open");
  blocked.cqpm = "blocked";
  EXPECT_TRUE(engine.available(blocked, actorWith(Role::kCandidate)).empty());
  EXPECT_EQ(calls.payload_check.load(), 0);
  EXPECT_EQ(calls.file_check.load(), 2);
}

TEST(WorkflowEngineOrderTest, RefusesARegistryThatLacksAGuardOfTheDefinition) {
  const GuardRegistry full = coreRegistry();
  const auto definition = WorkflowDefinition::load(kDefinitionPath, kSchemaPath, full);
  const GuardRegistry empty;
  try {
    const WorkflowEngine engine(definition, empty);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_NE(std::string(e.what()).find("candidate_identity_complete"), std::string::npos) << e.what();
  }
}

// Every transition's payload is checked against the schema declared with it
// (workflows/candidate-file.json) and a size limit before any guard: junk is refused
// naming the member, and never reaches the append-only history.
TEST_F(WorkflowEngineTest, RefusesAPayloadMemberTheTransitionDoesNotDeclare) {
  Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
  payload->set("reason", "Abandon");
  payload->set("junk", 1);
  const Decision refused =
      decideAsGiven(employeeFile("draft"), Role::kCentreCoordinator, "withdraw", payload);
  ASSERT_FALSE(refused.allowed);
  EXPECT_EQ(refused.refusal->code, ErrorCode::kUnprocessable);
  EXPECT_EQ(refused.refusal->field, "payload.junk");
  Poco::JSON::Object::Ptr note = new Poco::JSON::Object;
  note->set("note", "x");
  EXPECT_EQ(decideAsGiven(employeeFile("draft"), Role::kCentreCoordinator, "register", note).refusal->field,
            "payload.note");
}

TEST_F(WorkflowEngineTest, RefusesAPayloadBreakingItsSchemaNamingTheField) {
  Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
  payload->set("reason", std::string(4001, 'r'));
  const Decision refused =
      decideAsGiven(employeeFile("draft"), Role::kCentreCoordinator, "withdraw", payload);
  ASSERT_FALSE(refused.allowed);
  EXPECT_EQ(refused.refusal->code, ErrorCode::kUnprocessable);
  EXPECT_EQ(refused.refusal->field, "payload.reason");
  payload->set("reason", 12);
  EXPECT_EQ(
      decideAsGiven(employeeFile("draft"), Role::kCentreCoordinator, "withdraw", payload).refusal->field,
      "payload.reason");
}

TEST_F(WorkflowEngineTest, RefusesAPayloadLargerThanTheLimit) {
  Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
  Poco::JSON::Array::Ptr blocs = new Poco::JSON::Array;
  for (int i = 0; i < 30; ++i) blocs->add(std::string(900, 'b'));
  payload->set("blocs", blocs);
  const Decision refused =
      decideAsGiven(employeeFile("in_deliberation"), Role::kCentreCoordinator, "award_blocs", payload);
  ASSERT_FALSE(refused.allowed);
  EXPECT_EQ(refused.refusal->code, ErrorCode::kUnprocessable);
  EXPECT_EQ(refused.refusal->field, "payload");
}

}  // namespace
}  // namespace cqpm::workflow
