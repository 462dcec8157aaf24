#include "awards/award_issuer.h"

#include <Poco/UUIDGenerator.h>

#include "certificates/verification_code.h"

namespace cqpm::awards {

namespace {

// 60 random bits make a collision vanishingly rare; checking keeps a clash
// from failing the jury's whole decision with a storage error.
std::string unusedCode(store::SqlSession& sql) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::string code = certificates::newVerificationCode();
    if (!store::award_store::findByCode(sql, code)) return code;
  }
  throw Error(ErrorCode::kInternal, "could not draw an unused verification code");
}

}  // namespace

std::string holderName(const domain::Candidate& candidate) {
  return candidate.given_name + " " + candidate.family_name;
}

std::optional<store::AwardRecord> issueAward(store::SqlSession& sql,
                                             const store::JuryDecisionRecord& decision,
                                             const store::CandidateFileView& file,
                                             const referential_model::CertificationIdentity& identity,
                                             const std::string& session_date) {
  if (decision.outcome != "certified" && decision.outcome != "blocs_awarded") return std::nullopt;
  store::AwardRecord award;
  award.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  award.decision_id = decision.id;
  award.file_id = file.file.id;
  award.kind = decision.outcome == "certified" ? "certificate" : "bloc_attestation";
  award.verification_code = unusedCode(sql);
  award.holder_name = holderName(file.file.candidate);
  award.holder_birth_date = file.file.candidate.birth_date;
  award.cqpm = file.file.cqpm;
  award.cqpm_title = identity.title.empty() ? file.file.cqpm : identity.title;
  award.cqpm_number = identity.cqpm_number;
  award.blocs_json = decision.blocs_json;
  award.decision_date = session_date;
  award.referential_version = decision.referential_version.value_or(0);
  award.centre_name = file.centre_name;
  award.created_at = decision.decided_at;
  store::award_store::insert(sql, award);
  return award;
}

}  // namespace cqpm::awards
