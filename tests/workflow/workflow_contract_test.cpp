#include "workflow/workflow_contract.h"

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <regex>
#include <string>

#include "workflow/workflow_test_support.h"

// The ids C++ relies on, checked against workflows/candidate-file.json: a
// definition that still parses but renamed, rerouted or unguarded what a
// service counts on is refused, naming the id.

namespace cqpm::workflow {
namespace {

using test_support::coreRegistry;
using test_support::definitionJson;
using test_support::definitionText;
using test_support::schemaText;
using test_support::stringify;

const std::string kContractSource = "workflows/candidate-file.json";

/// The contract's verdict on `text` (which must parse as a definition).
std::optional<Error> contractFault(const std::string& text) {
  const WorkflowDefinition definition =
      WorkflowDefinition::parse(text, schemaText(), coreRegistry(), kContractSource);
  try {
    checkWorkflowContract(definition, kContractSource);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

std::optional<Error> contractFaultAfter(const std::function<void(Poco::JSON::Object::Ptr&)>& edit) {
  Poco::JSON::Object::Ptr definition = definitionJson();
  edit(definition);
  return contractFault(stringify(definition));
}

Poco::JSON::Object::Ptr transitionNamed(Poco::JSON::Object::Ptr& definition, const std::string& id) {
  const auto all = definition->getArray("transitions");
  for (std::size_t i = 0; i < all->size(); ++i) {
    auto transition = all->getObject(static_cast<unsigned>(i));
    if (transition->getValue<std::string>("id") == id) return transition;
  }
  throw std::runtime_error("no transition " + id + " in the definition");
}

void expectContractFault(const std::optional<Error>& fault, const std::string& field,
                         const std::string& what) {
  ASSERT_TRUE(fault) << "the contract accepted the definition";
  EXPECT_EQ(fault->code(), ErrorCode::kInvalidConfiguration);
  EXPECT_EQ(fault->field(), field);
  const std::string message = fault->what();
  EXPECT_EQ(message.rfind(kContractSource + ": ", 0), 0u) << message;
  EXPECT_NE(message.find(what), std::string::npos) << message;
  EXPECT_NE(message.find("workflow_contract.h"), std::string::npos) << message;
}

TEST(WorkflowContractTest, TheRealDefinitionMeetsTheContract) {
  EXPECT_FALSE(contractFault(definitionText()));
}

TEST(WorkflowContractTest, AStateRenamedEverywhereInTheFileIsNamed) {
  // Consistent for the definition's own checks, fatal to the jury services.
  const std::string renamed =
      std::regex_replace(definitionText(), std::regex("\"in_deliberation\""), "\"deliberating\"");
  expectContractFault(contractFault(renamed), "states", "no state \"in_deliberation\"");
}

TEST(WorkflowContractTest, ATransitionRenamedEverywhereInTheFileIsNamed) {
  const std::string renamed =
      std::regex_replace(definitionText(), std::regex("\"award_blocs\""), "\"award\"");
  expectContractFault(contractFault(renamed), "transitions.award_blocs", "no transition \"award_blocs\"");
}

TEST(WorkflowContractTest, ATransitionLeadingElsewhereIsNamed) {
  expectContractFault(contractFaultAfter([](Poco::JSON::Object::Ptr& definition) {
                        transitionNamed(definition, "certify")->set("to", "blocs_awarded");
                      }),
                      "transitions.certify.to", "leads to \"blocs_awarded\" instead of \"certified\"");
  expectContractFault(contractFaultAfter([](Poco::JSON::Object::Ptr& definition) {
                        Poco::JSON::Array::Ptr from = new Poco::JSON::Array;
                        from->add("company_opinion");
                        transitionNamed(definition, "open_deliberation")->set("from", from);
                      }),
                      "transitions.open_deliberation.from", "does not leave \"ready_for_jury\"");
}

TEST(WorkflowContractTest, AGuardAServiceCountsOnMustStay) {
  expectContractFault(contractFaultAfter([](Poco::JSON::Object::Ptr& definition) {
                        Poco::JSON::Array::Ptr guards = new Poco::JSON::Array;
                        guards->add("reason_given");
                        transitionNamed(definition, "refuse_certification")->set("guards", guards);
                      }),
                      "transitions.refuse_certification.guards", "does not check \"decided_by_jury\"");
  expectContractFault(contractFaultAfter([](Poco::JSON::Object::Ptr& definition) {
                        transitionNamed(definition, "register")->remove("pins_referential");
                      }),
                      "transitions.register.pins_referential", "does not pin the referential version");
}

TEST(WorkflowContractTest, ADecidedStateThatIsNoLongerFinalIsNamed) {
  expectContractFault(contractFaultAfter([](Poco::JSON::Object::Ptr& definition) {
                        const auto states = definition->getArray("states");
                        for (std::size_t i = 0; i < states->size(); ++i) {
                          auto state = states->getObject(static_cast<unsigned>(i));
                          if (state->getValue<std::string>("id") == "not_certified")
                            state->set("final", false);
                        }
                        // A way out, so that the definition itself stays valid.
                        Poco::JSON::Array::Ptr from = new Poco::JSON::Array;
                        from->add("in_deliberation");
                        from->add("not_certified");
                        transitionNamed(definition, "certify")->set("from", from);
                      }),
                      "states", "state \"not_certified\" is not final");
}

}  // namespace
}  // namespace cqpm::workflow
