#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What the award service answers: typed records, shaped into JSON only by
// core/http/award_presenters.h.

namespace cqpm::awards {

/// A bloc an award names, as it was copied at award time.
struct AwardedBloc {
  std::string code;       ///< empty when the referential had no code for it
  std::string rncp_code;  ///< empty when the RNCP fiche had not been recorded
  std::string title;
};

/// What anyone may know of an award from its verification code, and nothing more.
struct AwardVerification {
  bool valid = false;  ///< false once the jury's decision was revoked
  std::string holder_name;
  std::string cqpm_id;
  std::string cqpm_title;
  std::optional<std::string> cqpm_number;  ///< null while the GTP has not recorded it
  std::vector<AwardedBloc> blocs;          ///< in the award's order
  std::string decision_date;               ///< YYYY-MM-DD: the jury session's day
  std::int64_t referential_version = 0;
  std::string decision_sha256;                    ///< juries::decisionSeal; empty if the decision is gone
  std::optional<std::string> referential_commit;  ///< the referential the file was judged under
};

}  // namespace cqpm::awards
