#include <Poco/Net/MailMessage.h>
#include <Poco/Net/QuotedPrintableDecoder.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <sstream>

#include "notifications/notify_fixture.h"
#include "support/smtp_sink.h"

// In-app notifications derived from the event log and from reminders, read
// by their owner only, and e-mailed through a real (local) SMTP server.

namespace cqpm::testing {
namespace {

class NotificationsApiTest : public NotifyTest {
 protected:
  /// A file of the demo candidate (who has an account), employed by the first company.
  std::string candidateFile(const std::string& centre) const {
    const auto answer = client().postJson(
        "/api/v1/files",
        R"({"cqpm":"qualite","pathway":"employee","company_id":")" + firstCompany(centre) +
            R"(","candidate":{"given_name":"Lucas","family_name":"Martin","email":"lucas.martin@exemple.fr",)"
            R"("birth_date":"1996-04-12"}})",
        centre);
    EXPECT_EQ(answer.status, 201) << answer.body;
    const std::string id = answer.json()->getValue<std::string>("id");
    EXPECT_EQ(fire(centre, id, "register", 1).status, 200);
    return id;
  }
};

TEST_P(NotificationsApiTest, AFileReadyForJuryTellsItsCentreOnce) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  appendStateChange(file, "under_evaluation", "ready_for_jury", "send_to_jury_without_opinion");
  app().notifier().runOnce();
  app().notifier().runOnce();
  EXPECT_EQ(countNotifications(centre, file, "ready_for_jury"), 1);
  EXPECT_EQ(countNotifications(client().login("entreprise"), file, "ready_for_jury"), 0);
  EXPECT_EQ(countNotifications(client().login("centre2"), file, "ready_for_jury"), 0);
}

TEST_P(NotificationsApiTest, ADecisionTellsTheCandidateTheCompanyAndTheCentreOnce) {
  const std::string centre = client().login("centre");
  const std::string file = candidateFile(centre);
  appendStateChange(file, "in_deliberation", "certified", "certify");
  EXPECT_GE(app().notifier().runOnce(), 3);
  EXPECT_EQ(app().notifier().runOnce(), 0);
  const std::string candidate = client().login("candidat");
  EXPECT_EQ(countNotifications(candidate, file, "decision"), 1);
  EXPECT_EQ(countNotifications(client().login("entreprise"), file, "decision"), 1);
  EXPECT_EQ(countNotifications(centre, file, "decision"), 1);
  // The decision among the candidate's notifications (SetUp's overdue notices are
  // stamped at the 2031 time their reminders ran for, so they sort first).
  const auto items = client().get("/api/v1/notifications", candidate).json()->getArray("items");
  Poco::JSON::Object::Ptr newest;
  for (std::size_t i = 0; i < items->size() && !newest; ++i) {
    const auto item = items->getObject(static_cast<unsigned>(i));
    if (item->getValue<std::string>("kind") == "decision") newest = item;
  }
  ASSERT_TRUE(newest);
  EXPECT_EQ(newest->getValue<std::string>("title"), "Décision du jury : CQPM obtenu");
  EXPECT_NE(newest->getValue<std::string>("body").find("Lucas Martin"), std::string::npos);
  EXPECT_EQ(newest->getValue<std::string>("email"), "none");  // no SMTP server: in-app only
}

TEST_P(NotificationsApiTest, EachUserReadsAndMarksOnlyTheirOwn) {
  const std::string centre = client().login("centre");
  const std::string tutor = client().login("entreprise");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  ASSERT_EQ(client().postJson("/api/v1/notifications/read-all", "", tutor).status, 200);  // the demo's
  ASSERT_EQ(app().reminders().runOnce(utc("2031-06-08T08:00:00Z")), 1);
  ASSERT_EQ(app().reminders().runOnce(utc("2031-06-14T08:00:00Z")), 1);

  const auto listed = client().get("/api/v1/notifications", tutor);
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto body = listed.json();
  EXPECT_EQ(body->getValue<int>("unread"), 2);
  const auto items = body->getArray("items");
  ASSERT_GE(items->size(), 2u);
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("title"),
            "Rapport attendu demain au plus tard");  // newest first
  EXPECT_EQ(items->getObject(1)->getValue<std::string>("title"), "Rapport attendu dans 7 jours");
  EXPECT_NE(items->getObject(1)->getValue<std::string>("body").find("15/06/2031"), std::string::npos);
  const std::string id = items->getObject(1)->getValue<std::string>("id");

  // Someone else's notification does not exist for them.
  EXPECT_EQ(client().postJson("/api/v1/notifications/" + id + "/read", "", client().login("centre2")).status,
            404);
  EXPECT_EQ(client().postJson("/api/v1/notifications/no-such-id/read", "", tutor).status, 404);
  EXPECT_EQ(client().postJson("/api/v1/notifications/" + id + "/read", "", tutor).status, 204);
  EXPECT_EQ(client().postJson("/api/v1/notifications/" + id + "/read", "", tutor).status, 204);  // stays read
  const auto after = client().get("/api/v1/notifications", tutor).json();
  EXPECT_EQ(after->getValue<int>("unread"), 1);
  EXPECT_TRUE(after->getArray("items")->getObject(1)->getValue<bool>("read"));

  const auto all = client().postJson("/api/v1/notifications/read-all", "", tutor);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json()->getValue<int>("marked"), 1);
  EXPECT_EQ(client().get("/api/v1/notifications", tutor).json()->getValue<int>("unread"), 0);
  EXPECT_EQ(client().get("/api/v1/notifications", centre).json()->getValue<int>("unread") > 0,
            true);  // theirs untouched
  EXPECT_EQ(client().get("/api/v1/notifications", "").status, 401);
  EXPECT_EQ(client().get("/api/v1/notifications?limit=0", tutor).errorField(), "limit");
}

// With an SMTP server, each notification also goes out by e-mail, once.
class EmailNotificationsTest : public NotifyTest {
 protected:
  void configure(app::ServerConfig& config) override {
    config.smtp.host = "127.0.0.1";
    config.smtp.port = sink_.port();
    config.smtp.from = "CQPM Hub <no-reply@cqpm.test>";
    config.smtp.timeout_seconds = 5;
  }

  SmtpSink sink_;
};

TEST_P(EmailNotificationsTest, AReminderGoesOutByMailOnceAndAFailureIsRetried) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  auto* email = app().emailDispatcher();
  ASSERT_NE(email, nullptr);
  const Poco::Timestamp now = utc("2031-06-08T08:00:10Z");
  while (email->runOnce(now) > 0) {  // the demo's own notices first
  }
  const std::size_t before = sink_.messages().size();
  ASSERT_EQ(app().reminders().runOnce(utc("2031-06-08T08:00:00Z")), 1);

  sink_.failNext(1);  // the first message is refused (451): it stays pending
  const int first = email->runOnce(now);
  // Recipients: the company's tutor and the centre's coordinator.
  EXPECT_EQ(first, 1);
  EXPECT_EQ(email->runOnce(now), 0);                            // the failed one waits before a retry
  EXPECT_EQ(email->runOnce(now + Poco::Timespan(120, 0)), 1);   // then goes
  EXPECT_EQ(email->runOnce(now + Poco::Timespan(3600, 0)), 0);  // and never again
  ASSERT_TRUE(sink_.waitFor(before + 2, std::chrono::seconds(5)));

  const auto all = sink_.messages();
  ASSERT_EQ(all.size(), before + 2);
  std::vector<std::string> recipients;
  for (std::size_t i = before; i < all.size(); ++i) {
    const auto& message = all[i];
    ASSERT_EQ(message.recipients.size(), 1u);
    recipients.push_back(message.recipients[0]);
    EXPECT_EQ(message.from, "no-reply@cqpm.test");
    EXPECT_EQ(message.header("Subject"),
              Poco::Net::MailMessage::encodeWord("Rapport attendu dans 7 jours", "UTF-8"));
    EXPECT_NE(message.header("Content-Type").find("charset=UTF-8"), std::string::npos);
  }
  std::sort(recipients.begin(), recipients.end());
  EXPECT_EQ(recipients, (std::vector<std::string>{"centre@exemple.fr", "entreprise@exemple.fr"}));

  const auto items =
      client().get("/api/v1/notifications", client().login("entreprise")).json()->getArray("items");
  EXPECT_EQ(items->getObject(0)->getValue<std::string>("email"), "sent");
}

TEST_P(EmailNotificationsTest, AnEmailCarriesTheCandidatesNameExactly) {
  const std::string centre = client().login("centre");
  const std::string name = "Nguyễn-Łukasiewicz Ţurcanu";
  const std::string file = registeredFile(centre, name);
  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  auto* email = app().emailDispatcher();
  const Poco::Timestamp now = utc("2031-06-08T08:00:10Z");
  while (email->runOnce(now) > 0) {  // the demo's own notices first
  }
  const std::size_t before = sink_.messages().size();
  ASSERT_EQ(app().reminders().runOnce(utc("2031-06-08T08:00:00Z")), 1);
  while (email->runOnce(now) > 0) {
  }
  ASSERT_TRUE(sink_.waitFor(before + 2, std::chrono::seconds(5)));
  const auto all = sink_.messages();
  for (std::size_t i = before; i < all.size(); ++i) {
    const std::string& data = all[i].data;
    // The body, quoted-printable in UTF-8, decoded as a mail reader does.
    const std::size_t blank = data.find("\r\n\r\n");
    ASSERT_NE(blank, std::string::npos);
    std::istringstream encoded(data.substr(blank + 4));
    Poco::Net::QuotedPrintableDecoder decoder(encoded);
    std::string body;
    Poco::StreamCopier::copyToString(decoder, body);
    EXPECT_NE(body.find("Le rapport de Alex " + name), std::string::npos) << body;
    // Header values are RFC 2047 encoded words, never raw 8-bit bytes.
    const std::string headers = data.substr(0, blank);
    EXPECT_TRUE(std::all_of(headers.begin(), headers.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x80;
    })) << headers;
  }
}

TEST_P(EmailNotificationsTest, AnEmailClaimedByAnInstanceThatDiedIsSentOnceItsLeaseRunsOut) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  ASSERT_EQ(setDeadline(centre, file, "2031-06-15").status, 200);
  auto* email = app().emailDispatcher();
  const Poco::Timestamp now = utc("2031-06-08T08:00:10Z");
  while (email->runOnce(now) > 0) {  // the demo's own notices first
  }
  const std::size_t before = sink_.messages().size();
  ASSERT_EQ(app().reminders().runOnce(utc("2031-06-08T08:00:00Z")), 1);
  // Another instance claimed both e-mails (a 10-minute lease) and died before sending.
  app().database().write([&](store::SqlSession& sql) {
    sql.statement(
           "UPDATE notifications SET email_state = 'sending', email_next_attempt_at = "
           "'2031-06-08T08:10:10Z' WHERE email_state = 'pending'")
        .execute();
  });
  EXPECT_EQ(email->runOnce(now + Poco::Timespan(5 * 60, 0)), 0);   // the lease still holds
  EXPECT_EQ(email->runOnce(now + Poco::Timespan(11 * 60, 0)), 2);  // then they are due again
  EXPECT_EQ(email->runOnce(now + Poco::Timespan(60 * 60, 0)), 0);  // and never sent twice
  ASSERT_TRUE(sink_.waitFor(before + 2, std::chrono::seconds(5)));
  EXPECT_EQ(sink_.messages().size(), before + 2);
}

TEST_P(EmailNotificationsTest, TheSchedulerSendsAnEventNotificationByMail) {
  const std::string centre = client().login("centre");
  const std::string file = registeredFile(centre);
  // What the demo's own history calls for goes first.
  app().notifier().runOnce();
  while (app().emailDispatcher()->runOnce(Poco::Timestamp()) > 0) {
  }
  const std::size_t before = sink_.messages().size();

  appendStateChange(file, "under_evaluation", "ready_for_jury", "send_to_jury_without_opinion");
  EXPECT_EQ(app().notifier().runOnce(), 1);
  EXPECT_EQ(app().emailDispatcher()->runOnce(Poco::Timestamp()), 1);
  ASSERT_TRUE(sink_.waitFor(before + 1, std::chrono::seconds(5)));
  const auto message = sink_.messages().back();
  EXPECT_EQ(message.recipients, std::vector<std::string>{"centre@exemple.fr"});
  EXPECT_EQ(message.header("Subject"),
            Poco::Net::MailMessage::encodeWord("Dossier prêt pour le jury", "UTF-8"));
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, EmailNotificationsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
