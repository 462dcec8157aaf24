#include "notifications/email_templates.h"

#include <map>

#include "deadlines/paris_time.h"

namespace cqpm::notifications {

namespace {

// What the link of each kind of notification opens, said before it ("Pour
// ouvrir le dossier : https://..."). Kinds not listed lead to a file or to the
// notifications page (kFallbackAction).
const std::map<std::string, std::string>& actionsByKind() {
  static const std::map<std::string, std::string> kActions{
      {"deadline_near", "Pour déposer le rapport dans le dossier"},
      {"deadline_overdue", "Pour déposer le rapport dans le dossier"},
      {"ready_for_jury", "Pour inscrire le dossier à une session de jury"},
      {"decision", "Pour consulter la décision dans le dossier"},
      {"jury_convened", "Pour consulter la session de jury"},
      {"commission_member", "Pour évaluer le dossier"},
      {"company_opinion_requested", "Pour donner l'avis de l'entreprise"},
      {"proposal_awaiting_college", "Pour examiner la proposition"},
      {"referential_published", "Pour consulter la nouvelle version du référentiel"},
      {"transfer_proposed", "Pour répondre à la proposition de transfert"},
      {"transfer_answered", "Pour consulter les transferts"},
      {"file_transferred", "Pour consulter le dossier"},
      {"vae_admissibility", "Pour consulter le dossier"},
  };
  return kActions;
}

constexpr const char* kFallbackAction = "Pour consulter vos notifications";
constexpr const char* kFileAction = "Pour consulter le dossier";

std::string baseOf(const std::string& public_url) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

std::string actionOf(const store::PendingEmail& notification) {
  const auto& actions = actionsByKind();
  if (const auto found = actions.find(notification.kind); found != actions.end()) return found->second;
  return notification.file_id ? kFileAction : kFallbackAction;
}

std::string footer(const std::string& public_url) {
  return "\n-- \nCQPM Hub\nCe message vous est envoyé automatiquement. Pour recevoir vos e-mails "
         "immédiatement, en un résumé par jour ou jamais : " +
         baseOf(public_url) + "/notifications\n";
}

}  // namespace

std::string notificationUrl(const store::PendingEmail& notification, const std::string& public_url) {
  const std::string base = baseOf(public_url);
  if (notification.link) return base + *notification.link;
  if (notification.file_id) return base + "/dossiers/" + *notification.file_id;
  if (notification.kind.starts_with("transfer_")) return base + "/transferts";
  return base + "/notifications";
}

EmailText notificationEmail(const store::PendingEmail& notification, const std::string& public_url) {
  if (notification.kind == "account_link")
    return {notification.title, notification.body + "\n-- \nCQPM Hub\n"};
  return {notification.title, "Bonjour " + notification.display_name + ",\n\n" + notification.body + "\n\n" +
                                  actionOf(notification) + " : " + notificationUrl(notification, public_url) +
                                  "\n" + footer(public_url)};
}

EmailText digestEmail(const std::string& display_name, const std::string& paris_day,
                      const std::vector<store::PendingEmail>& notifications, const std::string& public_url) {
  const std::size_t count = notifications.size();
  const std::string what = count == 1 ? std::string("1 nouvelle notification")
                                      : std::to_string(count) + " nouvelles notifications";
  std::string body = "Bonjour " + display_name + ",\n\nVoici le résumé de vos notifications du " +
                     deadlines::frenchDate(paris_day) + " : " + what + ".\n";
  for (const auto& notification : notifications) {
    body += "\n• " + notification.title + "\n  " + notification.body + "\n  " + actionOf(notification) +
            " : " + notificationUrl(notification, public_url) + "\n";
  }
  return {"Résumé du " + deadlines::frenchDate(paris_day) + " : " + what, body + footer(public_url)};
}

}  // namespace cqpm::notifications
