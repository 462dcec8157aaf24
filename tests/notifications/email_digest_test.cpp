#include "notifications/notification_inbox.h"
#include "notifications/notify_fixture.h"
#include "support/smtp_sink.h"

// Each user chooses how the e-mails of their notifications go out: at once,
// in one digest a day (Europe/Paris), or never; in-app they are always there.

namespace cqpm::testing {
namespace {

HttpAnswer putSettings(const HttpClient& client, const std::string& token, const std::string& body) {
  return client.request("PUT", "/api/v1/me/notification-settings", body,
                        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
}

class NotificationSettingsApiTest : public NotifyTest {};

TEST_P(NotificationSettingsApiTest, EachUserChoosesHowTheirEmailsGoOut) {
  const std::string tutor = client().login("entreprise");
  const auto initial = client().get("/api/v1/me/notification-settings", tutor);
  ASSERT_EQ(initial.status, 200) << initial.body;
  EXPECT_EQ(initial.json()->getValue<std::string>("email"), "immediate");

  const auto chosen = putSettings(client(), tutor, R"({"email":"daily"})");
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(chosen.json()->getValue<std::string>("email"), "daily");
  EXPECT_EQ(client().get("/api/v1/me/notification-settings", tutor).json()->getValue<std::string>("email"),
            "daily");
  // Someone else's stays as it was.
  EXPECT_EQ(client()
                .get("/api/v1/me/notification-settings", client().login("centre"))
                .json()
                ->getValue<std::string>("email"),
            "immediate");
}

TEST_P(NotificationSettingsApiTest, ABadChoiceIsRefusedNamingTheField) {
  const std::string tutor = client().login("entreprise");
  const auto weekly = putSettings(client(), tutor, R"({"email":"weekly"})");
  EXPECT_EQ(weekly.status, 422) << weekly.body;
  EXPECT_EQ(weekly.errorField(), "email");
  const auto missing = putSettings(client(), tutor, "{}");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.errorField(), "email");
  EXPECT_EQ(putSettings(client(), tutor, R"({"email":3})").errorField(), "email");
  EXPECT_EQ(putSettings(client(), tutor, R"({"email":"daily","sms":true})").errorField(), "sms");
  EXPECT_EQ(putSettings(client(), "", R"({"email":"daily"})").status, 401);
  EXPECT_EQ(client().get("/api/v1/me/notification-settings", tutor).json()->getValue<std::string>("email"),
            "immediate");
}

class EmailDigestTest : public NotifyTest {
 protected:
  void configure(app::ServerConfig& config) override { mailThrough(config, sink_, "https://cqpm.test"); }

  /// Sends whatever the demo's history calls for, so a test sees only its own e-mails.
  void flushDemoMail() {
    app().notifier().runOnce();
    sendImmediateMail();
    before_ = sink_.messages().size();
  }

  void sendImmediateMail() {
    while (app().emailDispatcher()->runOnce(Poco::Timestamp()) > 0) {
    }
  }

  /// A new file whose company's opinion is requested: one notification for "entreprise".
  std::string opinionRequested(const std::string& centre, const std::string& name) {
    const std::string file = registeredFile(centre, name);
    appendStateChange(file, "under_evaluation", "company_opinion", "request_company_opinion");
    return file;
  }

  std::vector<ReceivedMail> mailTo(const std::string& address) const {
    std::vector<ReceivedMail> found;
    const auto all = sink_.messages();
    for (std::size_t i = before_; i < all.size(); ++i) {
      if (all[i].recipients == std::vector<std::string>{address}) found.push_back(all[i]);
    }
    return found;
  }

  SmtpSink sink_;
  std::size_t before_ = 0;
};

TEST_P(EmailDigestTest, ADailyDigestGroupsTheDaysNotificationsInOneMailSentOnce) {
  const std::string centre = client().login("centre"), tutor = client().login("entreprise");
  flushDemoMail();
  ASSERT_EQ(putSettings(client(), tutor, R"({"email":"daily"})").status, 200);
  const std::string first = opinionRequested(centre, "Premier");
  opinionRequested(centre, "Deuxieme");
  opinionRequested(centre, "Troisieme");
  ASSERT_EQ(app().notifier().runOnce(), 3);
  sendImmediateMail();                                   // (the new candidates' own e-mails)
  EXPECT_TRUE(mailTo("entreprise@exemple.fr").empty());  // nothing goes out at once
  EXPECT_EQ(countNotifications(tutor, first, "company_opinion_requested"), 1);  // in-app at once

  auto* digests = app().emailDigests();
  ASSERT_NE(digests, nullptr);
  const Poco::Timestamp next_day = utc("2031-03-02T06:30:00Z");
  EXPECT_EQ(digests->runOnce(next_day), 1);
  EXPECT_EQ(digests->runOnce(next_day + Poco::Timespan(3600, 0)), 0);  // that day's digest went out
  ASSERT_TRUE(sink_.waitFor(before_ + 1, std::chrono::seconds(5)));
  const auto mail = mailTo("entreprise@exemple.fr");
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].header("Subject"),
            Poco::Net::MailMessage::encodeWord("Résumé du 02/03/2031 : 3 nouvelles notifications", "UTF-8"));
  const std::string text = mailText(mail[0].data);
  EXPECT_NE(text.find("https://cqpm.test/dossiers/" + first), std::string::npos) << text;
  std::size_t items = 0;
  for (auto at = text.find("• Avis de l'entreprise demandé"); at != std::string::npos;
       at = text.find("• Avis de l'entreprise demandé", at + 1)) {
    ++items;
  }
  EXPECT_EQ(items, 3u) << text;
  for (const auto& item : notificationsOfKind(client(), tutor, "company_opinion_requested"))
    EXPECT_EQ(item->getValue<std::string>("email"), "sent");

  // A later notification waits for the next day's digest.
  opinionRequested(centre, "Quatrieme");
  ASSERT_EQ(app().notifier().runOnce(), 1);
  EXPECT_EQ(digests->runOnce(next_day + Poco::Timespan(7200, 0)), 0);
  EXPECT_EQ(digests->runOnce(utc("2031-03-03T06:30:00Z")), 1);
  EXPECT_EQ(digests->runOnce(utc("2031-03-03T07:30:00Z")), 0);
  ASSERT_TRUE(sink_.waitFor(before_ + 2, std::chrono::seconds(5)));
  EXPECT_EQ(mailTo("entreprise@exemple.fr").size(), 2u);
}

TEST_P(EmailDigestTest, NoMailAtAllWhenTheUserChoseNone) {
  const std::string centre = client().login("centre"), tutor = client().login("entreprise");
  flushDemoMail();
  ASSERT_EQ(putSettings(client(), tutor, R"({"email":"none"})").status, 200);
  const std::string file = opinionRequested(centre, "Silencieux");
  ASSERT_EQ(app().notifier().runOnce(), 1);
  sendImmediateMail();
  EXPECT_EQ(app().emailDigests()->runOnce(utc("2031-03-02T06:30:00Z")), 0);
  EXPECT_EQ(countNotifications(tutor, file, "company_opinion_requested"), 1);  // still in-app
  EXPECT_EQ(notificationsOfKind(client(), tutor, "company_opinion_requested")
                .front()
                ->getValue<std::string>("email"),
            "none");
  EXPECT_TRUE(mailTo("entreprise@exemple.fr").empty());
}

TEST_P(EmailDigestTest, TheDayDigestWaitsForItsHourInParis) {
  const std::string centre = client().login("centre"), tutor = client().login("entreprise");
  flushDemoMail();
  ASSERT_EQ(putSettings(client(), tutor, R"({"email":"daily"})").status, 200);
  opinionRequested(centre, "Matinal");
  ASSERT_EQ(app().notifier().runOnce(), 1);
  // 07:00 in Paris by default (cqpm.notifications.digest_hour), UTC+1 in March.
  EXPECT_EQ(app().emailDigests()->runOnce(utc("2031-03-02T05:59:00Z")), 0);
  EXPECT_EQ(app().emailDigests()->runOnce(utc("2031-03-02T06:00:00Z")), 1);
}

TEST_P(EmailDigestTest, ARefusedDigestIsSentLaterThatDayOnce) {
  const std::string centre = client().login("centre"), tutor = client().login("entreprise");
  flushDemoMail();
  ASSERT_EQ(putSettings(client(), tutor, R"({"email":"daily"})").status, 200);
  opinionRequested(centre, "Refuse");
  ASSERT_EQ(app().notifier().runOnce(), 1);
  sink_.failNext(1);
  const Poco::Timestamp next_day = utc("2031-03-02T06:30:00Z");
  EXPECT_EQ(app().emailDigests()->runOnce(next_day), 0);
  EXPECT_EQ(app().emailDigests()->runOnce(next_day + Poco::Timespan(600, 0)), 1);
  EXPECT_EQ(app().emailDigests()->runOnce(next_day + Poco::Timespan(1200, 0)), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationSettingsApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(Backends, EmailDigestTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
