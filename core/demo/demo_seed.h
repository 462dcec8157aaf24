#pragma once

#include <string>
#include <vector>

#include "auth/password_hasher.h"
#include "files/candidate_file_service.h"
#include "files/transition_service.h"
#include "store/database.h"

namespace cqpm::demo {

/// The password of every demo account.
inline constexpr const char* kDemoPassword = "demo";

/// Seeds the demo (two centres, two companies, the GTP, accounts for every
/// role, candidate files of each pathway in several states) into an EMPTY
/// database, through the same services the API uses, so every file has its
/// real history. A database that already holds organisations is left exactly
/// as it is. Returns the logins created (empty when nothing was seeded).
std::vector<std::string> seedDemo(store::Database& db, files::CandidateFileService& files,
                                  files::TransitionService& transitions, const auth::PasswordHasher& hasher);

}  // namespace cqpm::demo
