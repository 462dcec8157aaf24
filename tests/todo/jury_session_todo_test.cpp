// A jury session from its convening to the publication of its results: the
// centre, its members and its president each see their part, in turn.

#include "deadlines/paris_time.h"
#include "juries/decision_service.h"
#include "todo/todo_fixture.h"

namespace cqpm::testing {
namespace {

class JurySessionTodoTest : public TodoServiceTest {
 protected:
  /// True when `login`'s list has an item of `kind` about `session`.
  bool hasSessionItem(const std::string& login, const std::string& kind, const std::string& session) {
    return findIf(todoOf(login),
                  [&](const todo::TodoItem& item) { return item.kind == kind && item.session_id == session; })
        .has_value();
  }
};

TEST_P(JurySessionTodoTest, EachStepOfTheSessionIsOnTheListOfWhoseTurnItIs) {
  const std::string file = demoFile("Camille Rousseau");  // VAE, ready for the jury
  auto& sessions = server().jurySessions();
  const auto centre = actor("centre");
  const auto employer = actor("jury-employeur");
  const auto employee = actor("jury-salarie");
  ASSERT_TRUE(find(todoOf("centre"), "add_to_jury_session", file).has_value());

  const std::string today = deadlines::parisDateOf(Poco::Timestamp());
  const std::string id = sessions.create(centre, {today, "09:30", "Lyon"}).session.id;
  for (const auto* member : {&employer, &employee}) {
    sessions.addMember(centre, id, {member->user_id, std::nullopt});
    sessions.setAttendance(centre, id, member->user_id, true);
  }
  sessions.addFile(centre, id, file);
  EXPECT_FALSE(find(todoOf("centre"), "add_to_jury_session", file).has_value());
  EXPECT_TRUE(hasSessionItem("centre", "open_jury_session", id));  // its day has come
  EXPECT_TRUE(hasSessionItem("jury-salarie", "attend_jury_session", id));

  sessions.open(centre, id);
  EXPECT_FALSE(hasSessionItem("centre", "open_jury_session", id));
  EXPECT_TRUE(hasSessionItem("jury-employeur", "attend_jury_session", id));

  juries::DecisionRequest decision;
  decision.outcome = "certified";
  if (server().juryDecisions().proposal(employer, id, file).proposal.outcome != "certified")
    decision.reason = "Toutes les compétences sont acquises.";
  server().juryDecisions().decide(employer, id, file, decision);
  auto& closing = server().juryClosing();
  closing.designatePresident(centre, id, employer.user_id);
  EXPECT_TRUE(hasSessionItem("jury-employeur", "close_jury_session", id));
  EXPECT_FALSE(hasSessionItem("jury-salarie", "close_jury_session", id));  // not the president

  closing.close(employer, id);
  EXPECT_FALSE(hasSessionItem("jury-employeur", "close_jury_session", id));
  EXPECT_TRUE(hasSessionItem("jury-employeur", "sign_minutes", id));
  EXPECT_TRUE(hasSessionItem("jury-salarie", "sign_minutes", id));
  EXPECT_FALSE(hasSessionItem("centre", "publish_results", id));  // not signed yet

  closing.sign(employer, id);
  closing.sign(employee, id);
  EXPECT_FALSE(hasSessionItem("jury-salarie", "sign_minutes", id));
  const auto publish = findIf(todoOf("centre"), [&](const todo::TodoItem& item) {
    return item.kind == "publish_results" && item.session_id == id;
  });
  ASSERT_TRUE(publish.has_value());
  EXPECT_EQ(publish->label.rfind("Publier les résultats du jury du ", 0), 0u) << publish->label;

  closing.publish(centre, id);
  EXPECT_FALSE(hasSessionItem("centre", "publish_results", id));
  EXPECT_FALSE(hasSessionItem("jury-employeur", "attend_jury_session", id));
  EXPECT_FALSE(mentions(todoOf("candidat-vae"), file));  // certified: nothing left to do
}

INSTANTIATE_TEST_SUITE_P(Backends, JurySessionTodoTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
