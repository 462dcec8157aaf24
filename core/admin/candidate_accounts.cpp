#include "admin/candidate_accounts.h"

#include <Poco/UUIDGenerator.h>

#include <cctype>

#include "admin/admin_log.h"
#include "store/account_store.h"
#include "store/candidate_file_store.h"

namespace cqpm::admin {

namespace {

// A free login made of the e-mail's local part ("lea.mercier", then "lea.mercier-2"...).
std::string freeLogin(store::SqlSession& sql, const std::string& email) {
  std::string base;
  for (char c : email.substr(0, email.find('@'))) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte))
      base += static_cast<char>(std::tolower(byte));
    else if (c == '.' || c == '-' || c == '_')
      base += c;
  }
  while (!base.empty() && !std::isalnum(static_cast<unsigned char>(base.front()))) base.erase(0, 1);
  if (base.size() < 3) base = "candidat" + base;
  base = base.substr(0, 56);
  std::string login = base;
  for (int n = 2; store::account_store::findUserByLogin(sql, login); ++n)
    login = base + "-" + std::to_string(n);
  return login;
}

}  // namespace

std::optional<std::string> CandidateAccounts::accountFor(store::SqlSession& sql, const domain::Actor& actor,
                                                         const domain::CandidateFile& file,
                                                         const std::string& cqpm_title,
                                                         const std::string& now) {
  const auto existing = store::account_store::findUserByEmail(sql, file.candidate.email);
  if (!existing) {
    domain::UserAccount account;
    account.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    account.login = freeLogin(sql, file.candidate.email);
    account.display_name = file.candidate.given_name + " " + file.candidate.family_name;
    account.email = file.candidate.email;
    account.role = domain::Role::kCandidate;
    account.organisation_id = file.centre_id;
    account.created_at = account.updated_at = now;
    store::account_store::insertUser(sql, account, now);
    const IssuedLink link =
        links_.issue(sql, account, LinkPurpose::kInvitation, LinkChannel::kConfigured, now);
    links_.announce(link, account.login);
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("file_id", file.id);
    details->set("delivery", link.delivery);
    recordAdminAct(sql, adminActorOf(actor),
                   {"user_created", "user", account.id, account.login, file.centre_id, details}, now);
    recordAdminAct(sql, adminActorOf(actor),
                   {"invitation_sent", "user", account.id, account.login, file.centre_id, details}, now);
    return account.id;
  }
  if (existing->role != domain::Role::kCandidate || !existing->active) return std::nullopt;
  if (existing->organisation_id == file.centre_id ||
      store::candidate_file_store::centreKnowsCandidate(sql, file.centre_id, existing->id)) {
    return existing->id;
  }
  links_.issueFileLink(sql, *existing, file.id, actor.organisation_name, cqpm_title, now);
  return std::nullopt;
}

}  // namespace cqpm::admin
