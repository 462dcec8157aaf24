#include "awards/award_credential.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Timestamp.h>

#include "common/base64url.h"
#include "common/error.h"
#include "common/iso_date.h"
#include "common/json_text.h"

namespace cqpm::awards {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Array::Ptr arrayOfTexts(std::initializer_list<const char*> texts) {
  Array::Ptr array = new Array;
  for (const char* text : texts) array->add(std::string(text));
  return array;
}

// Seconds since 1970 at the start of a YYYY-MM-DD day, UTC (the JWT's nbf).
std::int64_t epochOfDay(const std::string& day) {
  const std::optional<Poco::DateTime> midnight = parseIsoDate(day);
  if (!midnight) throw Error(ErrorCode::kInvalidField, "decision_date must be YYYY-MM-DD", "decision_date");
  return static_cast<std::int64_t>(midnight->timestamp().epochTime());
}

std::string achievementName(const CredentialData& credential) {
  if (credential.kind == "certificate") return "CQPM " + credential.cqpm_title;
  return "Blocs de compétences du CQPM " + credential.cqpm_title;
}

std::string achievementDescription(const CredentialData& credential) {
  std::string text =
      credential.kind == "certificate"
          ? "Certificat de qualification paritaire de la métallurgie « " + credential.cqpm_title + " »"
          : "Attestation de validation de blocs de compétences du CQPM « " + credential.cqpm_title + " »";
  if (credential.cqpm_number) text += ", CQPM n° " + *credential.cqpm_number;
  for (const auto& bloc : credential.blocs) {
    text += "\n• " + (bloc.code.empty() ? std::string() : bloc.code + " — ") + bloc.title;
  }
  return text;
}

Object::Ptr credentialJson(const CredentialData& credential) {
  Object::Ptr issuer = new Object;
  issuer->set("id", credential.issuer_url);
  issuer->set("type", arrayOfTexts({"Profile"}));
  issuer->set("name", credential.issuer_name);

  Object::Ptr criteria = new Object;
  criteria->set(
      "narrative",
      "Décision du jury paritaire de délibération de la branche de la métallurgie, après évaluation selon "
      "le référentiel du CQPM (version " +
          std::to_string(credential.referential_version) + ").");
  Object::Ptr achievement = new Object;
  achievement->set("id", credential.verification_url + "#achievement");
  achievement->set("type", arrayOfTexts({"Achievement"}));
  achievement->set("achievementType", credential.kind == "certificate" ? "Certificate" : "Competency");
  achievement->set("name", achievementName(credential));
  achievement->set("description", achievementDescription(credential));
  achievement->set("criteria", criteria);
  if (credential.cqpm_number) achievement->set("humanCode", *credential.cqpm_number);

  // The holder named in plain text (OB 3.0 IdentityObject, not hashed): the paper certificate
  // names them too, and a verifier compares the two.
  Object::Ptr identity = new Object;
  identity->set("type", "IdentityObject");
  identity->set("identityType", "name");
  identity->set("hashed", false);
  identity->set("identityHash", credential.holder_name);
  Array::Ptr identifiers = new Array;
  identifiers->add(identity);
  Object::Ptr subject = new Object;
  subject->set("type", arrayOfTexts({"AchievementSubject"}));
  subject->set("identifier", identifiers);
  subject->set("achievement", achievement);

  Object::Ptr evidence = new Object;
  evidence->set("id", credential.verification_url);
  evidence->set("type", arrayOfTexts({"Evidence"}));
  evidence->set("name", "Décision du jury paritaire");
  evidence->set("narrative", "Décision du " + credential.decision_date + ", scellée par le SHA-256 " +
                                 credential.decision_sha256 + " ; référentiel au commit " +
                                 credential.referential_commit + ".");
  // The seal and the commit also as values a program reads (this platform's own members).
  evidence->set("decisionSha256", credential.decision_sha256);
  evidence->set("referentialCommit", credential.referential_commit);
  Array::Ptr evidences = new Array;
  evidences->add(evidence);

  Object::Ptr json = new Object;
  json->set("@context", arrayOfTexts({"https://www.w3.org/2018/credentials/v1",
                                      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}));
  json->set("id", credential.verification_url);
  json->set("type", arrayOfTexts({"VerifiableCredential", "OpenBadgeCredential"}));
  json->set("issuer", issuer);
  json->set("issuanceDate", credential.decision_date + "T00:00:00Z");
  json->set("name", achievementName(credential));
  json->set("credentialSubject", subject);
  json->set("evidence", evidences);
  return json;
}

std::vector<std::string_view> splitJwt(std::string_view jwt) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t dot = jwt.find('.'); dot != std::string_view::npos; dot = jwt.find('.', start)) {
    parts.push_back(jwt.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(jwt.substr(start));
  return parts;
}

std::string textAt(const Object::Ptr& object, const std::string& name) {
  return object && object->has(name) && object->get(name).isString() ? object->getValue<std::string>(name)
                                                                     : "";
}

}  // namespace

std::string issueCredentialJwt(const CredentialData& credential, const audit::SigningKey& key) {
  Object::Ptr header = new Object;
  header->set("alg", "EdDSA");
  header->set("typ", "JWT");
  header->set("kid", credential.issuer_url + "/.well-known/jwks.json#" + key.publicKey().keyId());
  Object::Ptr payload = credentialJson(credential);
  payload->set("iss", credential.issuer_url);
  payload->set("jti", credential.verification_url);
  payload->set("nbf", epochOfDay(credential.decision_date));
  const std::string signing_input = base64Url(toJsonText(header)) + "." + base64Url(toJsonText(payload));
  return signing_input + "." + base64Url(key.sign(signing_input));
}

CredentialCheck checkCredentialJwt(std::string_view jwt, const audit::VerifyingKey& key) {
  CredentialCheck check;
  const auto parts = splitJwt(jwt);
  if (parts.size() != 3) {
    check.problem = "not a compact JWT (three parts separated by dots)";
    return check;
  }
  try {
    const auto header = Poco::JSON::Parser().parse(fromBase64Url(parts[0], "header")).extract<Object::Ptr>();
    const auto payload =
        Poco::JSON::Parser().parse(fromBase64Url(parts[1], "payload")).extract<Object::Ptr>();
    if (textAt(header, "alg") != "EdDSA") {
      check.problem = "its algorithm is not EdDSA";
      return check;
    }
    const std::string kid = textAt(header, "kid");
    check.key_id = kid.substr(kid.find('#') == std::string::npos ? 0 : kid.find('#') + 1);
    const std::string signing_input = std::string(parts[0]) + "." + std::string(parts[1]);
    check.signature_valid = key.verifies(signing_input, fromBase64Url(parts[2], "signature"));
    if (!check.signature_valid)
      check.problem = "the signature does not match: the credential was altered or signed by another key";
    const Object::Ptr subject = payload->getObject("credentialSubject");
    const Array::Ptr identifiers = subject ? subject->getArray("identifier") : nullptr;
    if (identifiers && identifiers->size() > 0)
      check.holder_name = textAt(identifiers->getObject(0), "identityHash");
    check.achievement = subject ? textAt(subject->getObject("achievement"), "name") : "";
    check.issued = textAt(payload, "issuanceDate");
    check.verification_url = textAt(payload, "jti");
    const Array::Ptr evidence = payload->getArray("evidence");
    if (evidence && evidence->size() > 0) {
      check.decision_sha256 = textAt(evidence->getObject(0), "decisionSha256");
      check.referential_commit = textAt(evidence->getObject(0), "referentialCommit");
    }
  } catch (const Poco::Exception&) {
    check.signature_valid = false;
    check.problem = "its header or payload is not JSON";
  } catch (const Error& e) {
    check.signature_valid = false;
    check.problem = e.what();
  }
  return check;
}

}  // namespace cqpm::awards
