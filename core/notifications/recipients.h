#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::notifications {

/// The people around a candidate file who may be told about it.
struct FileParties {
  std::string centre_id;
  std::optional<std::string> company_id;
  std::optional<std::string> candidate_user_id;
};

/// Whom a notification is for.
struct Audience {
  bool centre_coordinators = false;
  bool company_tutors = false;  ///< of the file's company, when it has one
  bool candidate = false;       ///< the candidate's own account, when there is one
};

/// User ids of the active accounts of `audience` for the file, without
/// duplicates, in a stable order. Runs on the caller's session.
std::vector<std::string> recipientsOf(store::SqlSession& sql, const FileParties& parties,
                                      const Audience& audience);

}  // namespace cqpm::notifications
