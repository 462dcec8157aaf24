#pragma once

#include <optional>
#include <string>

#include "referential_model/certification_identity.h"
#include "store/award_store.h"
#include "store/candidate_file_store.h"
#include "store/jury_decision_store.h"

namespace cqpm::awards {

/// Creates what a decision awards, inside the decision's own transaction: a
/// certificate for "certified" (every bloc), a bloc attestation for
/// "blocs_awarded" (the decision's blocs), nothing for "not_certified". The
/// verification code is fresh (certificates::newVerificationCode) and unique.
/// `identity` is the certification's as the referential the file was judged
/// under names it; the award is dated by the jury session (`session_date`).
std::optional<store::AwardRecord> issueAward(store::SqlSession& sql,
                                             const store::JuryDecisionRecord& decision,
                                             const store::CandidateFileView& file,
                                             const referential_model::CertificationIdentity& identity,
                                             const std::string& session_date);

/// "Camille Martin": the holder's name as the award shows it.
std::string holderName(const domain::Candidate& candidate);

}  // namespace cqpm::awards
