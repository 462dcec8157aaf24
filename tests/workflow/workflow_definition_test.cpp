#include "workflow/workflow_definition.h"

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "workflow/workflow_test_support.h"

namespace cqpm::workflow {
namespace {

using domain::Role;
using test_support::coreRegistry;
using test_support::definitionJson;
using test_support::definitionText;
using test_support::kDefinitionPath;
using test_support::kSchemaPath;
using test_support::schemaText;
using test_support::stringify;

const std::string kSource = "candidate-file.json";

WorkflowDefinition realDefinition() {
  return WorkflowDefinition::load(kDefinitionPath, kSchemaPath, coreRegistry());
}

// Parses the real definition after `edit` changed it; the error, if any.
std::optional<Error> parseEdited(const std::function<void(Poco::JSON::Object::Ptr&)>& edit,
                                 const std::string& schema = schemaText()) {
  Poco::JSON::Object::Ptr definition = definitionJson();
  edit(definition);
  try {
    WorkflowDefinition::parse(stringify(definition), schema, coreRegistry(), kSource);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

Poco::JSON::Object::Ptr transitionAt(Poco::JSON::Object::Ptr& definition, std::size_t index) {
  return definition->getArray("transitions")->getObject(static_cast<unsigned>(index));
}

Poco::JSON::Object::Ptr stateAt(Poco::JSON::Object::Ptr& definition, std::size_t index) {
  return definition->getArray("states")->getObject(static_cast<unsigned>(index));
}

void expectFault(const std::optional<Error>& error, const std::string& path, const std::string& what) {
  ASSERT_TRUE(error) << "the definition was accepted";
  EXPECT_EQ(error->code(), ErrorCode::kInvalidConfiguration);
  EXPECT_EQ(error->field(), path);
  const std::string message = error->what();
  EXPECT_EQ(message.rfind(kSource + ": " + path + ": ", 0), 0u) << message;
  EXPECT_NE(message.find(what), std::string::npos) << message;
}

TEST(WorkflowDefinitionTest, LoadsTheRealCandidateFileWorkflow) {
  const WorkflowDefinition definition = realDefinition();
  EXPECT_EQ(definition.id(), "candidate-file");
  EXPECT_EQ(definition.version(), 1);
  EXPECT_FALSE(definition.title().empty());
  EXPECT_EQ(definition.initialState(), "draft");
  EXPECT_EQ(definition.states().size(), 12u);
  EXPECT_EQ(definition.transitions().size(), 12u);
}

TEST(WorkflowDefinitionTest, RealStatesHaveTheirFrenchLabelsAndFinality) {
  const std::vector<StateDefinition> expected = {
      {"draft", "Brouillon", false},
      {"registered", "Inscrit", false},
      {"modalities_agreed", "Modalités d'évaluation validées", false},
      {"evidence_submitted", "Preuves déposées", false},
      {"under_evaluation", "En évaluation", false},
      {"company_opinion", "Avis de l'entreprise", false},
      {"ready_for_jury", "Prêt pour le jury", false},
      {"in_deliberation", "En délibération", false},
      {"certified", "Certifié", true},
      {"blocs_awarded", "Blocs de compétences validés", true},
      {"not_certified", "Non certifié", true},
      {"withdrawn", "Retiré", true},
  };
  const WorkflowDefinition definition = realDefinition();
  ASSERT_EQ(definition.states().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(definition.states()[i].id, expected[i].id);
    EXPECT_EQ(definition.states()[i].label, expected[i].label);
    EXPECT_EQ(definition.states()[i].final, expected[i].final) << expected[i].id;
    EXPECT_EQ(definition.isFinal(expected[i].id), expected[i].final) << expected[i].id;
  }
}

TEST(WorkflowDefinitionTest, RealTransitionsMatchTheProcess) {
  struct Expected {
    std::string id;
    std::vector<std::string> from;
    std::string to;
    std::vector<Role> roles;
    std::vector<std::string> guards;
    std::string label;
  };
  const std::vector<std::string> non_final = {
      "draft",           "registered",     "modalities_agreed", "evidence_submitted", "under_evaluation",
      "company_opinion", "ready_for_jury", "in_deliberation"};
  const std::vector<Expected> expected = {
      {"register",
       {"draft"},
       "registered",
       {Role::kCentreCoordinator},
       {"candidate_identity_complete", "company_matches_pathway", "registration_accepted"},
       "Inscrire le candidat"},
      {"agree_modalities",
       {"registered"},
       "modalities_agreed",
       {Role::kCentreCoordinator},
       {"vae_admissible", "modality_plan_accepted"},
       "Valider les modalités d'évaluation"},
      {"submit_evidence",
       {"modalities_agreed"},
       "evidence_submitted",
       {Role::kCentreCoordinator, Role::kCompanyTutor, Role::kCandidate},
       {"evidence_complete"},
       "Déclarer les preuves déposées"},
      {"start_evaluation",
       {"evidence_submitted"},
       "under_evaluation",
       {Role::kCentreCoordinator, Role::kEvaluator},
       {},
       "Ouvrir l'évaluation"},
      {"request_company_opinion",
       {"under_evaluation"},
       "company_opinion",
       {Role::kCentreCoordinator, Role::kEvaluator},
       {"company_opinion_required", "evaluation_complete"},
       "Demander l'avis de l'entreprise"},
      {"send_to_jury_without_opinion",
       {"under_evaluation"},
       "ready_for_jury",
       {Role::kCentreCoordinator, Role::kEvaluator},
       {"company_opinion_not_required", "evaluation_complete"},
       "Transmettre au jury (VAE : sans avis d'entreprise)"},
      {"give_company_opinion",
       {"company_opinion"},
       "ready_for_jury",
       {Role::kCompanyTutor, Role::kCentreCoordinator},
       {"company_opinion_signed"},
       "Enregistrer l'avis de l'entreprise"},
      {"open_deliberation",
       {"ready_for_jury"},
       "in_deliberation",
       {Role::kCentreCoordinator},
       {},
       "Ouvrir la délibération"},
      {"certify",
       {"in_deliberation"},
       "certified",
       {Role::kJuryMember, Role::kCentreCoordinator},
       {"decided_by_jury"},
       "Délivrer le CQPM"},
      {"award_blocs",
       {"in_deliberation"},
       "blocs_awarded",
       {Role::kJuryMember, Role::kCentreCoordinator},
       {"blocs_listed", "decided_by_jury"},
       "Valider des blocs de compétences"},
      {"refuse_certification",
       {"in_deliberation"},
       "not_certified",
       {Role::kJuryMember, Role::kCentreCoordinator},
       {"reason_given", "decided_by_jury"},
       "Ne pas délivrer le CQPM"},
      {"withdraw",
       non_final,
       "withdrawn",
       {Role::kCentreCoordinator},
       {"reason_given"},
       "Retirer le dossier"},
  };
  const WorkflowDefinition definition = realDefinition();
  ASSERT_EQ(definition.transitions().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const TransitionDefinition& actual = definition.transitions()[i];
    EXPECT_EQ(actual.id, expected[i].id);
    EXPECT_EQ(actual.from, expected[i].from) << expected[i].id;
    EXPECT_EQ(actual.to, expected[i].to) << expected[i].id;
    EXPECT_EQ(actual.roles, expected[i].roles) << expected[i].id;
    EXPECT_EQ(actual.guards, expected[i].guards) << expected[i].id;
    EXPECT_EQ(actual.label, expected[i].label) << expected[i].id;
  }
}

TEST(WorkflowDefinitionTest, FindsStatesAndTransitionsById) {
  const WorkflowDefinition definition = realDefinition();
  ASSERT_NE(definition.findState("ready_for_jury"), nullptr);
  EXPECT_EQ(definition.findState("ready_for_jury")->label, "Prêt pour le jury");
  EXPECT_EQ(definition.findState("nowhere"), nullptr);
  ASSERT_NE(definition.findTransition("certify"), nullptr);
  EXPECT_EQ(definition.findTransition("certify")->to, "certified");
  EXPECT_EQ(definition.findTransition("teleport"), nullptr);
  EXPECT_FALSE(definition.isFinal("nowhere"));
}

TEST(WorkflowDefinitionTest, ListsTransitionsFromAStateInFileOrder) {
  const WorkflowDefinition definition = realDefinition();
  std::vector<std::string> ids;
  for (const TransitionDefinition* t : definition.transitionsFrom("in_deliberation")) ids.push_back(t->id);
  EXPECT_EQ(ids, (std::vector<std::string>{"certify", "award_blocs", "refuse_certification", "withdraw"}));
  EXPECT_TRUE(definition.transitionsFrom("certified").empty());
  EXPECT_TRUE(definition.transitionsFrom("nowhere").empty());
}

TEST(WorkflowDefinitionTest, WithdrawLeavesEveryNonFinalStateAndNoFinalOne) {
  const WorkflowDefinition definition = realDefinition();
  const TransitionDefinition* withdraw = definition.findTransition("withdraw");
  ASSERT_NE(withdraw, nullptr);
  for (const StateDefinition& state : definition.states()) {
    EXPECT_EQ(withdraw->leavesFrom(state.id), !state.final) << state.id;
  }
}

TEST(WorkflowDefinitionTest, ServesTheSameShapeAsTheFile) {
  const WorkflowDefinition definition = realDefinition();
  const Poco::JSON::Object::Ptr json = definition.toJson();
  // What pages receive is itself a valid definition, equal to the loaded one.
  const WorkflowDefinition reparsed =
      WorkflowDefinition::parse(stringify(json), schemaText(), coreRegistry(), "x");
  EXPECT_EQ(stringify(reparsed.toJson()), stringify(json));
  EXPECT_EQ(json->getValue<std::string>("initial"), "draft");
  const auto first = json->getArray("transitions")->getObject(0);
  EXPECT_EQ(first->getValue<std::string>("id"), "register");
  EXPECT_EQ(first->getArray("roles")->getElement<std::string>(0), "centre_coordinator");
  EXPECT_TRUE(first->has("description"));
}

TEST(WorkflowDefinitionTest, CopiesAnswerFromTheirOwnData) {
  const WorkflowDefinition original = realDefinition();
  const WorkflowDefinition copy = original;
  EXPECT_EQ(copy.findTransition("certify"), &copy.transitions()[8]);
  EXPECT_EQ(copy.findState("draft"), &copy.states()[0]);
}

TEST(WorkflowDefinitionTest, RefusesMissingFileNamingIt) {
  try {
    WorkflowDefinition::load("/nonexistent/workflow.json", kSchemaPath, coreRegistry());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/workflow.json"), std::string::npos) << e.what();
  }
}

TEST(WorkflowDefinitionTest, RefusesJsonSyntaxErrorNamingTheSource) {
  std::string text = definitionText();
  text.insert(text.find("\"initial\""), ",");
  try {
    WorkflowDefinition::parse(text, schemaText(), coreRegistry(), kSource);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_EQ(std::string(e.what()).rfind(kSource + ": $: invalid JSON: ", 0), 0u) << e.what();
  }
}

TEST(WorkflowDefinitionTest, RefusesBrokenSchemaNamingIt) {
  try {
    WorkflowDefinition::parse(definitionText(), "{\"type\": ", coreRegistry(), kSource);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_NE(std::string(e.what()).find("schema"), std::string::npos) << e.what();
  }
}

TEST(WorkflowDefinitionTest, RefusesSchemaViolationWithItsPath) {
  const auto error = parseEdited([](auto& d) { transitionAt(d, 3)->remove("label"); });
  expectFault(error, "transitions[3].label", "required property is missing");
}

TEST(WorkflowDefinitionTest, ListsEverySchemaViolation) {
  const auto error = parseEdited([](auto& d) {
    d->set("version", 0);
    stateAt(d, 2)->set("colour", "blue");
    transitionAt(d, 5)->set("roles", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
  });
  ASSERT_TRUE(error);
  const std::string message = error->what();
  EXPECT_NE(message.find("version: "), std::string::npos) << message;
  EXPECT_NE(message.find("states[2].colour: property is not allowed here"), std::string::npos) << message;
  EXPECT_NE(message.find("transitions[5].roles: "), std::string::npos) << message;
  ASSERT_FALSE(error->details().isNull());
  EXPECT_EQ(error->details()->getArray("violations")->size(), 3u) << message;
}

TEST(WorkflowDefinitionTest, RefusesUnknownRoleThroughTheSchema) {
  const auto error = parseEdited([](auto& d) { transitionAt(d, 0)->getArray("roles")->set(0, "director"); });
  expectFault(error, "transitions[0].roles[0]", "\"director\" is not one of the allowed values");
}

TEST(WorkflowDefinitionTest, RefusesUnknownRoleEvenUnderALaxSchema) {
  const auto error =
      parseEdited([](auto& d) { transitionAt(d, 0)->getArray("roles")->set(0, "director"); }, "{}");
  expectFault(error, "transitions[0].roles[0]", "unknown role 'director'");
}

TEST(WorkflowDefinitionTest, RefusesMistypedFieldsUnderALaxSchema) {
  expectFault(parseEdited([](auto& d) { d->set("version", "1"); }, "{}"), "version", "expected an integer");
  expectFault(parseEdited([](auto& d) { d->remove("states"); }, "{}"), "states",
              "required property is missing");
  expectFault(parseEdited([](auto& d) { stateAt(d, 1)->set("final", 0); }, "{}"), "states[1].final",
              "expected true or false");
}

TEST(WorkflowDefinitionTest, RefusesUnknownStateInTo) {
  const auto error = parseEdited([](auto& d) { transitionAt(d, 0)->set("to", "registred"); });
  expectFault(error, "transitions[0].to", "unknown state 'registred'");
}

TEST(WorkflowDefinitionTest, RefusesUnknownStateInFrom) {
  const auto error = parseEdited([](auto& d) { transitionAt(d, 1)->getArray("from")->set(0, "registred"); });
  expectFault(error, "transitions[1].from[0]", "unknown state 'registred'");
}

TEST(WorkflowDefinitionTest, RefusesUnknownGuard) {
  const auto error =
      parseEdited([](auto& d) { transitionAt(d, 0)->getArray("guards")->add("habilitation_valid"); });
  expectFault(error, "transitions[0].guards[3]", "unknown guard 'habilitation_valid'");
}

TEST(WorkflowDefinitionTest, AcceptsAGuardAPluginRegistered) {
  GuardRegistry registry = coreRegistry();
  registry.add("habilitation_valid", GuardKind::kFile,
               [](const GuardContext&) { return std::optional<Refusal>(); });
  Poco::JSON::Object::Ptr definition = definitionJson();
  transitionAt(definition, 0)->getArray("guards")->add("habilitation_valid");
  const auto parsed = WorkflowDefinition::parse(stringify(definition), schemaText(), registry, kSource);
  EXPECT_EQ(parsed.findTransition("register")->guards.back(), "habilitation_valid");
}

TEST(WorkflowDefinitionTest, RefusesDuplicateStateId) {
  const auto error = parseEdited([](auto& d) { stateAt(d, 3)->set("id", "registered"); });
  expectFault(error, "states[3].id", "duplicate state id 'registered' (already declared at states[1])");
}

TEST(WorkflowDefinitionTest, RefusesDuplicateTransitionId) {
  const auto error = parseEdited([](auto& d) { transitionAt(d, 2)->set("id", "register"); });
  expectFault(error, "transitions[2].id", "duplicate transition id 'register'");
}

TEST(WorkflowDefinitionTest, RefusesUnknownInitialState) {
  expectFault(parseEdited([](auto& d) { d->set("initial", "start"); }), "initial", "'start' is not declared");
}

TEST(WorkflowDefinitionTest, RefusesFinalInitialState) {
  expectFault(parseEdited([](auto& d) { d->set("initial", "certified"); }), "initial",
              "'certified' is final");
}

TEST(WorkflowDefinitionTest, RefusesTransitionFromAFinalState) {
  const auto error = parseEdited([](auto& d) { transitionAt(d, 11)->getArray("from")->add("certified"); });
  expectFault(error, "transitions[11].from[8]", "leaves final state 'certified'");
}

TEST(WorkflowDefinitionTest, RefusesUnreachableState) {
  const auto error = parseEdited([](auto& d) {
    Poco::JSON::Object::Ptr limbo = new Poco::JSON::Object;
    limbo->set("id", "limbo");
    limbo->set("label", "Limbes");
    limbo->set("final", false);
    d->getArray("states")->add(limbo);
    transitionAt(d, 11)->getArray("from")->add("limbo");
  });
  expectFault(error, "states[12]", "state 'limbo' cannot be reached from initial state 'draft'");
}

TEST(WorkflowDefinitionTest, RefusesStateCutOffByARemovedTransition) {
  // request_company_opinion is the only way into company_opinion.
  const auto error = parseEdited([](auto& d) { d->getArray("transitions")->remove(4); });
  expectFault(error, "states[5]", "state 'company_opinion' cannot be reached");
}

}  // namespace
}  // namespace cqpm::workflow
