#pragma once

#include <string>

#include "domain/role.h"
#include "domain/user_account.h"

namespace cqpm::admin {

/// A role as French readers name it ("coordinateur de centre").
std::string frenchRoleLabel(domain::Role role);

/// The French e-mail of a one-time link.
struct AccountMail {
  std::string title;
  std::string body;
};

/// "Votre compte CQPM Hub": the account, its role and organisation, the link to choose a password.
AccountMail invitationMail(const domain::UserAccount& user, const std::string& organisation_name,
                           const std::string& url);
/// "Un dossier CQPM à votre nom": another centre opened a file; the link attaches it to the account.
AccountMail fileLinkMail(const domain::UserAccount& user, const std::string& centre_name,
                         const std::string& cqpm_title, const std::string& url);
/// "Réinitialisation de votre mot de passe": the link, and what to do if one did not ask.
AccountMail passwordResetMail(const domain::UserAccount& user, const std::string& url);

}  // namespace cqpm::admin
