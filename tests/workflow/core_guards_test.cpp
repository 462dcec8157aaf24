#include "workflow/core_guards.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "workflow/workflow_test_support.h"

namespace cqpm::workflow {
namespace {

using domain::Pathway;
using test_support::actorWith;
using test_support::coreRegistry;
using test_support::employeeFile;

std::optional<Refusal> runGuard(std::string_view name, const domain::CandidateFile& file,
                                const std::string& payload_json = "{}") {
  static const GuardRegistry registry = coreRegistry();
  const RegisteredGuard* guard = registry.find(name);
  if (!guard) throw std::runtime_error("no guard " + std::string(name));
  Poco::JSON::Parser parser;
  const auto payload = parser.parse(payload_json).extract<Poco::JSON::Object::Ptr>();
  const domain::Actor actor = actorWith(domain::Role::kCentreCoordinator);
  return guard->function(GuardContext{file, actor, payload});
}

TEST(CoreGuardsTest, RegistersEachCoreGuardWithItsKind) {
  GuardRegistry registry;
  registerCoreGuards(registry);
  const std::vector<std::pair<std::string_view, GuardKind>> expected = {
      {kCandidateIdentityComplete, GuardKind::kFile},
      {kCompanyMatchesPathway, GuardKind::kFile},
      {kCompanyOpinionRequired, GuardKind::kFile},
      {kCompanyOpinionNotRequired, GuardKind::kFile},
      {kReasonGiven, GuardKind::kPayload},
      {kBlocsListed, GuardKind::kPayload},
  };
  for (const auto& [name, kind] : expected) {
    const RegisteredGuard* guard = registry.find(name);
    ASSERT_NE(guard, nullptr) << name;
    EXPECT_EQ(guard->name, name);
    EXPECT_EQ(guard->kind, kind) << name;
  }
  EXPECT_EQ(registry.names().size(), expected.size());
}

TEST(CoreGuardsTest, RefusesToRegisterTwice) {
  GuardRegistry registry;
  registerCoreGuards(registry);
  try {
    registerCoreGuards(registry);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
  }
}

TEST(CandidateIdentityCompleteTest, PassesWhenAllFourFieldsAreFilled) {
  EXPECT_EQ(runGuard(kCandidateIdentityComplete, employeeFile("draft")), std::nullopt);
}

TEST(CandidateIdentityCompleteTest, RefusesEachBlankFieldNamingIt) {
  struct Case {
    std::string domain::Candidate::*member;
    std::string field;
    std::string words;
  };
  const std::vector<Case> cases = {
      {&domain::Candidate::given_name, "candidate.given_name", "given name"},
      {&domain::Candidate::family_name, "candidate.family_name", "family name"},
      {&domain::Candidate::email, "candidate.email", "e-mail"},
      {&domain::Candidate::birth_date, "candidate.birth_date", "birth date"},
  };
  for (const Case& c : cases) {
    for (const std::string blank : {"", "   ", "\t\n"}) {
      domain::CandidateFile file = employeeFile("draft");
      file.candidate.*c.member = blank;
      const auto refusal = runGuard(kCandidateIdentityComplete, file);
      ASSERT_TRUE(refusal) << c.field << " blank '" << blank << "'";
      EXPECT_EQ(refusal->code, ErrorCode::kGuardFailed);
      EXPECT_EQ(refusal->field, c.field);
      EXPECT_NE(refusal->message.find(c.words), std::string::npos) << refusal->message;
    }
  }
}

TEST(CandidateIdentityCompleteTest, ListsEveryMissingFieldAndPointsAtTheFirst) {
  domain::CandidateFile file = employeeFile("draft");
  file.candidate.family_name.clear();
  file.candidate.birth_date.clear();
  const auto refusal = runGuard(kCandidateIdentityComplete, file);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->field, "candidate.family_name");
  EXPECT_NE(refusal->message.find("family name"), std::string::npos) << refusal->message;
  EXPECT_NE(refusal->message.find("birth date"), std::string::npos) << refusal->message;
}

TEST(CompanyMatchesPathwayTest, FollowsThePathwayRules) {
  struct Case {
    Pathway pathway;
    std::optional<std::string> company_id;
    bool passes;
  };
  const std::vector<Case> cases = {
      {Pathway::kEmployee, "company-acme", true},
      {Pathway::kEmployee, std::nullopt, false},
      {Pathway::kEmployee, "  ", false},
      {Pathway::kVae, std::nullopt, true},
      {Pathway::kVae, "", true},
      {Pathway::kVae, "company-acme", false},
      {Pathway::kJobSeeker, std::nullopt, false},
      {Pathway::kJobSeeker, "company-acme", true},
      {Pathway::kOther, std::nullopt, false},
      {Pathway::kOther, "company-acme", true},
  };
  for (const Case& c : cases) {
    domain::CandidateFile file = employeeFile("draft");
    file.pathway = c.pathway;
    file.company_id = c.company_id;
    const auto refusal = runGuard(kCompanyMatchesPathway, file);
    const std::string label =
        std::string(domain::pathwayName(c.pathway)) + " / " + c.company_id.value_or("none");
    EXPECT_EQ(!refusal.has_value(), c.passes) << label;
    if (refusal) {
      EXPECT_EQ(refusal->code, ErrorCode::kGuardFailed) << label;
      EXPECT_EQ(refusal->field, "company_id") << label;
    }
  }
}

TEST(CompanyOpinionGuardsTest, OnlyVaeSkipsTheCompanyOpinion) {
  for (Pathway pathway : {Pathway::kEmployee, Pathway::kVae, Pathway::kJobSeeker, Pathway::kOther}) {
    domain::CandidateFile file = employeeFile("under_evaluation");
    file.pathway = pathway;
    const bool vae = pathway == Pathway::kVae;
    const auto required = runGuard(kCompanyOpinionRequired, file);
    const auto not_required = runGuard(kCompanyOpinionNotRequired, file);
    EXPECT_EQ(required.has_value(), vae) << domain::pathwayName(pathway);
    EXPECT_EQ(not_required.has_value(), !vae) << domain::pathwayName(pathway);
    for (const auto& refusal : {required, not_required}) {
      if (!refusal) continue;
      EXPECT_EQ(refusal->code, ErrorCode::kGuardFailed);
      EXPECT_EQ(refusal->field, "pathway");
    }
  }
}

TEST(ReasonGivenTest, RequiresANonBlankTextReason) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {R"({})", false},
      {R"({"reason": null})", false},
      {R"({"reason": 42})", false},
      {R"({"reason": ["a"]})", false},
      {R"({"reason": ""})", false},
      {R"({"reason": "  \t "})", false},
      {R"({"reason": "Déménagement du candidat"})", true},
  };
  for (const auto& [payload, passes] : cases) {
    const auto refusal = runGuard(kReasonGiven, employeeFile("registered"), payload);
    EXPECT_EQ(!refusal.has_value(), passes) << payload;
    if (refusal) {
      EXPECT_EQ(refusal->code, ErrorCode::kGuardFailed) << payload;
      EXPECT_EQ(refusal->field, "payload.reason") << payload;
    }
  }
}

TEST(BlocsListedTest, RequiresANonEmptyListOfBlocCodes) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {R"({})", false},
      {R"({"blocs": "BDC0170"})", false},
      {R"({"blocs": {"code": "BDC0170"}})", false},
      {R"({"blocs": []})", false},
      {R"({"blocs": [""]})", false},
      {R"({"blocs": ["BDC0170", " "]})", false},
      {R"({"blocs": ["BDC0170", 3]})", false},
      {R"({"blocs": ["BDC0170"]})", true},
      {R"({"blocs": ["BDC0170", "BDC0171"]})", true},
  };
  for (const auto& [payload, passes] : cases) {
    const auto refusal = runGuard(kBlocsListed, employeeFile("in_deliberation"), payload);
    EXPECT_EQ(!refusal.has_value(), passes) << payload;
    if (refusal) {
      EXPECT_EQ(refusal->code, ErrorCode::kGuardFailed) << payload;
      EXPECT_EQ(refusal->field, "payload.blocs") << payload;
    }
  }
}

TEST(GuardRegistryTest, FindsRegisteredGuardsAndNothingElse) {
  GuardRegistry registry;
  registry.add("always", GuardKind::kFile, [](const GuardContext&) { return std::optional<Refusal>(); });
  ASSERT_NE(registry.find("always"), nullptr);
  EXPECT_EQ(registry.find("never"), nullptr);
  EXPECT_EQ(registry.find(""), nullptr);
}

TEST(GuardRegistryTest, RefusesADuplicateName) {
  GuardRegistry registry;
  const GuardFunction pass = [](const GuardContext&) { return std::optional<Refusal>(); };
  registry.add("plugin_check", GuardKind::kPayload, pass);
  try {
    registry.add("plugin_check", GuardKind::kFile, pass);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_NE(std::string(e.what()).find("plugin_check"), std::string::npos) << e.what();
  }
  EXPECT_EQ(registry.find("plugin_check")->kind, GuardKind::kPayload);
}

TEST(GuardRegistryTest, RefusesAnEmptyNameOrFunction) {
  GuardRegistry registry;
  const GuardFunction pass = [](const GuardContext&) { return std::optional<Refusal>(); };
  EXPECT_THROW(registry.add("", GuardKind::kFile, pass), Error);
  EXPECT_THROW(registry.add("empty", GuardKind::kFile, GuardFunction()), Error);
  EXPECT_TRUE(registry.names().empty());
}

TEST(GuardRegistryTest, ListsNamesSorted) {
  GuardRegistry registry;
  const GuardFunction pass = [](const GuardContext&) { return std::optional<Refusal>(); };
  registry.add("zeta", GuardKind::kFile, pass);
  registry.add("alpha", GuardKind::kFile, pass);
  EXPECT_EQ(registry.names(), (std::vector<std::string>{"alpha", "zeta"}));
}

TEST(GuardRegistryTest, KeepsFoundGuardsValidAcrossLaterAdds) {
  GuardRegistry registry;
  const GuardFunction pass = [](const GuardContext&) { return std::optional<Refusal>(); };
  registry.add("first", GuardKind::kFile, pass);
  const RegisteredGuard* first = registry.find("first");
  for (int i = 0; i < 100; ++i) registry.add("guard_" + std::to_string(i), GuardKind::kFile, pass);
  EXPECT_EQ(registry.find("first"), first);
  EXPECT_EQ(first->name, "first");
}

}  // namespace
}  // namespace cqpm::workflow
