#include "notifications/recipients.h"

#include <algorithm>

#include "store/account_store.h"

namespace cqpm::notifications {

std::vector<std::string> recipientsOf(store::SqlSession& sql, const FileParties& parties,
                                      const Audience& audience) {
  std::vector<std::string> users;
  auto add = [&users](const std::string& id) {
    if (std::find(users.begin(), users.end(), id) == users.end()) users.push_back(id);
  };
  if (audience.candidate && parties.candidate_user_id) {
    if (store::account_store::actorOfUser(sql, *parties.candidate_user_id)) add(*parties.candidate_user_id);
  }
  if (audience.company_tutors && parties.company_id) {
    for (const auto& user :
         store::account_store::listUsers(sql, *parties.company_id, domain::Role::kCompanyTutor)) {
      add(user.id);
    }
  }
  if (audience.centre_coordinators) {
    for (const auto& user :
         store::account_store::listUsers(sql, parties.centre_id, domain::Role::kCentreCoordinator)) {
      add(user.id);
    }
  }
  return users;
}

}  // namespace cqpm::notifications
