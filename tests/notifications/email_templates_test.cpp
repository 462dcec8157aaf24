#include "notifications/email_templates.h"

#include <gtest/gtest.h>

#include "notifications/email_frequency.h"

// The e-mails' French templates: one per kind, each with the absolute link to
// the page it is about.

namespace cqpm::notifications {
namespace {

store::PendingEmail notice(const std::string& kind, std::optional<std::string> file_id,
                           std::optional<std::string> link = std::nullopt) {
  store::PendingEmail email;
  email.notification_id = "n1";
  email.email = "patrick.girard@exemple.fr";
  email.display_name = "Patrick Girard";
  email.kind = kind;
  email.title = "Nouveau dossier à évaluer";
  email.body = "Vous faites partie de la commission d'évaluation du dossier de Alex Testeur (Qualité).";
  email.file_id = std::move(file_id);
  email.link = std::move(link);
  return email;
}

TEST(EmailTemplatesTest, ANotificationMailGreetsInFrenchAndLinksToItsPage) {
  const EmailText text = notificationEmail(notice("commission_member", "F1"), "https://cqpm.example.fr/");
  EXPECT_EQ(text.subject, "Nouveau dossier à évaluer");
  EXPECT_EQ(text.body.rfind("Bonjour Patrick Girard,\n\nVous faites partie", 0), 0u) << text.body;
  EXPECT_NE(text.body.find("Pour évaluer le dossier : https://cqpm.example.fr/dossiers/F1\n"),
            std::string::npos)
      << text.body;
  EXPECT_NE(text.body.find(
                "immédiatement, en un résumé par jour ou jamais : https://cqpm.example.fr/notifications"),
            std::string::npos);
}

TEST(EmailTemplatesTest, EachKindLinksWhereItLeads) {
  const std::string base = "http://localhost:8080";
  EXPECT_EQ(notificationUrl(notice("jury_convened", std::nullopt, "/jurys/S1"), base), base + "/jurys/S1");
  EXPECT_EQ(notificationUrl(notice("proposal_awaiting_college", std::nullopt, "/propositions/7"), base),
            base + "/propositions/7");
  EXPECT_EQ(notificationUrl(notice("referential_published", std::nullopt, "/cqpm/qualite/versions/2"), base),
            base + "/cqpm/qualite/versions/2");
  EXPECT_EQ(notificationUrl(notice("company_opinion_requested", "F2"), base), base + "/dossiers/F2");
  EXPECT_EQ(notificationUrl(notice("transfer_proposed", std::nullopt), base), base + "/transferts");
  EXPECT_EQ(notificationUrl(notice("something_new", std::nullopt), base), base + "/notifications");
  for (const char* kind : {"jury_convened", "company_opinion_requested", "proposal_awaiting_college",
                           "referential_published", "commission_member"}) {
    const EmailText text = notificationEmail(notice(kind, "F3"), base);
    EXPECT_NE(text.body.find("Pour "), std::string::npos) << kind;
    EXPECT_EQ(text.body.find("Pour consulter vos notifications :"), std::string::npos) << kind;
  }
}

TEST(EmailTemplatesTest, AnAccountLinkGoesOutAsWritten) {
  auto link = notice("account_link", std::nullopt);
  link.body = "Choisissez votre mot de passe : http://localhost:8080/invitation/abc";
  const EmailText text = notificationEmail(link, "http://localhost:8080");
  EXPECT_EQ(text.body, link.body + "\n-- \nCQPM Hub\n");
}

TEST(EmailTemplatesTest, ADigestCountsAndListsEachNotificationWithItsLink) {
  auto second = notice("referential_published", std::nullopt, "/cqpm/qualite/versions/2");
  second.title = "Nouvelle version de référentiel publiée";
  const EmailText text =
      digestEmail("Claire Moreau", "2031-03-02", {notice("commission_member", "F1"), second}, "https://h.fr");
  EXPECT_EQ(text.subject, "Résumé du 02/03/2031 : 2 nouvelles notifications");
  EXPECT_NE(text.body.find("Bonjour Claire Moreau,"), std::string::npos);
  EXPECT_NE(text.body.find("• Nouveau dossier à évaluer"), std::string::npos);
  EXPECT_NE(text.body.find("https://h.fr/dossiers/F1"), std::string::npos);
  EXPECT_NE(text.body.find("• Nouvelle version de référentiel publiée"), std::string::npos);
  EXPECT_NE(text.body.find("https://h.fr/cqpm/qualite/versions/2"), std::string::npos);
  EXPECT_EQ(digestEmail("C", "2031-03-02", {second}, "https://h.fr").subject,
            "Résumé du 02/03/2031 : 1 nouvelle notification");
}

TEST(EmailFrequencyTest, OnlyTheThreeWordsAreChoices) {
  for (const auto frequency : {EmailFrequency::kImmediate, EmailFrequency::kDaily, EmailFrequency::kNone})
    EXPECT_EQ(parseEmailFrequency(emailFrequencyName(frequency)), frequency);
  EXPECT_FALSE(parseEmailFrequency("weekly"));
  EXPECT_FALSE(parseEmailFrequency("Daily"));
  EXPECT_EQ(initialEmailState(EmailFrequency::kDaily), "digest");
  EXPECT_EQ(initialEmailState(EmailFrequency::kNone), "none");
}

}  // namespace
}  // namespace cqpm::notifications
