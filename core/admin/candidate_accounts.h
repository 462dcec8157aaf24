#pragma once

#include <optional>
#include <string>

#include "admin/account_links.h"
#include "domain/actor.h"
#include "domain/candidate_file.h"
#include "store/database.h"

namespace cqpm::admin {

/// Accounts follow the files: the candidate of a new file gets one account,
/// reused across files and centres, and never merged on an e-mail alone
/// across centres. Runs on the transaction that opens the file. Thread-safe.
class CandidateAccounts {
 public:
  explicit CandidateAccounts(AccountLinks& links) : links_(links) {}

  /// The account the new `file` (opened by the coordinator `actor`) is linked to now:
  /// - no account has the candidate's e-mail: a candidate account is created
  ///   in the centre (login from the e-mail) and invited; it is linked;
  /// - a candidate account this centre knows (created by it, or holding one
  ///   of its files): linked;
  /// - a candidate account only other centres know: not linked now; the
  ///   candidate is asked by a one-time link to attach the file themselves;
  /// - an account of another role, or deactivated: not linked, nothing sent.
  std::optional<std::string> accountFor(store::SqlSession& sql, const domain::Actor& actor,
                                        const domain::CandidateFile& file, const std::string& cqpm_title,
                                        const std::string& now);

 private:
  AccountLinks& links_;
};

}  // namespace cqpm::admin
