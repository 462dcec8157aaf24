// An award as an Open Badges 3.0 credential signed with the platform's key: what it states, and
// that any change to it, or another key, fails the check.

#include "awards/award_credential.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "common/base64url.h"
#include "common/error.h"
#include "juries/decision_seal.h"

namespace cqpm::awards {
namespace {

CredentialData attestation() {
  CredentialData data;
  data.kind = "bloc_attestation";
  data.verification_url = "https://cqpm.example.fr/verify/K7QM-4XPA-9RTE";
  data.issuer_url = "https://cqpm.example.fr";
  data.issuer_name = "UIMM Lyon-Rhône";
  data.holder_name = "Văn Đức Nguyễn";
  data.cqpm_title = "Technicien(ne) en maintenance industrielle";
  data.cqpm_number = "MQ 2016 04 89 0303";
  data.blocs = {{"BDC0208", "RNCP37825BC01", "La réalisation de pièces"}};
  data.decision_date = "2026-12-01";
  data.decision_sha256 = std::string(64, 'a');
  data.referential_commit = "4e1b7d2a9c3f0e8b6d5a4c3b2a1f0e9d8c7b6a59";
  data.referential_version = 2;
  return data;
}

Poco::JSON::Object::Ptr payloadOf(const std::string& jwt) {
  const std::size_t first = jwt.find('.');
  const std::size_t second = jwt.find('.', first + 1);
  return Poco::JSON::Parser()
      .parse(fromBase64Url(jwt.substr(first + 1, second - first - 1), "payload"))
      .extract<Poco::JSON::Object::Ptr>();
}

TEST(AwardCredentialTest, ACredentialStatesTheAwardAndChecksWithThePlatformKey) {
  const audit::SigningKey key = audit::SigningKey::generate();
  const std::string jwt = issueCredentialJwt(attestation(), key);
  const CredentialCheck check = checkCredentialJwt(jwt, key.publicKey());
  EXPECT_TRUE(check.signature_valid) << check.problem;
  EXPECT_EQ(check.holder_name, "Văn Đức Nguyễn");
  EXPECT_EQ(check.achievement, "Blocs de compétences du CQPM Technicien(ne) en maintenance industrielle");
  EXPECT_EQ(check.issued, "2026-12-01T00:00:00Z");
  EXPECT_EQ(check.verification_url, "https://cqpm.example.fr/verify/K7QM-4XPA-9RTE");
  EXPECT_EQ(check.decision_sha256, std::string(64, 'a'));
  EXPECT_EQ(check.referential_commit, "4e1b7d2a9c3f0e8b6d5a4c3b2a1f0e9d8c7b6a59");
  EXPECT_EQ(check.key_id, key.publicKey().keyId());

  // What Open Badges 3.0 asks of an OpenBadgeCredential in VC-JWT form.
  const auto payload = payloadOf(jwt);
  EXPECT_EQ(payload->getArray("@context")->getElement<std::string>(0),
            "https://www.w3.org/2018/credentials/v1");
  EXPECT_EQ(payload->getArray("type")->getElement<std::string>(1), "OpenBadgeCredential");
  EXPECT_EQ(payload->getObject("issuer")->getValue<std::string>("id"), "https://cqpm.example.fr");
  EXPECT_EQ(payload->getValue<std::string>("iss"), "https://cqpm.example.fr");
  EXPECT_EQ(payload->getValue<std::string>("jti"), payload->getValue<std::string>("id"));
  EXPECT_EQ(payload->getValue<std::int64_t>("nbf"), 1796083200);  // 2026-12-01T00:00:00Z
  const auto achievement = payload->getObject("credentialSubject")->getObject("achievement");
  EXPECT_EQ(achievement->getValue<std::string>("humanCode"), "MQ 2016 04 89 0303");
  EXPECT_NE(achievement->getValue<std::string>("description").find("BDC0208 — La réalisation de pièces"),
            std::string::npos);
}

TEST(AwardCredentialTest, AChangedByteOrAnotherKeyFailsTheCheck) {
  const audit::SigningKey key = audit::SigningKey::generate();
  const std::string jwt = issueCredentialJwt(attestation(), key);
  EXPECT_FALSE(checkCredentialJwt(jwt, audit::SigningKey::generate().publicKey()).signature_valid);

  // The payload re-encoded with another holder: the signature no longer matches.
  CredentialData other = attestation();
  other.holder_name = "Quelqu'un d'autre";
  const std::string forged_payload = issueCredentialJwt(other, audit::SigningKey::generate());
  const std::size_t a = jwt.find('.');
  const std::size_t b = forged_payload.find('.');
  const std::string spliced =
      jwt.substr(0, a) + forged_payload.substr(b, forged_payload.rfind('.') - b) + jwt.substr(jwt.rfind('.'));
  const CredentialCheck check = checkCredentialJwt(spliced, key.publicKey());
  EXPECT_FALSE(check.signature_valid);
  EXPECT_NE(check.problem.find("signature"), std::string::npos) << check.problem;

  EXPECT_FALSE(checkCredentialJwt("not.a-jwt", key.publicKey()).signature_valid);
  EXPECT_FALSE(checkCredentialJwt("a.b.c", key.publicKey()).signature_valid);
}

TEST(AwardCredentialTest, ADateThatIsNotADayIsRefusedNamingTheField) {
  CredentialData data = attestation();
  data.decision_date = "01/12/2026";
  try {
    issueCredentialJwt(data, audit::SigningKey::generate());
    FAIL() << "issued";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "decision_date");
  }
}

TEST(DecisionSealTest, TheSealChangesWithWhatWasDecidedNotWithALaterRevocation) {
  store::JuryDecisionRecord decision;
  decision.id = "d-1";
  decision.session_id = "s-1";
  decision.file_id = "f-1";
  decision.cqpm = "qualite";
  decision.outcome = "certified";
  decision.decided_by = "u-1";
  decision.decided_at = "2026-12-01T10:00:00Z";
  decision.referential_version = 2;
  decision.referential_commit = "abc";
  const std::string seal = juries::decisionSeal(decision);
  EXPECT_EQ(seal.size(), 64u);
  store::JuryDecisionRecord revoked = decision;
  revoked.revoked_at = "2026-12-02T10:00:00Z";
  revoked.revocation_reason = "Erreur";
  revoked.decided_by_name = "Nom lu";
  EXPECT_EQ(juries::decisionSeal(revoked), seal);
  store::JuryDecisionRecord other = decision;
  other.outcome = "not_certified";
  EXPECT_NE(juries::decisionSeal(other), seal);
  other = decision;
  other.referential_commit = "abd";
  EXPECT_NE(juries::decisionSeal(other), seal);
}

}  // namespace
}  // namespace cqpm::awards
