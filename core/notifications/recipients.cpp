#include "notifications/recipients.h"

#include <algorithm>

#include "store/account_store.h"

namespace cqpm::notifications {

std::vector<std::string> recipientsOf(store::SqlSession& sql, const FileParties& parties,
                                      const Audience& audience) {
  std::vector<std::string> users;
  // Only people who accepted their invitation (chose a password) are told about files.
  auto add = [&users](const domain::UserAccount& user) {
    if (user.passwordSet() && std::find(users.begin(), users.end(), user.id) == users.end())
      users.push_back(user.id);
  };
  if (audience.candidate && parties.candidate_user_id) {
    if (store::account_store::actorOfUser(sql, *parties.candidate_user_id)) {
      if (auto candidate = store::account_store::findUser(sql, *parties.candidate_user_id)) add(*candidate);
    }
  }
  if (audience.company_tutors && parties.company_id) {
    for (const auto& user :
         store::account_store::listUsers(sql, *parties.company_id, domain::Role::kCompanyTutor)) {
      add(user);
    }
  }
  if (audience.centre_coordinators) {
    for (const auto& user :
         store::account_store::listUsers(sql, parties.centre_id, domain::Role::kCentreCoordinator)) {
      add(user);
    }
  }
  return users;
}

}  // namespace cqpm::notifications
