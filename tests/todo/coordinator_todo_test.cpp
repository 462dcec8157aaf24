// The centre coordinator's « À faire »: the centre's files waiting on them, in
// their centre only, moving on as the files move.

#include "deadlines/paris_time.h"
#include "todo/todo_fixture.h"
#include "workflow/workflow_contract.h"

namespace cqpm::testing {
namespace {

namespace tr = workflow::transitions;

class CoordinatorTodoTest : public TodoServiceTest {};

TEST_P(CoordinatorTodoTest, CoordinatorSeesTheCentresFilesWaitingOnThem) {
  const auto list = todoOf("centre");
  const auto draft = find(list, "register_file", demoFile("Emma Lefèvre"));
  ASSERT_TRUE(draft.has_value());
  EXPECT_EQ(draft->label, "Inscrire Emma Lefèvre");
  EXPECT_FALSE(draft->due.has_value());
  EXPECT_FALSE(draft->overdue);
  const auto ready = find(list, "add_to_jury_session", demoFile("Camille Rousseau"));
  ASSERT_TRUE(ready.has_value());
  EXPECT_EQ(ready->label, "Inscrire le dossier de Camille Rousseau à une session de jury");
  EXPECT_FALSE(mentions(list, demoFile("Nicolas Faure")));    // waits on the company's opinion
  EXPECT_FALSE(mentions(list, demoFile("Thomas Blanc")));     // certified
  EXPECT_FALSE(mentions(list, demoFile("Manon Chevalier")));  // withdrawn
}

TEST_P(CoordinatorTodoTest, AnotherCentresCoordinatorSeesNoneOfIt) {
  const auto first = todoOf("centre");
  const auto second = todoOf("centre2");
  for (const char* name : {"Emma Lefèvre", "Camille Rousseau", "Hugo Bonnet", "Léa Mercier"}) {
    EXPECT_FALSE(mentions(second, demoFile(name))) << name;
  }
  for (const char* name : {"Julie Marchand", "Antoine Lambert", "Chloé Dupuis"}) {
    EXPECT_FALSE(mentions(first, demoFile(name))) << name;
  }
  EXPECT_TRUE(find(second, "register_file", demoFile("Julie Marchand")).has_value());
  const auto agree = find(second, "agree_modalities", demoFile("Antoine Lambert"));
  ASSERT_TRUE(agree.has_value());
  EXPECT_EQ(agree->label, "Valider les modalités d’évaluation de Antoine Lambert");
}

TEST_P(CoordinatorTodoTest, AVaeApplicationIsExaminedBeforeItsModalitiesAreAgreed) {
  const std::string file = demoFile("Hugo Bonnet");  // VAE, registered, no admissibility decision yet
  const auto list = todoOf("centre");
  const auto examine = find(list, "decide_admissibility", file);
  ASSERT_TRUE(examine.has_value());
  EXPECT_EQ(examine->label, "Examiner la recevabilité de la demande de VAE de Hugo Bonnet");
  EXPECT_FALSE(find(list, "agree_modalities", file).has_value());
  // Its report deadline passed three days ago: late, whatever the state.
  const auto late = find(list, "report_overdue", file);
  ASSERT_TRUE(late.has_value());
  EXPECT_TRUE(late->overdue);
}

TEST_P(CoordinatorTodoTest, RegisteringAFileReplacesItsItemByTheNextOne) {
  const std::string file = demoFile("Emma Lefèvre");
  fire("centre", file, tr::kRegister);
  const auto list = todoOf("centre");
  EXPECT_FALSE(find(list, "register_file", file).has_value());
  EXPECT_TRUE(find(list, "agree_modalities", file).has_value());
}

TEST_P(CoordinatorTodoTest, OverdueReportsAreCountedAndFilterable) {
  const std::string file = demoFile("Lucas Martin");
  const auto before = todoOf("centre");
  EXPECT_FALSE(find(before, "report_overdue", file).has_value());  // due in three weeks

  const std::string past = deadlines::addDays(deadlines::parisDateOf(Poco::Timestamp()), -2);
  server().deadlines().setReportDeadline(actor("centre"), file, past);
  const auto after = todoOf("centre");
  const auto late = find(after, "report_overdue", file);
  ASSERT_TRUE(late.has_value());
  EXPECT_TRUE(late->overdue);
  EXPECT_EQ(late->due, past);
  EXPECT_EQ(late->label, "Relancer Lucas Martin : rapport non déposé à l’échéance");
  EXPECT_EQ(after.overdue_count, before.overdue_count + 1);
  EXPECT_EQ(after.by_kind.at("report_overdue"),
            before.by_kind.count("report_overdue") ? before.by_kind.at("report_overdue") + 1 : 1);
  EXPECT_TRUE(after.items.front().overdue);  // the most urgent first

  todo::TodoQuery overdue_only;
  overdue_only.overdue_only = true;
  const auto filtered = todoOf("centre", overdue_only);
  ASSERT_FALSE(filtered.items.empty());
  for (const auto& item : filtered.items) EXPECT_TRUE(item.overdue) << item.label;
  EXPECT_EQ(static_cast<std::int64_t>(filtered.items.size()), filtered.overdue_count);
  EXPECT_EQ(filtered.total, after.total);  // the summary still counts everything
}

TEST_P(CoordinatorTodoTest, ALimitKeepsTheCountsAndRefusesOutOfRange) {
  todo::TodoQuery one;
  one.limit = 1;
  const auto list = todoOf("centre", one);
  EXPECT_EQ(list.items.size(), 1u);
  EXPECT_GT(list.total, 1);
  todo::TodoQuery none;
  none.limit = 0;
  EXPECT_EQ(outcomeOf([&] { todoOf("centre", none); }), "invalid_field limit");
}

TEST_P(CoordinatorTodoTest, AdministratorsHaveNothingToDoHere) {
  const auto list = todoOf("admin");
  EXPECT_TRUE(list.items.empty());
  EXPECT_EQ(list.total, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, CoordinatorTodoTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
