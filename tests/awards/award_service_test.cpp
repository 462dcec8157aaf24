#include "juries/jury_fixture.h"
#include "store/account_store.h"

// The award service's records, below the API: what a verification tells of an
// award (typed as a person types it, then once its decision is revoked), the
// refusals naming the code, and the PDF for whoever reads the file.

namespace cqpm::testing {
namespace {

class AwardServiceTest : public JuryApiTest {
 protected:
  /// A published certificate of a file registered under the CQPM once at the RNCP; its verification code.
  std::string certifiedCode(const std::string& family_name) {
    registerAtRncp();
    const std::string file = readyFile(family_name);
    const std::string session = openSession({file});
    EXPECT_EQ(decide(session, file, "{}").status, 201);
    publishSession(session);
    const auto decision = decisionOf(file);
    decision_id_ = decision->getValue<std::string>("id");
    award_id_ = decision->getArray("awards")->getObject(0)->getValue<std::string>("id");
    return decision->getArray("awards")->getObject(0)->getValue<std::string>("verification_code");
  }

  domain::Actor actor(const std::string& token) const {
    return server_->server().database().read(
        [&](store::SqlSession& sql) { return *store::account_store::actorOfUser(sql, userId(token)); });
  }

  std::string decision_id_, award_id_;
};

TEST_P(AwardServiceTest, AVerificationNamesTheHolderTheCqpmAndItsBlocs) {
  const std::string code = certifiedCode("Vérifié");
  auto& awards = server_->server().awards();
  std::string typed;  // as a person types it: lower case, no dashes
  for (char c : code) {
    if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const awards::AwardVerification verified = awards.verify(typed, "127.0.0.1");
  EXPECT_TRUE(verified.valid);
  EXPECT_EQ(verified.holder_name, "Alex Vérifié");
  EXPECT_EQ(verified.cqpm_id, "qualite");
  EXPECT_EQ(verified.cqpm_title, "Technicien de la qualité");
  EXPECT_EQ(verified.cqpm_number.value_or(""), "MQ 2015 06 69 0334");
  ASSERT_EQ(verified.blocs.size(), 3u);
  for (std::size_t i = 0; i < verified.blocs.size(); ++i) {
    EXPECT_EQ(verified.blocs[i].rncp_code, "RNCP37854BC0" + std::to_string(i + 1));
    EXPECT_FALSE(verified.blocs[i].title.empty());
  }
  EXPECT_EQ(verified.decision_date, JuryApiTest::today());
  EXPECT_EQ(verified.referential_version, 2);  // the version that records the RNCP registration

  const auto revoked = client().postJson("/api/v1/decisions/" + decision_id_ + "/revocation",
                                         R"({"reason":"Fraude constatée"})", centre_);
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_FALSE(awards.verify(code, "127.0.0.1").valid);
}

TEST_P(AwardServiceTest, UnknownCodesAndRevokedDocumentsAreRefused) {
  auto& awards = server_->server().awards();
  for (const std::string code : {"K7QM-4XPA-9RTE", "abc", ""}) {
    SCOPED_TRACE(code);
    try {
      awards.verify(code, "127.0.0.1");
      ADD_FAILURE() << "verified";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kNotFound);
      EXPECT_EQ(e.field(), "code");
    }
  }
  certifiedCode("Imprimé");
  // The PDF is for the file's readers; anyone else is told there is no such award.
  EXPECT_EQ(awards.certificatePdf(actor(centre_), award_id_).rfind("%PDF", 0), 0u);
  try {
    awards.certificatePdf(actor(client().login("candidat")), award_id_);
    ADD_FAILURE() << "another candidate read the certificate";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
  // Once the decision is revoked, the document is no longer issued.
  ASSERT_EQ(client()
                .postJson("/api/v1/decisions/" + decision_id_ + "/revocation",
                          R"({"reason":"Fraude constatée"})", centre_)
                .status,
            200);
  try {
    awards.certificatePdf(actor(centre_), award_id_);
    ADD_FAILURE() << "a revoked decision's certificate was printed";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidState);
    EXPECT_EQ(e.field(), "award");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, AwardServiceTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
