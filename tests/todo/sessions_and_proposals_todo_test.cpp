// Jury members' sessions, the GTP's proposals and the candidate's next step.

#include <Poco/JSON/Parser.h>

#include "certificates/french_dates.h"
#include "common/json_text.h"
#include "deadlines/paris_time.h"
#include "todo/todo_fixture.h"

namespace cqpm::testing {
namespace {

class SessionsTodoTest : public TodoServiceTest {
 protected:
  static std::string today() { return deadlines::parisDateOf(Poco::Timestamp()); }
};

TEST_P(SessionsTodoTest, AnInvitedJuryMemberSeesTheirNextSession) {
  const std::string day = deadlines::addDays(today(), 30);
  const auto session = server().jurySessions().create(actor("centre"), {day, "09:30", "Lyon"});
  EXPECT_FALSE(findKind(todoOf("jury-employeur"), "attend_jury_session").has_value());  // not invited yet

  server().jurySessions().addMember(actor("centre"), session.session.id,
                                    {actor("jury-employeur").user_id, {}});
  const auto next = findKind(todoOf("jury-employeur"), "attend_jury_session");
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->session_id, session.session.id);
  EXPECT_FALSE(next->file_id.has_value());
  EXPECT_EQ(next->due, day);
  EXPECT_EQ(next->label, "Siéger au jury du " + certificates::frenchLongDate(day) + " à 9 h 30 (Lyon)");
  EXPECT_FALSE(findKind(todoOf("jury-salarie"), "attend_jury_session").has_value());
}

TEST_P(SessionsTodoTest, TheCoordinatorOpensTheDeliberationOnTheSessionsDay) {
  server().jurySessions().create(actor("centre"), {deadlines::addDays(today(), 5), "10:00", "Lyon"});
  const auto now = server().jurySessions().create(actor("centre"), {today(), "10:00", "Lyon"});
  const auto list = todoOf("centre");
  std::vector<std::string> to_open;
  for (const auto& item : list.items) {
    if (item.kind == "open_jury_session") to_open.push_back(item.session_id.value_or(""));
  }
  EXPECT_EQ(to_open, std::vector<std::string>{now.session.id});
  EXPECT_TRUE(todoOf("centre2").by_kind.count("open_jury_session") == 0);
}

TEST_P(SessionsTodoTest, AProposalWaitsOnTheOtherCollegeThenOnPublication) {
  auto& referentials = server().referentials();
  const std::string cqpm = "fabrication-additive";
  // A copy of the version in force, with the second bloc's missing code filled.
  const auto in_force = referentials.referentialAt(cqpm, referentials.current(cqpm).commit_id);
  Poco::JSON::Object::Ptr changed =
      Poco::JSON::Parser().parse(toJsonText(in_force)).extract<Poco::JSON::Object::Ptr>();
  changed->getArray("blocs")->getObject(1)->set("code", "BDC0199");
  const auto proposal =
      referentials.propose(actor("gtp-employeur"), cqpm, changed, "Code attribué par le GTP.");
  const std::int64_t id = proposal.proposal.id;

  EXPECT_FALSE(findKind(todoOf("gtp-employeur"), "approve_proposal").has_value());  // their college approved
  const auto review = findKind(todoOf("gtp-salarie"), "approve_proposal");
  ASSERT_TRUE(review.has_value());
  EXPECT_EQ(review->proposal_id, id);
  EXPECT_EQ(review->label, "Examiner la proposition n° " + std::to_string(id) + " de modification du CQPM " +
                               server().plugins().titleOf(cqpm));

  referentials.approve(actor("gtp-salarie"), id);
  EXPECT_FALSE(findKind(todoOf("gtp-salarie"), "approve_proposal").has_value());
  EXPECT_TRUE(findKind(todoOf("gtp-employeur"), "publish_proposal").has_value());
  referentials.publish(actor("gtp-employeur"), id);
  EXPECT_EQ(todoOf("gtp-salarie").total, 0);
}

TEST_P(SessionsTodoTest, TheCandidateSeesTheirNextStepAndDeadline) {
  const auto report = find(todoOf("candidat"), "upload_report", demoFile("Lucas Martin"));
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->label,
            "Déposer votre rapport pour le CQPM " + server().plugins().titleOf("maintenance-industrielle"));
  EXPECT_TRUE(report->due.has_value());
  EXPECT_FALSE(report->overdue);

  const auto vae = todoOf("candidat-vae");
  const auto next = find(vae, "next_step", demoFile("Camille Rousseau"));
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->label,
            "CQPM " + server().plugins().titleOf("qualite") + ", prochaine étape : ouvrir la délibération");
  EXPECT_FALSE(mentions(vae, demoFile("Lucas Martin")));
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionsTodoTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
