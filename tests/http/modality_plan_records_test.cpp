#include <functional>

#include "http/api_fixture.h"

// The modality plan at the service: get and put answer typed records
// (files/modality_plan_records.h); the rules of a plan entry, one row each,
// refuse with the field they name, and an accepted plan reads back as typed entries.

namespace cqpm::testing {
namespace {

class ModalityPlanRecordsTest : public ApiTest {
 protected:
  domain::Actor actorOf(const std::string& login) const {
    const auto actor = server_->server().auth().authenticate(client().login(login));
    EXPECT_TRUE(actor.has_value()) << login;
    return actor.value_or(domain::Actor{});
  }
  files::ModalityPlanService& plans() const { return server_->server().modalityPlans(); }

  /// A new qualite file, registered: at version 2, its plan editable by the centre.
  std::string registeredFile(const std::string& centre) const {
    const std::string id = createFile(centre, "Plan")->getValue<std::string>("id");
    EXPECT_EQ(fire(centre, id, "register", 1).status, 200);
    return id;
  }
};

TEST_P(ModalityPlanRecordsTest, TheEditorOfARegisteredFileListsWhatAPlanIsMadeOf) {
  const domain::Actor centre = actorOf("centre");
  const std::string file = registeredFile(client().login("centre"));
  const auto editor = plans().get(centre, file);
  EXPECT_EQ(editor.file_id, file);
  EXPECT_EQ(editor.file_version, 2);
  EXPECT_EQ(editor.state, "registered");
  EXPECT_TRUE(editor.editable);
  EXPECT_FALSE(editor.plan.has_value());
  ASSERT_EQ(editor.competencies.size(), 6u);  // qualite: 6 competencies
  EXPECT_EQ(editor.competencies.front().number, 1);
  EXPECT_EQ(editor.competencies.front().bloc_index, 1);
  EXPECT_FALSE(editor.modalities.empty());
  EXPECT_FALSE(editor.evaluators.empty());
  ASSERT_TRUE(editor.allowed_modalities);
  ASSERT_TRUE(editor.plan_fields);
  EXPECT_FALSE(plans().get(actorOf("entreprise"), file).editable);
}

TEST_P(ModalityPlanRecordsTest, AnAcceptedPlanReadsBackAsTypedEntries) {
  const domain::Actor centre = actorOf("centre");
  const std::string file = registeredFile(client().login("centre"));
  const auto editor = plans().get(centre, file);
  const auto plan = demo::sampleModalityPlan(editor, "qualite", "{}", false);
  plan->getObject(0)->set("justification", "Poste de travail partagé.");
  const auto written = plans().put(centre, file, 2, plan);
  EXPECT_EQ(written.file_version, 3);
  ASSERT_TRUE(written.plan.has_value());
  ASSERT_EQ(written.plan->size(), editor.competencies.size());
  const files::PlanEntry& first = written.plan->front();
  EXPECT_EQ(first.competency, 1);
  EXPECT_EQ(first.modality, "real_situation");
  EXPECT_EQ(first.planned_date, "2027-01-15");
  EXPECT_EQ(first.place, "Atelier de l'entreprise");
  EXPECT_EQ(first.evaluators, std::vector<std::string>{editor.evaluators.front().id});
  EXPECT_EQ(first.justification, std::optional<std::string>("Poste de travail partagé."));
  ASSERT_TRUE(first.details);
  EXPECT_EQ(first.details->size(), 0u);
  EXPECT_FALSE(written.plan->at(1).justification.has_value());
}

struct PlanRule {
  const char* name;
  std::function<void(Poco::JSON::Object&)> change;  // on the first entry of an accepted plan
  ErrorCode code;
  const char* field;
};

TEST_P(ModalityPlanRecordsTest, EachRuleOfAnEntryRefusesNamingItsField) {
  const domain::Actor centre = actorOf("centre");
  const std::string file = registeredFile(client().login("centre"));
  const auto editor = plans().get(centre, file);
  const std::vector<PlanRule> rules{
      {"no place", [](Poco::JSON::Object& e) { e.remove("place"); }, ErrorCode::kInvalidField,
       "competencies[0].place"},
      {"a date not YYYY-MM-DD", [](Poco::JSON::Object& e) { e.set("planned_date", "15/01/2027"); },
       ErrorCode::kInvalidField, "competencies[0].planned_date"},
      {"no evaluator",
       [](Poco::JSON::Object& e) { e.set("evaluators", Poco::JSON::Array::Ptr(new Poco::JSON::Array)); },
       ErrorCode::kInvalidField, "competencies[0].evaluators"},
      {"a stranger as evaluator",
       [](Poco::JSON::Object& e) {
         Poco::JSON::Array::Ptr stranger = new Poco::JSON::Array;
         stranger->add("not-an-evaluator");
         e.set("evaluators", stranger);
       },
       ErrorCode::kInvalidField, "competencies[0].evaluators[0]"},
      {"an unknown field", [](Poco::JSON::Object& e) { e.set("colour", "blue"); }, ErrorCode::kInvalidField,
       "competencies[0].colour"},
      {"details not an object", [](Poco::JSON::Object& e) { e.set("details", "none"); },
       ErrorCode::kInvalidField, "competencies[0].details"},
  };
  for (const auto& rule : rules) {
    const auto plan = demo::sampleModalityPlan(editor, "qualite", "{}", false);
    rule.change(*plan->getObject(0));
    try {
      plans().put(centre, file, 2, plan);
      ADD_FAILURE() << rule.name << ": accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), rule.code) << rule.name << ": " << e.what();
      EXPECT_EQ(e.field(), rule.field) << rule.name;
    }
  }
  // Nothing was written: the file is still at version 2, without a plan.
  const auto after = plans().get(centre, file);
  EXPECT_EQ(after.file_version, 2);
  EXPECT_FALSE(after.plan.has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, ModalityPlanRecordsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
