#include "awards/award_service.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "access/file_scope.h"
#include "access/policy.h"
#include "certificates/award_certificate.h"
#include "certificates/verification_code.h"
#include "store/candidate_file_store.h"

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

Array::Ptr storedBlocs(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Array::Ptr>();
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

AwardService::AwardService(store::Database& db, std::string public_base_url, const Clock& clock)
    : db_(db), public_base_url_(std::move(public_base_url)), unknown_codes_(db, clock, unknownCodesPolicy()) {
  while (!public_base_url_.empty() && public_base_url_.back() == '/') public_base_url_.pop_back();
}

std::string AwardService::verificationUrl(const std::string& code) const {
  return public_base_url_ + "/verify/" + code;
}

std::string AwardService::certificatePdf(const domain::Actor& actor, const std::string& award_id) {
  const auto scope = access::fileScopeFor(actor);
  // The GTP, under whose control awards are made, reads every centre's.
  const bool overseer = access::allows(actor.role, access::Permission::kOverseeJuries);
  const auto award = db_.read([&](store::SqlSession& sql) -> std::optional<store::AwardRecord> {
    auto found = store::award_store::find(sql, award_id);
    if (!found) return std::nullopt;
    if (!overseer && !store::candidate_file_store::find(sql, found->file_id, scope)) return std::nullopt;
    return found;
  });
  if (!award) throw Error(ErrorCode::kNotFound, "no award " + award_id);
  if (award->revoked_at) {
    Object::Ptr details = new Object;
    details->set("message_fr", "La décision du jury a été révoquée : ce document n'est plus délivré.");
    throw Error(ErrorCode::kInvalidState,
                "the jury's decision was revoked: this document is no longer issued", "award", details);
  }
  certificates::CertificateData data;
  data.kind = award->kind;
  data.holder_name = award->holder_name;
  data.holder_birth_date = award->holder_birth_date.value_or("");
  data.cqpm_number = award->cqpm_number.value_or("");
  data.cqpm_title = award->cqpm_title;
  const auto blocs = storedBlocs(award->blocs_json);
  for (std::size_t i = 0; i < blocs->size(); ++i) {
    const auto bloc = blocs->getObject(static_cast<unsigned>(i));
    std::string code = textOf(bloc, "code");
    if (const std::string rncp = textOf(bloc, "rncp_code"); !rncp.empty())
      code += (code.empty() ? "" : " / ") + rncp;
    const std::string title = textOf(bloc, "title");
    data.blocs.push_back(code.empty() ? title : code + " — " + title);
  }
  data.decision_date = award->decision_date;
  data.referential_version = static_cast<int>(award->referential_version);
  data.centre_name = award->centre_name;
  data.verification_code = award->verification_code;
  data.verification_url = verificationUrl(award->verification_code);
  return certificates::renderCertificatePdf(data);
}

Object::Ptr verificationJson(const store::AwardRecord& award) {
  Object::Ptr json = new Object;
  const bool valid = !award.revoked_at;
  json->set("valid", valid);
  json->set("status", valid ? "valid" : "revoked");
  json->set("holder_name", award.holder_name);
  Object::Ptr cqpm = new Object;
  cqpm->set("id", award.cqpm);
  cqpm->set("title", award.cqpm_title);
  cqpm->set("number", award.cqpm_number ? Poco::Dynamic::Var(*award.cqpm_number) : Poco::Dynamic::Var());
  json->set("cqpm", cqpm);
  Array::Ptr blocs = new Array;
  const auto stored = storedBlocs(award.blocs_json);
  for (std::size_t i = 0; i < stored->size(); ++i) {
    const auto bloc = stored->getObject(static_cast<unsigned>(i));
    Object::Ptr item = new Object;
    const std::string code = textOf(bloc, "code");
    item->set("code", code.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(code));
    const std::string rncp = textOf(bloc, "rncp_code");
    item->set("rncp_code", rncp.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(rncp));
    item->set("title", textOf(bloc, "title"));
    blocs->add(item);
  }
  json->set("blocs", blocs);
  json->set("decision_date", award.decision_date);
  json->set("referential_version", award.referential_version);
  return json;
}

Object::Ptr AwardService::verify(std::string_view typed_code, const std::string& client_address) {
  if (const int wait = unknown_codes_.retryAfterSeconds(client_address); wait > 0) {
    Object::Ptr details = new Object;
    details->set("message_fr", "Trop de codes inconnus essayés depuis cette adresse : réessayez plus tard.");
    auth::throwRateLimited(wait, "too many unknown codes from this address: try again later", "code",
                           details);
  }
  const auto code = certificates::normaliseVerificationCode(typed_code);
  std::optional<store::AwardRecord> award;
  if (code) {
    award = db_.read([&](store::SqlSession& sql) { return store::award_store::findByCode(sql, *code); });
  }
  if (!award) {
    unknown_codes_.recordFailure(client_address);
    throw unknownCode();
  }
  return verificationJson(*award);
}

}  // namespace cqpm::awards
