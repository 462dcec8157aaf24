// The checks an ID token from an OpenID provider goes through before anyone is
// logged in with it (OpenID Connect Core §3.1.3.7), each with a token that
// fails it alone.

#include "sso/id_token.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "common/base64url.h"
#include "common/error.h"
#include "support/oidc_test_issuer.h"

namespace cqpm::sso {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;
const std::string kIssuer = "https://sso.uimm-lyon.example";
const std::string kClient = "cqpm-hub";
const std::string kNonce = "n-0S6_WzA2Mj";

class IdTokenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    issuer_ = std::make_unique<testing::OidcTestIssuer>();
    keys_ = std::make_unique<ProviderKeys>(ProviderKeys::fromJwks(issuer_->jwks()));
  }
  static void TearDownTestSuite() {
    keys_.reset();
    issuer_.reset();
  }

  /// The claims of a valid token; each test spoils one.
  static Poco::JSON::Object::Ptr claims() {
    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("iss", kIssuer);
    payload->set("sub", "248289761001");
    payload->set("aud", kClient);
    payload->set("exp", kNow + 300);
    payload->set("iat", kNow - 5);
    payload->set("nonce", kNonce);
    payload->set("email", "claire.martin@uimm-lyon.example");
    payload->set("email_verified", true);
    payload->set("name", "Claire Martin");
    return payload;
  }
  static std::string json(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(object, out);
    return out.str();
  }
  static std::string tokenOf(const Poco::JSON::Object::Ptr& payload) { return issuer_->sign(json(payload)); }
  static IdTokenExpectations expected() { return {kIssuer, kClient, kNonce, kNow, 60}; }

  /// The refusal's message, or "accepted".
  static std::string refusalOf(const std::string& token) {
    try {
      verifyIdToken(token, *keys_, expected());
      return "accepted";
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kUnauthenticated);
      EXPECT_EQ(error.field(), "id_token");
      return error.what();
    }
  }

  static std::unique_ptr<testing::OidcTestIssuer> issuer_;
  static std::unique_ptr<ProviderKeys> keys_;
};
std::unique_ptr<testing::OidcTestIssuer> IdTokenTest::issuer_;
std::unique_ptr<ProviderKeys> IdTokenTest::keys_;

TEST_F(IdTokenTest, AValidTokenGivesItsSubjectVerifiedEmailAndName) {
  const IdTokenClaims found = verifyIdToken(tokenOf(claims()), *keys_, expected());
  EXPECT_EQ(found.subject, "248289761001");
  EXPECT_EQ(found.email, "claire.martin@uimm-lyon.example");
  EXPECT_TRUE(found.email_verified);
  EXPECT_EQ(found.name, "Claire Martin");
}

TEST_F(IdTokenTest, AnEmailIsVerifiedOnlyWhenTheProviderSaysSo) {
  auto payload = claims();
  payload->set("email_verified", false);
  EXPECT_FALSE(verifyIdToken(tokenOf(payload), *keys_, expected()).email_verified);
  payload->remove("email_verified");
  EXPECT_FALSE(verifyIdToken(tokenOf(payload), *keys_, expected()).email_verified);
  payload->set("email_verified", "true");  // some providers send the text
  EXPECT_TRUE(verifyIdToken(tokenOf(payload), *keys_, expected()).email_verified);
}

TEST_F(IdTokenTest, ATokenSignedByAnotherKeyOrAlteredIsRefused) {
  const testing::OidcTestIssuer impostor(issuer_->kid());  // same key id, another key
  EXPECT_NE(refusalOf(impostor.sign(json(claims()))).find("signature"), std::string::npos);

  const std::string token = tokenOf(claims());
  auto payload = claims();
  payload->set("sub", "someone-else");
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  const std::string altered = token.substr(0, first + 1) + base64Url(json(payload)) + token.substr(second);
  EXPECT_NE(refusalOf(altered).find("signature"), std::string::npos);
}

TEST_F(IdTokenTest, NoneAndSharedSecretAlgorithmsAreRefusedWhateverTheSignature) {
  const std::string payload = base64Url(json(claims()));
  EXPECT_NE(refusalOf(base64Url(R"({"alg":"none"})") + "." + payload + ".").find("\"none\""),
            std::string::npos);
  EXPECT_NE(refusalOf(issuer_->sign(json(claims()), R"({"alg":"HS256","kid":"test-key-1"})")).find("HS256"),
            std::string::npos);
}

TEST_F(IdTokenTest, EachClaimThatDoesNotMatchIsNamed) {
  struct Spoilt {
    const char* claim;
    Poco::Dynamic::Var value;
    const char* refusal;
  };
  Poco::JSON::Array::Ptr two = new Poco::JSON::Array;
  two->add(kClient);
  two->add("another-client");
  const std::vector<Spoilt> cases = {
      {"iss", std::string("https://evil.example"), "issued by \"https://evil.example\""},
      {"aud", std::string("another-client"), "not issued for this client"},
      {"aud", two, "several audiences"},
      {"exp", kNow - 61, "expired"},
      {"iat", kNow + 120, "in the future"},
      {"nonce", std::string("replayed"), "nonce"},
      {"sub", std::string(""), "no subject"},
  };
  for (const auto& spoilt : cases) {
    auto payload = claims();
    payload->set(spoilt.claim, spoilt.value);
    EXPECT_NE(refusalOf(tokenOf(payload)).find(spoilt.refusal), std::string::npos) << spoilt.claim;
  }
  auto no_expiry = claims();
  no_expiry->remove("exp");
  EXPECT_NE(refusalOf(tokenOf(no_expiry)).find("expired"), std::string::npos);
  // Within the leeway: a minute of drift either way is forgiven.
  auto drifted = claims();
  drifted->set("exp", kNow - 30);
  drifted->set("iat", kNow + 30);
  EXPECT_EQ(refusalOf(tokenOf(drifted)), "accepted");
  // Several audiences with this client as the authorized party.
  auto shared = claims();
  shared->set("aud", two);
  shared->set("azp", kClient);
  EXPECT_EQ(refusalOf(tokenOf(shared)), "accepted");
}

TEST_F(IdTokenTest, MalformedTokensAreRefusedNotCrashedOn) {
  const std::vector<std::string> malformed = {"",        "abc",      "a.b",
                                              "a.b.c.d", "!!.??.**", std::string(20000, 'a')};
  for (const std::string& token : malformed) {
    EXPECT_NE(refusalOf(token), "accepted") << token.substr(0, 20);
  }
  EXPECT_NE(refusalOf(base64Url("[1]") + "." + base64Url(json(claims())) + ".c2ln").find("header"),
            std::string::npos);
}

}  // namespace
}  // namespace cqpm::sso
