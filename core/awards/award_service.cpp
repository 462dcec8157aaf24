#include "awards/award_service.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "access/file_scope.h"
#include "access/policy.h"
#include "awards/award_credential.h"
#include "certificates/award_certificate.h"
#include "certificates/verification_code.h"
#include "juries/decision_seal.h"
#include "store/candidate_file_store.h"
#include "store/jury_decision_store.h"
#include "store/jury_store.h"

namespace cqpm::awards {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Error unknownCode() {
  Object::Ptr details = new Object;
  details->set("message_fr",
               "Aucun certificat ne correspond à ce code de vérification. Vérifiez le code imprimé sur le "
               "document (12 caractères, par exemple K7QM-4XPA-9RTE).");
  return Error(ErrorCode::kNotFound, "no certificate or attestation carries this verification code", "code",
               details);
}

std::string textOf(const Object::Ptr& object, const std::string& name) {
  if (!object->has(name) || object->isNull(name)) return {};
  return object->getValue<std::string>(name);
}

// Codes carry 60 random bits, so guessing is impractical anyway; this only
// keeps a scanner from hammering the database: 30 unknown codes in 10 minutes
// from one address (a person mistyping retries a few times), then that
// address waits for the end of the 10 minutes.
auth::ThrottlePolicy unknownCodesPolicy() {
  return {.scope = "verify.address", .free_failures = 30, .window = std::chrono::minutes(10)};
}

}  // namespace

AwardService::AwardService(store::Database& db, std::string public_base_url, const Clock& clock,
                           const audit::SigningKey& signing_key)
    : db_(db),
      public_base_url_(std::move(public_base_url)),
      signing_key_(signing_key),
      unknown_codes_(db, clock, unknownCodesPolicy()) {
  while (!public_base_url_.empty() && public_base_url_.back() == '/') public_base_url_.pop_back();
}

std::string AwardService::verificationUrl(const std::string& code) const {
  return public_base_url_ + "/verify/" + code;
}

AwardService::IssuedAward AwardService::readIssued(const domain::Actor& actor, const std::string& award_id) {
  const auto scope = access::fileScopeFor(actor);
  // The GTP, under whose control awards are made, reads every centre's.
  const bool overseer = access::allows(actor.role, access::Permission::kOverseeJuries);
  auto issued = db_.read([&](store::SqlSession& sql) -> std::optional<IssuedAward> {
    auto found = store::award_store::find(sql, award_id);
    if (!found) return std::nullopt;
    if (!overseer && !store::candidate_file_store::find(sql, found->file_id, scope)) return std::nullopt;
    IssuedAward read{std::move(*found), std::nullopt, {}};
    read.decision = store::jury_decision_store::find(sql, read.award.decision_id);
    // Where the jury sat, printed on the document ("Fait à ...").
    if (read.decision) {
      if (const auto session = store::jury_store::findSession(sql, read.decision->session_id)) {
        read.session_place = session->place;
      }
    }
    return read;
  });
  if (!issued) throw Error(ErrorCode::kNotFound, "no award " + award_id);
  if (issued->award.revoked_at) {
    Object::Ptr details = new Object;
    details->set("message_fr", "La décision du jury a été révoquée : ce document n'est plus délivré.");
    throw Error(ErrorCode::kInvalidState,
                "the jury's decision was revoked: this document is no longer issued", "award", details);
  }
  return std::move(*issued);
}

std::string AwardService::certificatePdf(const domain::Actor& actor, const std::string& award_id) {
  const IssuedAward issued = readIssued(actor, award_id);
  const store::AwardRecord& award = issued.award;
  certificates::CertificateData data;
  data.kind = award.kind;
  data.holder_name = award.holder_name;
  data.holder_birth_date = award.holder_birth_date.value_or("");
  data.cqpm_number = award.cqpm_number.value_or("");
  data.cqpm_title = award.cqpm_title;
  for (const auto& bloc : awardedBlocs(award)) {
    std::string code = bloc.code;
    if (!bloc.rncp_code.empty()) code += (code.empty() ? "" : " / ") + bloc.rncp_code;
    data.blocs.push_back(code.empty() ? bloc.title : code + " — " + bloc.title);
  }
  data.decision_date = award.decision_date;
  data.session_place = issued.session_place;
  data.referential_version = static_cast<int>(award.referential_version);
  data.centre_name = award.centre_name;
  data.verification_code = award.verification_code;
  data.verification_url = verificationUrl(award.verification_code);
  if (issued.decision) {
    data.decision_sha256 = juries::decisionSeal(*issued.decision);
    data.referential_commit = issued.decision->referential_commit.value_or("");
  }
  return certificates::renderCertificatePdf(data);
}

std::string AwardService::credentialJwt(const domain::Actor& actor, const std::string& award_id) {
  const IssuedAward issued = readIssued(actor, award_id);
  const store::AwardRecord& award = issued.award;
  CredentialData credential;
  credential.kind = award.kind;
  credential.verification_url = verificationUrl(award.verification_code);
  credential.issuer_url = public_base_url_;
  credential.issuer_name = award.centre_name;
  credential.holder_name = award.holder_name;
  credential.cqpm_title = award.cqpm_title;
  credential.cqpm_number = award.cqpm_number;
  if (award.kind != "certificate") credential.blocs = awardedBlocs(award);
  credential.decision_date = award.decision_date;
  credential.referential_version = award.referential_version;
  if (issued.decision) {
    credential.decision_sha256 = juries::decisionSeal(*issued.decision);
    credential.referential_commit = issued.decision->referential_commit.value_or("");
  }
  return issueCredentialJwt(credential, signing_key_);
}

std::vector<AwardedBloc> awardedBlocs(const store::AwardRecord& award) {
  std::vector<AwardedBloc> blocs;
  const auto stored = Poco::JSON::Parser().parse(award.blocs_json).extract<Array::Ptr>();
  for (std::size_t i = 0; i < stored->size(); ++i) {
    const auto bloc = stored->getObject(static_cast<unsigned>(i));
    blocs.push_back({textOf(bloc, "code"), textOf(bloc, "rncp_code"), textOf(bloc, "title")});
  }
  return blocs;
}

AwardVerification verificationOf(const store::AwardRecord& award) {
  AwardVerification verification;
  verification.valid = !award.revoked_at;
  verification.holder_name = award.holder_name;
  verification.cqpm_id = award.cqpm;
  verification.cqpm_title = award.cqpm_title;
  verification.cqpm_number = award.cqpm_number;
  verification.blocs = awardedBlocs(award);
  verification.decision_date = award.decision_date;
  verification.referential_version = award.referential_version;
  return verification;
}

AwardVerification AwardService::verify(std::string_view typed_code, const std::string& client_address) {
  if (const int wait = unknown_codes_.retryAfterSeconds(client_address); wait > 0) {
    Object::Ptr details = new Object;
    details->set("message_fr", "Trop de codes inconnus essayés depuis cette adresse : réessayez plus tard.");
    auth::throwRateLimited(wait, "too many unknown codes from this address: try again later", "code",
                           details);
  }
  const auto code = certificates::normaliseVerificationCode(typed_code);
  // The award and its decision (for the seal) in one read.
  std::optional<store::AwardRecord> award;
  std::optional<store::JuryDecisionRecord> decision;
  if (code) {
    db_.read([&](store::SqlSession& sql) {
      award = store::award_store::findByCode(sql, *code);
      if (award) decision = store::jury_decision_store::find(sql, award->decision_id);
    });
  }
  if (!award) {
    unknown_codes_.recordFailure(client_address);
    throw unknownCode();
  }
  AwardVerification verification = verificationOf(*award);
  if (decision) {
    verification.decision_sha256 = juries::decisionSeal(*decision);
    verification.referential_commit = decision->referential_commit;
  }
  return verification;
}

}  // namespace cqpm::awards
