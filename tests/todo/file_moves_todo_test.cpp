// A file through the evaluation, the company opinion and on to the jury: each
// step takes the item off one role's list and puts the next one on another's.

#include "deadlines/paris_time.h"
#include "demo/demo_evaluation.h"
#include "demo/demo_opinion.h"
#include "todo/todo_fixture.h"
#include "workflow/workflow_contract.h"

namespace cqpm::testing {
namespace {

namespace tr = workflow::transitions;

class FileMovesTodoTest : public TodoServiceTest {};

TEST_P(FileMovesTodoTest, EvaluatorsSeeTheCompetenciesLeftToSignOnTheirCommissionsOnly) {
  const std::string file = demoFile("Léa Mercier");  // under evaluation, nothing signed yet
  const auto mine = find(todoOf("evaluateur1"), "evaluate_competencies", file);
  ASSERT_TRUE(mine.has_value());
  EXPECT_EQ(mine->label.rfind("Évaluer les compétences de Léa Mercier : ", 0), 0u) << mine->label;
  EXPECT_NE(mine->label.find(" à remplir ou signer"), std::string::npos) << mine->label;
  EXPECT_FALSE(mentions(todoOf("evaluateur1"), demoFile("Antoine Lambert")));  // another centre's file
  EXPECT_FALSE(mentions(todoOf("centre"), file));                              // the commission is at work
}

TEST_P(FileMovesTodoTest, TheFileGoesFromEvaluatorsToCentreToCompanyToJury) {
  const std::string file = demoFile("Léa Mercier");
  // The commission records and signs every competency (two evaluators each).
  demo::prepareEvaluationStep(server().commissions(), server().evaluations(), actor("centre"),
                              {actor("evaluateur1"), actor("evaluateur2")}, file, tr::kRequestCompanyOpinion);
  EXPECT_FALSE(find(todoOf("evaluateur1"), "evaluate_competencies", file).has_value());
  const auto request = find(todoOf("centre"), "request_company_opinion", file);
  ASSERT_TRUE(request.has_value());
  EXPECT_EQ(request->label, "Demander l’avis de l’entreprise sur Léa Mercier");
  EXPECT_FALSE(mentions(todoOf("entreprise"), file));

  fire("centre", file, tr::kRequestCompanyOpinion);
  EXPECT_FALSE(mentions(todoOf("centre"), file));
  const auto give = find(todoOf("entreprise"), "give_opinion", file);
  ASSERT_TRUE(give.has_value());
  EXPECT_EQ(give->label, "Donner l’avis de l’entreprise sur Léa Mercier");

  // Signed, the opinion must still be sent on: both who may do it are told.
  demo::signSampleOpinion(server().opinions(), actor("entreprise"), file);
  EXPECT_FALSE(find(todoOf("entreprise"), "give_opinion", file).has_value());
  EXPECT_TRUE(find(todoOf("entreprise"), "send_opinion_to_jury", file).has_value());
  EXPECT_TRUE(find(todoOf("centre"), "send_opinion_to_jury", file).has_value());

  fire("entreprise", file, tr::kGiveCompanyOpinion);
  EXPECT_FALSE(mentions(todoOf("entreprise"), file));
  EXPECT_TRUE(find(todoOf("centre"), "add_to_jury_session", file).has_value());
}

TEST_P(FileMovesTodoTest, TheCompanysReportIsDueOnItsDeadline) {
  const std::string file = demoFile("Lucas Martin");  // modalities agreed, report due in three weeks
  const auto report = find(todoOf("entreprise"), "upload_report", file);
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->label, "Déposer le rapport de Lucas Martin");
  ASSERT_TRUE(report->due.has_value());
  EXPECT_FALSE(report->overdue);
  const auto opinion = find(todoOf("entreprise"), "give_opinion", demoFile("Nicolas Faure"));
  EXPECT_TRUE(opinion.has_value());
}

TEST_P(FileMovesTodoTest, APassedReportDeadlineMakesTheCompanysAndTheCandidatesItemsOverdue) {
  const std::string file = demoFile("Lucas Martin");
  const std::string past = deadlines::addDays(deadlines::parisDateOf(Poco::Timestamp()), -1);
  server().deadlines().setReportDeadline(actor("centre"), file, past);
  for (const char* login : {"entreprise", "candidat"}) {
    const auto list = todoOf(login);
    const auto report = find(list, "upload_report", file);
    ASSERT_TRUE(report.has_value()) << login;
    EXPECT_TRUE(report->overdue) << login;
    EXPECT_EQ(report->due, past) << login;
    EXPECT_GE(list.overdue_count, 1) << login;
    EXPECT_TRUE(list.items.front().overdue) << login;  // the most urgent first
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, FileMovesTodoTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
