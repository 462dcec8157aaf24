#include "juries/competency_validation.h"

#include <gtest/gtest.h>

#include "common/error.h"

// The jury validates competency by competency; the outcome follows from what is validated (the table of
// issue 10: all validated / some blocs / blocs not awardable / carry-over), and nothing contradicts it.

namespace cqpm::juries {
namespace {

// Three blocs of two competencies, like the qualite CQPM.
std::vector<BlocRef> threeBlocs() {
  return {{1, "BDC0229", "", "Bloc 1", {"1", "2"}, {"C1", "C2"}},
          {2, "BDC0230", "", "Bloc 2", {"3", "4"}, {"C3", "C4"}},
          {3, "", "", "Bloc 3", {"5", "6"}, {"C5", "C6"}}};
}

std::map<std::string, std::string> commission(const std::string& fifth = "acquired") {
  return {{"1", "acquired"}, {"2", "acquired"}, {"3", "acquired"},
          {"4", "acquired"}, {"5", fifth},      {"6", "acquired"}};
}

// The error `fn` throws, or a failure when it throws none.
template <typename Fn>
Error errorOf(Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorCode::kInternal, "none");
}

TEST(CompetencyValidationTest, EveryCompetencyStartsFromTheCommissionsResult) {
  const auto validated = validateCompetencies(threeBlocs(), commission("not_acquired"), {}, {});
  ASSERT_EQ(validated.size(), 6u);
  EXPECT_TRUE(validated[0].validated);
  EXPECT_FALSE(validated[4].validated);
  EXPECT_EQ(validated[4].commission_result, "not_acquired");
  EXPECT_EQ(validated[4].bloc_index, 3);
}

TEST(CompetencyValidationTest, ABlocTheFileDidNotRegisterForIsNeitherValidatedNorJudged) {
  const auto blocs = threeBlocs();
  // Registered for bloc 3 only: the commission graded 5 and 6; blocs 1 and 2 were never evaluated.
  const std::map<std::string, std::string> graded{{"5", "acquired"}, {"6", "acquired"}};
  const auto validated = validateCompetencies(blocs, graded, {}, {}, {3});
  EXPECT_FALSE(validated[0].targeted);
  EXPECT_FALSE(validated[0].validated);
  EXPECT_TRUE(validated[4].targeted);
  EXPECT_TRUE(validated[4].validated);
  const auto derived = deriveOutcome(blocs, validated, true);
  EXPECT_EQ(derived.outcome, "blocs_awarded");
  EXPECT_EQ(derived.bloc_indexes, (std::vector<int>{3}));
  // No verdict on a competency that was not evaluated, even with a reason.
  const Error error = errorOf([&] {
    validateCompetencies(blocs, graded, {}, {{"1", true, "Vu en entreprise"}}, {3});
  });
  EXPECT_EQ(error.code(), ErrorCode::kInvalidField);
  EXPECT_EQ(error.field(), "competencies[0].number");
  // With blocs 1 and 2 carried over, the same file ends certified.
  EXPECT_EQ(deriveOutcome(blocs, validateCompetencies(blocs, graded, {1, 2}, {}, {}), true).outcome,
            "certified");
}

TEST(CompetencyValidationTest, TheDerivedOutcomeFollowsTheValidatedCompetencies) {
  const auto blocs = threeBlocs();
  // All validated: the CQPM.
  auto all = deriveOutcome(blocs, validateCompetencies(blocs, commission(), {}, {}), true);
  EXPECT_EQ(all.outcome, "certified");
  EXPECT_EQ(all.bloc_indexes, (std::vector<int>{1, 2, 3}));
  // One missing: the two complete blocs.
  auto some = deriveOutcome(blocs, validateCompetencies(blocs, commission("not_acquired"), {}, {}), true);
  EXPECT_EQ(some.outcome, "blocs_awarded");
  EXPECT_EQ(some.bloc_indexes, (std::vector<int>{1, 2}));
  // The same when blocs may not be awarded (not at the RNCP): nothing.
  auto none = deriveOutcome(blocs, validateCompetencies(blocs, commission("not_acquired"), {}, {}), false);
  EXPECT_EQ(none.outcome, "not_certified");
  EXPECT_TRUE(none.bloc_indexes.empty());
  // A carried-over bloc counts as validated but is not awarded again.
  std::map<std::string, std::string> partial{{"3", "acquired"}, {"4", "acquired"}, {"5", "acquired"}};
  auto carried = deriveOutcome(blocs, validateCompetencies(blocs, partial, {1}, {}), true);
  EXPECT_EQ(carried.outcome, "blocs_awarded");
  EXPECT_EQ(carried.bloc_indexes, (std::vector<int>{2}));
  std::map<std::string, std::string> rest{
      {"3", "acquired"}, {"4", "acquired"}, {"5", "acquired"}, {"6", "acquired"}};
  EXPECT_EQ(deriveOutcome(blocs, validateCompetencies(blocs, rest, {1}, {}), true).outcome, "certified");
}

TEST(CompetencyValidationTest, DepartingFromTheCommissionNeedsAReasonForThatCompetency) {
  const auto blocs = threeBlocs();
  const auto refused = errorOf([&] {
    validateCompetencies(blocs, commission("not_acquired"), {}, {{"5", true, "  "}});
  });
  EXPECT_EQ(refused.code(), ErrorCode::kUnprocessable);
  EXPECT_EQ(refused.field(), "competencies[0].reason");
  EXPECT_EQ(refused.details()->getValue<std::string>("competency"), "5");
  const auto validated = validateCompetencies(blocs, commission("not_acquired"), {},
                                              {{"5", true, "Preuve complémentaire vue en séance"}});
  EXPECT_TRUE(validated[4].validated);
  EXPECT_EQ(validated[4].reason, "Preuve complémentaire vue en séance");
  EXPECT_EQ(deriveOutcome(blocs, validated, true).outcome, "certified");
  // Following the commission needs no reason; not validating an acquired competency does.
  EXPECT_NO_THROW(validateCompetencies(blocs, commission(), {}, {{"1", true, ""}}));
  EXPECT_EQ(errorOf([&] {
              validateCompetencies(blocs, commission(), {}, {{"1", false, ""}});
            }).field(),
            "competencies[0].reason");
}

TEST(CompetencyValidationTest, BadVerdictsNameTheirPlace) {
  const auto blocs = threeBlocs();
  EXPECT_EQ(errorOf([&] {
              validateCompetencies(blocs, commission(), {}, {{"9", true, ""}});
            }).field(),
            "competencies[0].number");
  EXPECT_EQ(errorOf([&] {
              validateCompetencies(blocs, commission(), {}, {{"1", true, ""}, {"1", true, ""}});
            }).field(),
            "competencies[1].number");
  EXPECT_EQ(errorOf([&] {
              validateCompetencies(blocs, commission(), {1}, {{"2", true, ""}});
            }).field(),
            "competencies[0].number");
}

TEST(CompetencyValidationTest, NoOutcomeContradictsTheValidatedCompetencies) {
  const auto blocs = threeBlocs();
  const auto validated = validateCompetencies(blocs, commission("not_acquired"), {}, {});
  const auto derived = deriveOutcome(blocs, validated, true);
  const auto certified =
      errorOf([&] { requireSupportedOutcome("certified", std::nullopt, derived, blocs, validated); });
  EXPECT_EQ(certified.code(), ErrorCode::kUnprocessable);
  EXPECT_EQ(certified.field(), "outcome");
  EXPECT_EQ(certified.details()->getValue<std::string>("competency"), "5");
  EXPECT_NE(std::string(certified.what()).find("competency 5"), std::string::npos);
  const auto third = errorOf([&] {
    requireSupportedOutcome("blocs_awarded", std::vector<int>{1, 3}, derived, blocs, validated);
  });
  EXPECT_EQ(third.field(), "blocs");
  EXPECT_EQ(third.details()->getValue<std::string>("competency"), "5");
  // Fewer blocs than validated, or a refusal, contradicts them too.
  EXPECT_EQ(errorOf([&] {
              requireSupportedOutcome("blocs_awarded", std::vector<int>{1}, derived, blocs, validated);
            }).field(),
            "blocs");
  EXPECT_EQ(errorOf([&] {
              requireSupportedOutcome("not_certified", std::nullopt, derived, blocs, validated);
            }).field(),
            "outcome");
  EXPECT_NO_THROW(
      requireSupportedOutcome("blocs_awarded", std::vector<int>{2, 1}, derived, blocs, validated));
  EXPECT_NO_THROW(requireSupportedOutcome(std::nullopt, std::nullopt, derived, blocs, validated));
  // Blocs of a CQPM not at the RNCP: the refusal says why.
  const auto unregistered = deriveOutcome(blocs, validated, false);
  const auto rncp = errorOf(
      [&] { requireSupportedOutcome("blocs_awarded", std::vector<int>{1}, unregistered, blocs, validated); });
  EXPECT_NE(std::string(rncp.what()).find("RNCP"), std::string::npos);
}

}  // namespace
}  // namespace cqpm::juries
