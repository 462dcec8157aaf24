// Who reads which figures: a coordinator their centre's only, the platform
// administrator and GTP auditors every centre's, nobody else any.

#include "common/error.h"
#include "statistics_fixture.h"
#include "support/demo_services.h"

namespace cqpm::testing {
namespace {

using StatisticsAccessTest = StatisticsServiceTest;
using domain::OrganisationKind;
using domain::Role;

TEST_P(StatisticsAccessTest, OtherRolesAreRefused) {
  const std::vector<std::pair<Role, OrganisationKind>> others{
      {Role::kCompanyTutor, OrganisationKind::kCompany},
      {Role::kEvaluator, OrganisationKind::kCentre},
      {Role::kJuryMember, OrganisationKind::kCentre},
      {Role::kCandidate, OrganisationKind::kCentre},
      {Role::kGtpAdmin, OrganisationKind::kGtp}};
  for (const auto& other : others) {
    const domain::Actor who = actorOf(other.first, kCentreA, other.second);
    EXPECT_EQ(outcomeOf([&] { compute(who); }), "forbidden ") << domain::roleName(other.first);
  }
}

TEST_P(StatisticsAccessTest, ACoordinatorSeesTheirCentreOnly) {
  const auto figures = compute(coordinatorOfA());
  EXPECT_EQ(*figures.centre, kCentreA);
  ASSERT_EQ(figures.centres.size(), 1u);
  EXPECT_EQ(figures.centres[0].id, kCentreA);
  EXPECT_EQ(outcomeOf([&] { compute(coordinatorOfA(), std::string(kCentreB)); }), "forbidden centre");
  EXPECT_EQ(compute(coordinatorOfA(), std::string(kCentreA)).files_by_state.size(),
            figures.files_by_state.size());
}

TEST_P(StatisticsAccessTest, TheGtpAndTheAdministratorSeeEveryCentreOrChooseOne) {
  const auto gtp = actorOf(Role::kGtpAuditor, "gtp", OrganisationKind::kGtp);
  EXPECT_EQ(compute(gtp).centres.size(), 2u);
  EXPECT_EQ(*compute(gtp, std::string(kCentreB)).centre, kCentreB);
  EXPECT_EQ(outcomeOf([&] { compute(admin(), std::string("no-such-centre")); }), "unprocessable centre");
}

TEST_P(StatisticsAccessTest, ABadPeriodNamesItsField) {
  EXPECT_EQ(outcomeOf([&] { compute(admin(), std::nullopt, "2026-02-30", "2026-06-30"); }),
            "unprocessable from");
  EXPECT_EQ(outcomeOf([&] { compute(admin(), std::nullopt, "2026-01-01", "30/06/2026"); }),
            "unprocessable to");
  EXPECT_EQ(outcomeOf([&] { compute(admin(), std::nullopt, "2026-07-01", "2026-06-30"); }),
            "unprocessable from");
}

INSTANTIATE_TEST_SUITE_P(Backends, StatisticsAccessTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
