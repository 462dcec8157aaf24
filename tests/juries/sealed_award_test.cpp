// A sealed award (issue 16, item 4): the certificate, the minutes and the public verification carry
// the same seal of the decision record and the referential commit; the award is also a signed
// Open Badges 3.0 credential the holder's readers download and `cqpm audit verify-credential` checks.

#include <Poco/TemporaryFile.h>

#include <fstream>
#include <sstream>

#include "app/audit_command.h"
#include "audit/ed25519_key.h"
#include "awards/award_credential.h"
#include "juries/jury_fixture.h"

namespace cqpm::testing {
namespace {

class SealedAwardTest : public JuryApiTest {};

TEST_P(SealedAwardTest, TheSealIsTheSameOnEveryDocumentAndTheCredentialChecks) {
  const std::string id = readyFile("Scellé", "vae");
  const std::string session = openSession({id});
  ASSERT_EQ(decide(session, id, R"({"outcome":"certified"})").status, 201);
  publishSession(session);
  const auto award = decisionOf(id)->getArray("awards")->getObject(0);
  const std::string award_id = award->getValue<std::string>("id");

  const auto verified =
      client().get("/api/v1/verify/" + award->getValue<std::string>("verification_code"), "");
  ASSERT_EQ(verified.status, 200) << verified.body;
  const std::string seal = verified.json()->getValue<std::string>("decision_sha256");
  const std::string commit = verified.json()->getValue<std::string>("referential_commit");
  ASSERT_EQ(seal.size(), 64u);
  ASSERT_EQ(commit.size(), 40u);

  const std::string certificate =
      flatText(pdfText(client().get("/api/v1/awards/" + award_id + "/document.pdf", centre_).body));
  EXPECT_NE(certificate.find(seal.substr(0, 32) + " " + seal.substr(32)), std::string::npos) << certificate;
  EXPECT_NE(certificate.find("(commit " + commit.substr(0, 12) + ")"), std::string::npos) << certificate;
  const std::string minutes =
      flatText(pdfText(client().get("/api/v1/jury-sessions/" + session + "/minutes.pdf", centre_).body));
  EXPECT_NE(minutes.find("Sceau de la décision (SHA-256) : " + seal), std::string::npos) << minutes;

  const auto credential = client().get("/api/v1/awards/" + award_id + "/credential.jwt", centre_);
  ASSERT_EQ(credential.status, 200) << credential.body;
  EXPECT_EQ(credential.headers.at("content-type"), "application/jwt");
  const awards::CredentialCheck check = awards::checkCredentialJwt(credential.body, publishedKey());
  EXPECT_TRUE(check.signature_valid) << check.problem;
  EXPECT_EQ(check.decision_sha256, seal);
  EXPECT_EQ(check.referential_commit, commit);
  EXPECT_EQ(check.holder_name, "Alex Scellé");

  // Offline, with the published key: valid; one character of the payload changed: broken.
  Poco::TemporaryFile key_file, jwt_file, forged_file;
  std::ofstream(key_file.path()) << publishedKey().pem();
  std::ofstream(jwt_file.path()) << credential.body;
  std::ostringstream out, err;
  EXPECT_EQ(
      app::runAuditCommand({"audit", "verify-credential", jwt_file.path(), "--public-key", key_file.path()},
                           {}, out, err),
      app::kAuditIntact)
      << err.str();
  EXPECT_NE(out.str().find("holder: Alex Scellé"), std::string::npos) << out.str();
  std::string forged = credential.body;
  const std::size_t middle = forged.find('.') + 10;
  forged[middle] = forged[middle] == 'A' ? 'B' : 'A';
  std::ofstream(forged_file.path()) << forged;
  std::ostringstream forged_out, forged_err;
  EXPECT_EQ(app::runAuditCommand(
                {"audit", "verify-credential", forged_file.path(), "--public-key", key_file.path()}, {},
                forged_out, forged_err),
            app::kAuditBroken);
  EXPECT_NE(forged_err.str().find("BROKEN credential"), std::string::npos) << forged_err.str();

  // Like the PDF: not for those who may not read the file.
  EXPECT_EQ(client().get("/api/v1/awards/" + award_id + "/credential.jwt", client().login("centre2")).status,
            404);
  EXPECT_EQ(client().get("/api/v1/awards/" + award_id + "/credential.jwt", "").status, 401);
}

INSTANTIATE_TEST_SUITE_P(Backends, SealedAwardTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
