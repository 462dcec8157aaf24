#include "juries/jury_bench.h"

#include <Poco/JSON/Array.h>

#include <algorithm>

namespace cqpm::juries {

std::vector<std::string> missingColleges(const std::vector<store::JuryMemberRecord>& members) {
  std::vector<std::string> missing;
  for (const std::string& college : kColleges) {
    const bool seated = std::any_of(members.begin(), members.end(), [&](const auto& member) {
      return member.present && member.college == college;
    });
    if (!seated) missing.push_back(college);
  }
  return missing;
}

bool hasConflictOfInterest(const store::JuryMemberRecord& member, const domain::CandidateFile& file) {
  return member.company_id && file.company_id && *member.company_id == *file.company_id;
}

Bench benchFor(const std::vector<store::JuryMemberRecord>& members, const domain::CandidateFile& file) {
  Bench bench;
  for (const auto& member : members) {
    if (hasConflictOfInterest(member, file)) {
      bench.abstaining.push_back(member);
    } else if (member.present) {
      bench.deliberating.push_back(member);
    }
  }
  bench.missing_colleges = missingColleges(bench.deliberating);
  return bench;
}

std::string collegeLabelFr(const std::string& college) {
  if (college == "employer") return "collège employeur";
  if (college == "employee") return "collège salarié";
  return college;
}

Error quorumError(const std::vector<std::string>& missing, const std::string& file_id,
                  const std::string& candidate_name) {
  std::string english, french;
  Poco::JSON::Array::Ptr colleges = new Poco::JSON::Array;
  for (const auto& college : missing) {
    english += (english.empty() ? "" : " and ") + college;
    french += (french.empty() ? "" : " et ") + collegeLabelFr(college);
    colleges->add(college);
  }
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("missing_colleges", colleges);
  if (file_id.empty()) {
    details->set("message_fr", "Quorum non atteint : aucun membre présent du " + french + ".");
    return Error(ErrorCode::kInvalidState,
                 "the jury is not paritary: no member of the " + english + " college is present", "quorum",
                 details);
  }
  details->set("file_id", file_id);
  details->set("message_fr", "Le dossier de " + candidate_name +
                                 " ne peut pas être délibéré : aucun membre présent et sans conflit "
                                 "d'intérêts du " +
                                 french + ".");
  return Error(ErrorCode::kInvalidState,
               "file " + file_id + " (" + candidate_name + ") cannot be decided: no present member of the " +
                   english + " college is free of a conflict of interest",
               "quorum", details);
}

Error conflictOfInterestError(const store::JuryMemberRecord& member, const domain::CandidateFile& file) {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("file_id", file.id);
  details->set(
      "message_fr",
      member.display_name + " vient de l'entreprise du candidat et ne peut pas délibérer sur ce dossier.");
  return Error(ErrorCode::kForbidden,
               member.display_name + " comes from the candidate's company and cannot deliberate on this file",
               "conflict_of_interest", details);
}

}  // namespace cqpm::juries
