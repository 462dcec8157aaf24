#include "plugins/plugin_rules.h"

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "plugin_test_support.h"
#include "plugins/plugin_catalog.h"
#include "plugins/plugin_host.h"

// Each plugin's own rules, through the real host and the real plugin.lua.

namespace cqpm::plugins {
namespace {

using namespace test_support;
using Poco::JSON::Array;
using Poco::JSON::Object;

class PluginRulesTest : public ::testing::Test {
 protected:
  PluginRulesTest()
      : catalog_(realLoader().loadAll(kSourceRoot + "/plugins").plugins, {}),
        host_(hostLibrarySource(), SandboxLimits{}),
        rules_(catalog_, host_) {}

  static domain::CandidateFile file(const std::string& cqpm,
                                    domain::Pathway pathway = domain::Pathway::kEmployee,
                                    const std::string& registration = "{}") {
    domain::CandidateFile file;
    file.id = "f1";
    file.cqpm = cqpm;
    file.pathway = pathway;
    file.company_id = pathway == domain::Pathway::kVae ? std::nullopt : std::optional<std::string>("c1");
    file.candidate = {"Alex", "Martin", "a@b.fr", "1990-01-01"};
    file.registration_json = registration;
    file.state = "registered";
    return file;
  }

  static domain::Actor centre() {
    domain::Actor actor;
    actor.role = domain::Role::kCentreCoordinator;
    return actor;
  }

  // A plan every rule of the CQPM accepts (for an employee, and for a
  // fabrication-additive file in polymer): every competency in a real
  // situation, with the details its rules read.
  Array::Ptr plan(const std::string& cqpm) {
    Array::Ptr plan = new Array;
    for (int n = 1; n <= catalog_.find(cqpm)->competency_count; ++n) {
      Object::Ptr entry = new Object;
      entry->set("competency", n);
      entry->set("modality", "real_situation");
      Object::Ptr details = new Object;
      if (cqpm == "maintenance-industrielle" && n == 4) {
        Array::Ptr technologies = new Array;
        technologies->add("electrical");
        technologies->add("mechanical");
        details->set("technologies", technologies);
        details->set("intervention_level", "3");
      }
      if (cqpm == "maintenance-productive" && n == 1) {
        Array::Ptr equipment = new Array;
        equipment->add("Ligne L2");
        equipment->add("Presse P7");
        details->set("automated_equipment", equipment);
      }
      entry->set("details", details);
      plan->add(entry);
    }
    return plan;
  }

  static Object::Ptr entry(const Array::Ptr& plan, int competency) {
    return plan->getObject(static_cast<unsigned>(competency - 1));
  }

  PluginCatalog catalog_;
  PluginHost host_;
  PluginRules rules_;
};

// The company's opinion complements the commission's evaluation (a separate signed step): no pathway plans a
// competency on it, though the seeds list it beside the modalities.
TEST_F(PluginRulesTest, NoCqpmPlansACompetencyOnTheCompanyOpinion) {
  for (const auto& id : kPluginIds) {
    auto p = plan(id);
    entry(p, 1)->set("modality", "company_opinion");
    for (const auto pathway :
         {domain::Pathway::kEmployee, domain::Pathway::kVae, domain::Pathway::kJobSeeker}) {
      const auto refusal = rules_.checkModalityPlan(file(id, pathway), centre(), p);
      ASSERT_TRUE(refusal) << id;
      EXPECT_EQ(refusal->field, "competencies[0].modality") << id;
      EXPECT_EQ(refusal->details->getValue<int>("competency"), 1) << id;
      EXPECT_NE(
          refusal->details->getValue<std::string>("message_fr").find("n'est pas une modalité d'évaluation"),
          std::string::npos)
          << id;
      const auto allowed = rules_.allowedModalities(file(id, pathway))->getArray("1");
      ASSERT_GT(allowed->size(), 0u) << id;
      for (std::size_t i = 0; i < allowed->size(); ++i) {
        EXPECT_NE(allowed->getElement<std::string>(static_cast<unsigned>(i)), "company_opinion") << id;
      }
    }
  }
}

TEST_F(PluginRulesTest, EveryCompetencyMustBePlannedOnce) {
  auto p = plan("qualite");
  p->remove(5);
  auto refusal = rules_.checkModalityPlan(file("qualite"), centre(), p);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->details->getValue<int>("competency"), 6);
  p = plan("qualite");
  entry(p, 2)->set("competency", 1);
  refusal = rules_.checkModalityPlan(file("qualite"), centre(), p);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->field, "competencies[1].competency");
}

TEST_F(PluginRulesTest, ReconstitutedSituationOnlyInMaintenanceProductiveAndWithAJustification) {
  for (const auto& id : kPluginIds) {
    if (id == "maintenance-productive") continue;
    auto p = plan(id);
    entry(p, 2)->set("modality", "reconstituted_situation");
    entry(p, 2)->set("justification", "Pas de poste disponible");
    const auto refusal = rules_.checkModalityPlan(file(id), centre(), p);
    ASSERT_TRUE(refusal) << id;
    EXPECT_EQ(refusal->field, "competencies[1].modality") << id;
  }
  auto p = plan("maintenance-productive");
  entry(p, 3)->set("modality", "reconstituted_situation");
  auto refusal = rules_.checkModalityPlan(file("maintenance-productive"), centre(), p);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->field, "competencies[2].justification");
  // A word is not a justification: the jury reads why a real situation was impossible.
  for (const char* empty : {"RAS", "   Impossible.   ", "Pas de poste disponible"}) {
    entry(p, 3)->set("justification", empty);
    refusal = rules_.checkModalityPlan(file("maintenance-productive"), centre(), p);
    ASSERT_TRUE(refusal) << empty;
    EXPECT_EQ(refusal->field, "competencies[2].justification");
    EXPECT_NE(refusal->details->getValue<std::string>("message_fr").find("le jury lira"), std::string::npos);
  }
  entry(p, 3)->set("justification",
                   "L'équipement est à l'arrêt pour rénovation pendant la période d'évaluation.");
  EXPECT_FALSE(rules_.checkModalityPlan(file("maintenance-productive"), centre(), p));
}

TEST_F(PluginRulesTest, MaintenanceProductiveCompetencyOneNeedsTwoAutomatedEquipment) {
  auto p = plan("maintenance-productive");
  Array::Ptr equipment = new Array;
  equipment->add("Ligne L2");
  equipment->add(" ligne l2 ");  // the same one twice does not count as two
  entry(p, 1)->getObject("details")->set("automated_equipment", equipment);
  const auto refusal = rules_.checkModalityPlan(file("maintenance-productive"), centre(), p);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->field, "competencies[0].details.automated_equipment");
  EXPECT_EQ(refusal->details->getValue<int>("competency"), 1);
  EXPECT_NE(refusal->details->getValue<std::string>("message_fr").find("deux équipements"),
            std::string::npos);
  equipment->add("Presse P7");
  EXPECT_FALSE(rules_.checkModalityPlan(file("maintenance-productive"), centre(), p));
}

TEST_F(PluginRulesTest, MaintenanceIndustrielleCompetencyFourCombinesTwoTechnologiesAtLevelTwoOrThree) {
  auto p = plan("maintenance-industrielle");
  Object::Ptr details = entry(p, 4)->getObject("details");
  Array::Ptr technologies = new Array;
  technologies->add("electrical");
  details->set("technologies", technologies);
  details->set("intervention_level", "2");
  EXPECT_FALSE(
      rules_.checkModalityPlan(file("maintenance-industrielle"), centre(), plan("maintenance-industrielle")));
  auto refusal = rules_.checkModalityPlan(file("maintenance-industrielle"), centre(), p);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->field, "competencies[3].details.technologies");
  technologies->add("hydraulic");
  EXPECT_EQ(rules_.checkModalityPlan(file("maintenance-industrielle"), centre(), p)->field,
            "competencies[3].details.technologies");
  technologies->remove(1);
  technologies->add("pneumatic");
  EXPECT_FALSE(rules_.checkModalityPlan(file("maintenance-industrielle"), centre(), p));
  details->set("intervention_level", "1");
  EXPECT_EQ(rules_.checkModalityPlan(file("maintenance-industrielle"), centre(), p)->field,
            "competencies[3].details.intervention_level");
  details->set("intervention_level", 3);
  EXPECT_FALSE(rules_.checkModalityPlan(file("maintenance-industrielle"), centre(), p));
}

TEST_F(PluginRulesTest, MaintenanceIndustrielleRecordsHabilitationsAndAuthorisations) {
  const auto fields = rules_.registrationFields(*catalog_.find("maintenance-industrielle"));
  ASSERT_EQ(fields->size(), 2u);
  EXPECT_EQ(fields->getObject(0)->getValue<std::string>("id"), "electrical_habilitations");
  EXPECT_EQ(fields->getObject(1)->getValue<std::string>("id"), "handling_authorisations");
  auto refusal = rules_.checkRegistration(file("maintenance-industrielle"), centre());
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->field, "registration.electrical_habilitations");
  EXPECT_EQ(fields->getObject(0)->getValue<std::string>("type"), "credential_list");
  EXPECT_TRUE(fields->getObject(0)->getValue<bool>("closed"));
  const std::string b1v = R"({"symbol":"B1V","issuer":"Mécanique de Précision","valid_until":"2029-06-30"})";
  const std::string caces = R"({"symbol":"CACES R489","issuer":"AFPI Rhône","valid_until":"2031-03-31"})";
  auto check = [&](const std::string& electrical, const std::string& handling) {
    return rules_.checkRegistration(file("maintenance-industrielle", domain::Pathway::kEmployee,
                                         R"({"electrical_habilitations":[)" + electrical +
                                             R"(],"handling_authorisations":[)" + handling + "]}"),
                                    centre());
  };
  EXPECT_FALSE(check(b1v, caces));
  EXPECT_EQ(check(b1v, "")->field, "registration.handling_authorisations");
  // Free text such as « aucune » is refused: each entry is typed.
  EXPECT_EQ(check(R"("aucune")", caces)->field, "registration.electrical_habilitations[0]");
  // Each part of an entry is checked and named.
  const std::vector<std::pair<std::string, std::string>> bad{
      {R"({"symbol":"Aucune","issuer":"X","valid_until":"2029-06-30"})", "symbol"},
      {R"({"symbol":"","issuer":"X","valid_until":"2029-06-30"})", "symbol"},
      {R"({"symbol":"B1V","issuer":"  ","valid_until":"2029-06-30"})", "issuer"},
      {R"({"symbol":"B1V","issuer":"X"})", "valid_until"},
      {R"({"symbol":"B1V","issuer":"X","valid_until":"2029-02-30"})", "valid_until"},
      {R"({"symbol":"B1V","issuer":"X","valid_until":"30/06/2029"})", "valid_until"},
      {R"({"symbol":"B1V","issuer":"X","valid_until":"2029-06-30","level":2})", "level"},
  };
  for (const auto& [entry, part] : bad) {
    const auto refusal_of = check(b1v + "," + entry, caces);
    ASSERT_TRUE(refusal_of) << entry;
    EXPECT_EQ(refusal_of->field, "registration.electrical_habilitations[1]." + part) << entry;
    EXPECT_NE(refusal_of->details->getValue<std::string>("message_fr").find("ligne 2"), std::string::npos);
  }
  // The handling authorisations are an open list: any named authorisation, typed.
  EXPECT_FALSE(check(
      b1v,
      R"({"symbol":"Autorisation pont roulant interne","issuer":"Employeur","valid_until":"2028-01-01"})"));
}

TEST_F(PluginRulesTest, FabricationAdditiveChoosesTheMaterialFamilyAtRegistration) {
  EXPECT_EQ(rules_.checkRegistration(file("fabrication-additive"), centre())->field,
            "registration.material_family");
  EXPECT_EQ(rules_
                .checkRegistration(
                    file("fabrication-additive", domain::Pathway::kEmployee, R"({"material_family":"wood"})"),
                    centre())
                ->field,
            "registration.material_family");
  for (const char* family : {"metal_powder", "polymer_powder", "sand"}) {
    EXPECT_FALSE(rules_.checkRegistration(file("fabrication-additive", domain::Pathway::kEmployee,
                                               std::string(R"({"material_family":")") + family + "\"}"),
                                          centre()))
        << family;
  }
  // Fields of another CQPM are refused by name.
  EXPECT_EQ(rules_
                .checkRegistration(
                    file("qualite", domain::Pathway::kEmployee, R"({"material_family":"sand"})"), centre())
                ->field,
            "registration.material_family");
}

// The seed requires the furnace for metal parts and says nothing of the others: never refused for them.
TEST_F(PluginRulesTest, FabricationAdditiveHeatTreatmentFurnaceIsRequiredForMetalPartsOnly) {
  const auto metal =
      file("fabrication-additive", domain::Pathway::kEmployee, R"({"material_family":"metal_powder"})");
  const auto polymer =
      file("fabrication-additive", domain::Pathway::kEmployee, R"({"material_family":"polymer_powder"})");
  auto p = plan("fabrication-additive");
  auto refusal = rules_.checkModalityPlan(metal, centre(), p);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->field, "competencies[5].details.heat_treatment_furnace");
  EXPECT_FALSE(rules_.checkModalityPlan(polymer, centre(), p));
  entry(p, 6)->getObject("details")->set("heat_treatment_furnace", true);
  EXPECT_FALSE(rules_.checkModalityPlan(metal, centre(), p));
  EXPECT_FALSE(rules_.checkModalityPlan(polymer, centre(), p));
  EXPECT_TRUE(rules_.planFields(metal)->getArray("6")->getObject(0)->getValue<bool>("required"));
  EXPECT_FALSE(rules_.planFields(polymer)->getArray("6")->getObject(0)->getValue<bool>("required"));
}

TEST_F(PluginRulesTest, ProposedOutcomeFollowsTheBlocRule) {
  const auto f = file("industrialisation");  // 4 blocs of 2 competencies
  Object::Ptr results = new Object;
  for (int n = 1; n <= 8; ++n) results->set(std::to_string(n), "acquired");
  EXPECT_EQ(rules_.proposeOutcome(f, results)->getValue<std::string>("outcome"), "certified");
  results->set("3", "not_acquired");
  auto outcome = rules_.proposeOutcome(f, results);
  EXPECT_EQ(outcome->getValue<std::string>("outcome"), "blocs_awarded");
  const auto blocs = outcome->getArray("blocs");
  ASSERT_EQ(blocs->size(), 3u);
  EXPECT_EQ(blocs->getObject(0)->getValue<std::string>("code"), "BDC0170");
  EXPECT_EQ(blocs->getObject(1)->getValue<std::string>("code"), "BDC0172");
  for (int n = 1; n <= 8; n += 2) results->set(std::to_string(n), "not_acquired");
  EXPECT_EQ(rules_.proposeOutcome(f, results)->getValue<std::string>("outcome"), "not_certified");
  EXPECT_EQ(rules_.checkEvaluationComplete(f, new Object)->details->getValue<int>("competency"), 1);
}

TEST_F(PluginRulesTest, AFailingPluginIsAClearErrorNamingPluginHookAndLine) {
  PluginCopy copy("qualite");
  writeFile(copy.file("manifest.json"),
            R"({"id":"qualite","title":"T","version":"1.0.0","host_api":1,"hooks":["check_modality_plan"]})");
  writeFile(
      copy.file("plugin.lua"),
      "local M = {}\nfunction M.check_modality_plan(ctx)\n  return ctx.plan.nothing.here\nend\nreturn M\n");
  PluginCatalog catalog(realLoader().loadAll(copy.root()).plugins, {});
  ASSERT_EQ(catalog.plugins().size(), 1u);
  PluginRules rules(catalog, host_);
  try {
    rules.checkModalityPlan(file("qualite"), centre(), plan("qualite"));
    FAIL() << "the plugin error was swallowed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kPluginFailed);
    EXPECT_NE(
        std::string(e.what()).find("plugin qualite, hook check_modality_plan: plugins/qualite/plugin.lua:3:"),
        std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace cqpm::plugins
