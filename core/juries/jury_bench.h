#pragma once

#include <string>
#include <vector>

#include "common/error.h"
#include "domain/candidate_file.h"
#include "store/jury_store.h"

// The paritary rule of a jury: both colleges (employer, employee) must have a
// member present, and a member who comes from the candidate's company cannot
// deliberate on that file. Pure functions of the members and the file.

namespace cqpm::juries {

/// The colleges a paritary jury needs, in the order messages name them.
inline const std::vector<std::string> kColleges{"employer", "employee"};

/// Who sits for one file.
struct Bench {
  std::vector<store::JuryMemberRecord> deliberating;  ///< present, and not from the candidate's company
  std::vector<store::JuryMemberRecord> abstaining;    ///< from the candidate's company (present or not)
  std::vector<std::string> missing_colleges;          ///< colleges with nobody deliberating
  bool quorate() const { return missing_colleges.empty(); }
};

/// Colleges with no PRESENT member, in kColleges order (empty: the session may open).
std::vector<std::string> missingColleges(const std::vector<store::JuryMemberRecord>& members);

/// Whether `member` comes from the company that employs the file's candidate.
bool hasConflictOfInterest(const store::JuryMemberRecord& member, const domain::CandidateFile& file);

/// The bench of `file` among the session's `members`.
Bench benchFor(const std::vector<store::JuryMemberRecord>& members, const domain::CandidateFile& file);

/// "employer" -> "collège employeur", "employee" -> "collège salarié".
std::string collegeLabelFr(const std::string& college);

/// The refusal for a missing quorum: 409 invalid_state, field "quorum",
/// details {missing_colleges, message_fr, file_id when about one file}.
Error quorumError(const std::vector<std::string>& missing, const std::string& file_id = {},
                  const std::string& candidate_name = {});

/// 403 forbidden, field "conflict_of_interest", for `member` acting on `file`.
Error conflictOfInterestError(const store::JuryMemberRecord& member, const domain::CandidateFile& file);

}  // namespace cqpm::juries
