#include "notifications/notification_inbox.h"
#include "notifications/notify_fixture.h"
#include "support/smtp_sink.h"

// Notifications for every role (issue 15): an evaluator added to a commission,
// a company whose opinion is requested, the GTP college a proposal awaits,
// every centre when a referential version is published. Each is told once,
// and nobody else is.

namespace cqpm::testing {
namespace {

class RoleNotificationsTest : public NotifyTest {
 protected:
  HttpAnswer putCommission(const std::string& centre, const std::string& file,
                           const std::vector<std::string>& evaluators) const {
    std::string ids;
    for (const auto& id : evaluators) ids += (ids.empty() ? "\"" : ",\"") + id + "\"";
    return client().request("PUT", "/api/v1/files/" + file + "/commission", R"({"evaluators":[)" + ids + "]}",
                            {{"Authorization", "Bearer " + centre}, {"Content-Type", "application/json"}});
  }

  std::string userId(const std::string& token) const {
    return client().get("/api/v1/me", token).json()->getValue<std::string>("id");
  }

  /// fabrication-additive's missing bloc code proposed by gtp-employeur; the proposal's id.
  std::string propose() const {
    const std::string employer = client().login("gtp-employeur");
    const auto current = client().get("/api/v1/cqpms/fabrication-additive", employer).json();
    const auto referential = current->getObject("referential");
    referential->getArray("blocs")->getObject(1)->set("code", "BDC0199");
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("referential", referential);
    body->set("reason", "Code du bloc 2 publié par France compétences.");
    const auto answer =
        client().postJson("/api/v1/cqpms/fabrication-additive/proposals", toJsonText(body), employer);
    EXPECT_EQ(answer.status, 201) << answer.body;
    return answer.status == 201 ? std::to_string(answer.json()->getValue<std::int64_t>("id")) : "none";
  }
};

TEST_P(RoleNotificationsTest, AnEvaluatorAddedToACommissionIsToldOnce) {
  const std::string centre = client().login("centre");
  const std::string first = client().login("evaluateur1"), second = client().login("evaluateur2");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(putCommission(centre, file, {userId(first)}).status, 200);
  app().notifier().runOnce();
  app().notifier().runOnce();
  EXPECT_EQ(countNotifications(first, file, "commission_member"), 1);
  EXPECT_EQ(countNotifications(second, file, "commission_member"), 0);
  EXPECT_EQ(countNotifications(centre, file, "commission_member"), 0);

  // Formed again with a newcomer: only the newcomer is told.
  ASSERT_EQ(putCommission(centre, file, {userId(first), userId(second)}).status, 200);
  app().notifier().runOnce();
  EXPECT_EQ(countNotifications(first, file, "commission_member"), 1);
  EXPECT_EQ(countNotifications(second, file, "commission_member"), 1);
  const auto told = notificationsOfKind(client(), second, "commission_member").front();
  EXPECT_EQ(told->getValue<std::string>("title"), "Nouveau dossier à évaluer");
  EXPECT_NE(told->getValue<std::string>("body").find("commission d'évaluation"), std::string::npos);
}

TEST_P(RoleNotificationsTest, ACompanyWhoseOpinionIsRequestedIsToldOnce) {
  const std::string centre = client().login("centre");
  const std::string tutor = client().login("entreprise");
  const std::string file = registeredFile(centre);
  app().notifier().runOnce();  // the demo's own history first
  appendStateChange(file, "under_evaluation", "company_opinion", "request_company_opinion");
  EXPECT_EQ(app().notifier().runOnce(), 1);
  EXPECT_EQ(app().notifier().runOnce(), 0);
  EXPECT_EQ(countNotifications(tutor, file, "company_opinion_requested"), 1);
  EXPECT_EQ(countNotifications(centre, file, "company_opinion_requested"), 0);
  EXPECT_EQ(notificationsOfKind(client(), tutor, "company_opinion_requested")
                .front()
                ->getValue<std::string>("title"),
            "Avis de l'entreprise demandé");
}

TEST_P(RoleNotificationsTest, TheOtherGtpCollegeIsToldAProposalAwaitsItsApproval) {
  const std::string employer = client().login("gtp-employeur"), employee = client().login("gtp-salarie");
  app().notifier().runOnce();  // the demo's own history first
  const std::string id = propose();
  app().notifier().runOnce();
  app().notifier().runOnce();
  const auto awaited = notificationsOfKind(client(), employee, "proposal_awaiting_college");
  ASSERT_EQ(awaited.size(), 1u);
  EXPECT_EQ(linkOf(awaited.front()), "/propositions/" + id);
  EXPECT_NE(awaited.front()->getValue<std::string>("body").find("collège salariés"), std::string::npos);
  EXPECT_TRUE(notificationsOfKind(client(), employer, "proposal_awaiting_college").empty());
  EXPECT_TRUE(notificationsOfKind(client(), client().login("centre"), "proposal_awaiting_college").empty());

  // Approved by both: nobody is awaited any more, nobody told again.
  ASSERT_EQ(client().postJson("/api/v1/proposals/" + id + "/approve", "{}", employee).status, 200);
  app().notifier().runOnce();
  EXPECT_EQ(notificationsOfKind(client(), employee, "proposal_awaiting_college").size(), 1u);
  EXPECT_TRUE(notificationsOfKind(client(), employer, "proposal_awaiting_college").empty());
}

TEST_P(RoleNotificationsTest, EveryCentreIsToldOnceOfANewReferentialVersion) {
  const std::string employer = client().login("gtp-employeur"), employee = client().login("gtp-salarie");
  app().notifier().runOnce();  // the demo's own history first
  const std::string centre = client().login("centre"), centre2 = client().login("centre2");
  const std::size_t before = notificationsOfKind(client(), centre, "referential_published").size();
  const std::string id = propose();
  ASSERT_EQ(client().postJson("/api/v1/proposals/" + id + "/approve", "{}", employee).status, 200);
  const auto published = client().postJson("/api/v1/proposals/" + id + "/publish", "{}", employer);
  ASSERT_EQ(published.status, 200) << published.body;
  app().notifier().runOnce();
  app().notifier().runOnce();

  const auto told = notificationsOfKind(client(), centre, "referential_published");
  ASSERT_EQ(told.size(), before + 1);
  EXPECT_EQ(notificationsOfKind(client(), centre2, "referential_published").size(), before + 1);
  EXPECT_EQ(linkOf(told.front()).rfind("/cqpm/fabrication-additive/versions/", 0), 0u);
  EXPECT_NE(told.front()->getValue<std::string>("body").find("Opérateur en fabrication additive"),
            std::string::npos);
  EXPECT_TRUE(notificationsOfKind(client(), client().login("entreprise"), "referential_published").empty());
  EXPECT_TRUE(notificationsOfKind(client(), employer, "referential_published").empty());
}

TEST_P(RoleNotificationsTest, AJuryMemberConvenedIsToldOnceWithTheLinkToTheSession) {
  const std::string centre = client().login("centre");
  const std::string employer = client().login("jury-employeur"), employee = client().login("jury-salarie");
  const auto session =
      client().postJson("/api/v1/jury-sessions",
                        R"({"date":"2031-05-20","time":"09:30","place":"Lyon, salle du jury"})", centre);
  ASSERT_EQ(session.status, 201) << session.body;
  const std::string id = session.json()->getValue<std::string>("id");
  const std::string member = R"({"user_id":")" + userId(employer) + R"(","company_id":null})";
  ASSERT_EQ(client().postJson("/api/v1/jury-sessions/" + id + "/members", member, centre).status, 201);
  EXPECT_EQ(client().postJson("/api/v1/jury-sessions/" + id + "/members", member, centre).status, 409);

  std::size_t convened = 0;
  for (const auto& item : notificationsOfKind(client(), employer, "jury_convened")) {
    if (linkOf(item) != "/jurys/" + id) continue;
    ++convened;
    EXPECT_NE(item->getValue<std::string>("body").find("20/05/2031 à 09 h 30"), std::string::npos);
  }
  EXPECT_EQ(convened, 1u);
  for (const auto& item : notificationsOfKind(client(), employee, "jury_convened"))
    EXPECT_NE(linkOf(item), "/jurys/" + id);
}

// The e-mail of a new kind: French, with the absolute link to its page.
class RoleEmailsTest : public NotifyTest {
 protected:
  void configure(app::ServerConfig& config) override { mailThrough(config, sink_, "https://cqpm.test/"); }

  SmtpSink sink_;
};

TEST_P(RoleEmailsTest, TheCompanyIsMailedWithTheLinkToTheFile) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  app().notifier().runOnce();
  auto* email = app().emailDispatcher();
  while (email->runOnce(Poco::Timestamp()) > 0) {  // the demo's own notices first
  }
  const std::size_t before = sink_.messages().size();
  appendStateChange(file, "under_evaluation", "company_opinion", "request_company_opinion");
  ASSERT_EQ(app().notifier().runOnce(), 1);
  ASSERT_EQ(email->runOnce(Poco::Timestamp()), 1);
  ASSERT_TRUE(sink_.waitFor(before + 1, std::chrono::seconds(5)));
  const auto message = sink_.messages().back();
  EXPECT_EQ(message.recipients, std::vector<std::string>{"entreprise@exemple.fr"});
  EXPECT_EQ(message.header("Subject"),
            Poco::Net::MailMessage::encodeWord("Avis de l'entreprise demandé", "UTF-8"));
  const std::string text = mailText(message.data);
  EXPECT_NE(text.find("Bonjour Sophie Bernard,"), std::string::npos) << text;
  EXPECT_NE(text.find("Pour donner l'avis de l'entreprise : https://cqpm.test/dossiers/" + file),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("https://cqpm.test/notifications"), std::string::npos) << text;
}

INSTANTIATE_TEST_SUITE_P(Backends, RoleNotificationsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, RoleEmailsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
