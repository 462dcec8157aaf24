// The figures of the seed in statistics_fixture.h, worked out by hand from its
// table, on both databases.

#include <algorithm>

#include "statistics_fixture.h"

namespace cqpm::testing {
namespace {

using StatisticsFiguresTest = StatisticsServiceTest;

constexpr double kHour = 1.0 / 24;

template <typename Record, typename Match>
const Record* findRow(const std::vector<Record>& rows, Match&& match) {
  const auto found = std::find_if(rows.begin(), rows.end(), match);
  return found == rows.end() ? nullptr : &*found;
}

TEST_P(StatisticsFiguresTest, CountsTheFilesOpenedInThePeriodByMonthAndState) {
  const auto figures = compute(coordinatorOfA());
  // A4 opened before the period, A7 after its last Paris day, B1 in another centre.
  std::vector<std::tuple<std::string, std::string, std::int64_t>> by_state;
  for (const auto& row : figures.files_by_state) by_state.emplace_back(row.month, row.state, row.files);
  const decltype(by_state) expected{{"2026-01", "certified", 1},
                                    {"2026-02", "blocs_awarded", 1},
                                    {"2026-02", "not_certified", 1},
                                    {"2026-03", "registered", 1},
                                    {"2026-06", "draft", 1}};
  EXPECT_EQ(by_state, expected);
  EXPECT_EQ(figures.files_by_state.front().state_label, "Certifié");
}

TEST_P(StatisticsFiguresTest, CountsTheFilesOpenedInThePeriodByMonthAndCqpm) {
  const auto figures = compute(coordinatorOfA());
  std::vector<std::tuple<std::string, std::string, std::int64_t>> by_cqpm;
  for (const auto& row : figures.files_by_cqpm) by_cqpm.emplace_back(row.month, row.cqpm, row.files);
  const decltype(by_cqpm) expected{{"2026-01", "qualite", 1},
                                   {"2026-02", "qualite", 2},  // A2 and A3
                                   {"2026-03", "fabrication-additive", 1},
                                   {"2026-06", "fabrication-additive", 1}};
  EXPECT_EQ(by_cqpm, expected);
  EXPECT_EQ(figures.files_by_cqpm.front().cqpm_title, "Technicien de la qualité");
}

TEST_P(StatisticsFiguresTest, RatesSuccessByCqpmAndPathwayFromTheJuryOutcomesOfThePeriod) {
  const auto figures = compute(coordinatorOfA());
  ASSERT_EQ(figures.success_rates.size(), 3u);
  const auto* additive = findRow(figures.success_rates, [](const auto& r) {
    return r.cqpm == "fabrication-additive" && r.pathway == "employee";
  });
  ASSERT_NE(additive, nullptr);  // A4: opened in 2025, certified in January
  EXPECT_EQ(additive->decided, 1);
  EXPECT_DOUBLE_EQ(additive->success_rate, 1.0);
  const auto* quality = findRow(figures.success_rates,
                                [](const auto& r) { return r.cqpm == "qualite" && r.pathway == "employee"; });
  ASSERT_NE(quality, nullptr);  // A1 certified, A2 not
  EXPECT_EQ(quality->decided, 2);
  EXPECT_EQ(quality->certified, 1);
  EXPECT_EQ(quality->not_certified, 1);
  EXPECT_DOUBLE_EQ(quality->success_rate, 1.0 / 2);
  const auto* vae =
      findRow(figures.success_rates, [](const auto& r) { return r.cqpm == "qualite" && r.pathway == "vae"; });
  ASSERT_NE(vae, nullptr);  // A3: blocs only, once although corrected after
  EXPECT_EQ(vae->decided, 1);
  EXPECT_EQ(vae->blocs_awarded, 1);
  EXPECT_DOUBLE_EQ(vae->success_rate, 0.0);
  EXPECT_EQ(vae->pathway_label, "Validation des acquis de l'expérience (VAE)");
}

TEST_P(StatisticsFiguresTest, TakesTheMedianStayOfEachStageLeftInThePeriod) {
  const auto figures = compute(coordinatorOfA());
  std::vector<std::string> stages;
  for (const auto& row : figures.stage_durations) stages.push_back(row.stage);
  // In the workflow's order.
  EXPECT_EQ(stages,
            (std::vector<std::string>{"draft", "registered", "modalities_agreed", "in_deliberation"}));
  const auto stage = [&](const std::string& id) {
    return *findRow(figures.stage_durations, [&](const auto& r) { return r.stage == id; });
  };
  // draft: A1 2 days, A2 6, A3 1, A5 3 (A4 left it in 2025): the mean of 2 and 3.
  EXPECT_EQ(stage("draft").files, 4);
  EXPECT_DOUBLE_EQ(stage("draft").median_days, (2.0 + 3.0) / 2);
  // registered: A1 4 days (the plan saved on the way does not end the stay), A2 18, A3 28, A4 10.
  EXPECT_EQ(stage("registered").files, 4);
  EXPECT_DOUBLE_EQ(stage("registered").median_days, (10.0 + 18.0) / 2);
  EXPECT_EQ(stage("modalities_agreed").files, 1);
  EXPECT_DOUBLE_EQ(stage("modalities_agreed").median_days, 30.0);
  // in_deliberation: A1 14 days, A2 10 and 12 hours, A3 11, A4 11.
  EXPECT_EQ(stage("in_deliberation").files, 4);
  EXPECT_DOUBLE_EQ(stage("in_deliberation").median_days, 11.0);
  EXPECT_EQ(stage("draft").stage_label, "Brouillon");
}

TEST_P(StatisticsFiguresTest, AnOddNumberOfStaysHasItsMiddleOneAsMedian) {
  const auto figures = compute(admin());
  const auto* draft = findRow(figures.stage_durations, [](const auto& r) { return r.stage == "draft"; });
  ASSERT_NE(draft, nullptr);
  // Centre A's 1, 2, 3, 6 days and B1's 2.
  EXPECT_EQ(draft->files, 5);
  EXPECT_DOUBLE_EQ(draft->median_days, 2.0);
  const auto* deliberation =
      findRow(figures.stage_durations, [](const auto& r) { return r.stage == "in_deliberation"; });
  ASSERT_NE(deliberation, nullptr);  // 10.5, 10 (B1), 11, 11, 14
  EXPECT_DOUBLE_EQ(deliberation->median_days, 11.0);
  const auto in_a = compute(coordinatorOfA(), std::nullopt, "2026-03-11", "2026-03-11");
  ASSERT_EQ(in_a.stage_durations.size(), 1u);  // A2's 10 days and 12 hours, to the second
  EXPECT_DOUBLE_EQ(in_a.stage_durations[0].median_days, 10 + 12 * kHour);
}

TEST_P(StatisticsFiguresTest, CountsTheReportsDueInThePeriodAndStillMissing) {
  const auto in_a = compute(coordinatorOfA());
  ASSERT_EQ(in_a.overdue.size(), 1u);  // A5; A6's deadline is after the period
  EXPECT_EQ(in_a.overdue[0].cqpm, "fabrication-additive");
  EXPECT_EQ(in_a.overdue[0].files, 1);
  const auto all = compute(admin());
  ASSERT_EQ(all.overdue.size(), 2u);
  EXPECT_EQ(all.overdue[1].cqpm, "qualite");  // B1
  EXPECT_EQ(all.overdue[1].files, 1);
}

TEST_P(StatisticsFiguresTest, CountsTheJurySessionsHeldAndTheirDecisions) {
  const auto in_a = compute(coordinatorOfA());
  ASSERT_EQ(in_a.juries.size(), 1u);  // S3 never opened, S4 after the period
  EXPECT_EQ(in_a.juries[0].month, "2026-03");
  EXPECT_EQ(in_a.juries[0].sessions, 2);       // S1, S2
  EXPECT_EQ(in_a.juries[0].files_decided, 3);  // D1, D2, D4: D3 was revoked
  const auto all = compute(admin());
  ASSERT_EQ(all.juries.size(), 2u);
  EXPECT_EQ(all.juries[0].month, "2026-02");  // S5 in centre B
  EXPECT_EQ(all.juries[0].sessions, 1);
  EXPECT_EQ(all.juries[0].files_decided, 1);
}

TEST_P(StatisticsFiguresTest, CountsAFileInTheMonthItWasOpenedInParis) {
  openDraftOfA("W1", "2026-02-28T23:30");  // 1 March 00:30 in Paris (UTC+1)
  openDraftOfA("W2", "2026-02-28T22:30");  // still 28 February in Paris
  openDraftOfA("S1", "2026-04-30T22:30");  // 1 May 00:30 in Paris (UTC+2, summer time)
  openDraftOfA("S2", "2026-04-30T21:30");  // still 30 April in Paris
  const auto figures = compute(coordinatorOfA());
  std::vector<std::tuple<std::string, std::string, std::int64_t>> drafts;
  for (const auto& row : figures.files_by_state)
    if (row.state == "draft") drafts.emplace_back(row.month, row.state, row.files);
  const decltype(drafts) expected{{"2026-02", "draft", 1},
                                  {"2026-03", "draft", 1},
                                  {"2026-04", "draft", 1},
                                  {"2026-05", "draft", 1},
                                  {"2026-06", "draft", 1}};  // A6
  EXPECT_EQ(drafts, expected);
}

TEST_P(StatisticsFiguresTest, EveryCentreAddsUpTheCentresAndOneCentreIsFiltered) {
  const auto all = compute(admin());
  const auto* quality = findRow(all.success_rates,
                                [](const auto& r) { return r.cqpm == "qualite" && r.pathway == "employee"; });
  ASSERT_NE(quality, nullptr);  // A1, B1 certified; A2 not
  EXPECT_EQ(quality->decided, 3);
  EXPECT_DOUBLE_EQ(quality->success_rate, 2.0 / 3);
  EXPECT_EQ(all.files_by_state.front().files, 2);  // January: A1 and B1, both certified
  EXPECT_FALSE(all.centre.has_value());
  EXPECT_EQ(all.centres.size(), 2u);

  const auto only_b = compute(admin(), std::string(kCentreB));
  ASSERT_EQ(only_b.success_rates.size(), 1u);
  EXPECT_EQ(only_b.success_rates[0].decided, 1);
  ASSERT_EQ(only_b.files_by_state.size(), 1u);
  EXPECT_EQ(*only_b.centre, kCentreB);
}

INSTANTIATE_TEST_SUITE_P(Backends, StatisticsFiguresTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
