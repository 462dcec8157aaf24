#include "admin/account_mail.h"

namespace cqpm::admin {

std::string frenchRoleLabel(domain::Role role) {
  using enum domain::Role;
  switch (role) {
    case kCentreCoordinator:
      return "coordinateur ou coordinatrice de centre";
    case kCompanyTutor:
      return "tuteur ou tutrice en entreprise";
    case kCandidate:
      return "candidat ou candidate";
    case kEvaluator:
      return "évaluateur ou évaluatrice";
    case kJuryMember:
      return "membre de jury paritaire";
    case kGtpAuditor:
      return "auditeur ou auditrice du GTP";
    case kGtpAdmin:
      return "administrateur ou administratrice du GTP";
    case kAdmin:
      return "administrateur ou administratrice de la plateforme";
  }
  return "utilisateur";
}

AccountMail invitationMail(const domain::UserAccount& user, const std::string& organisation_name,
                           const std::string& url) {
  return {"Votre compte CQPM Hub",
          "Bonjour " + user.display_name + ",\n\n" + "Un compte CQPM Hub vient d'être créé pour vous :\n" +
              "  identifiant : " + user.login + "\n  rôle : " + frenchRoleLabel(user.role) +
              "\n  organisation : " + organisation_name + "\n\n" +
              "Choisissez votre mot de passe en ouvrant ce lien (valable 72 heures, une seule fois) :\n" +
              url +
              "\n\nSi vous n'attendiez pas ce message, ignorez-le : aucun mot de passe ne sera défini.\n"};
}

AccountMail fileLinkMail(const domain::UserAccount& user, const std::string& centre_name,
                         const std::string& cqpm_title, const std::string& url) {
  return {"Un dossier CQPM à votre nom",
          "Bonjour " + user.display_name + ",\n\n" + centre_name +
              " a ouvert un dossier de candidature au CQPM « " + cqpm_title +
              " » à votre nom, avec votre adresse e-mail.\n" +
              "S'il s'agit bien de vous, rattachez-le à votre compte CQPM Hub (« " + user.login +
              " ») en ouvrant ce lien, après vous être connecté (valable 72 heures) :\n" + url +
              "\n\nSinon, ignorez ce message : le dossier ne sera pas rattaché à votre compte.\n"};
}

AccountMail passwordResetMail(const domain::UserAccount& user, const std::string& url) {
  return {
      "Réinitialisation de votre mot de passe CQPM Hub",
      "Bonjour " + user.display_name + ",\n\n" + "Une réinitialisation du mot de passe du compte « " +
          user.login + " » a été demandée.\n" +
          "Choisissez un nouveau mot de passe en ouvrant ce lien (valable 72 heures, une seule fois) :\n" +
          url +
          "\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe "
          "actuel reste valable.\n"};
}

}  // namespace cqpm::admin
