// The provider's published keys (JWK Set) and PKCE's S256 challenge.

#include "sso/provider_keys.h"

#include <gtest/gtest.h>

#include "common/base64url.h"
#include "common/error.h"
#include "sso/pkce.h"
#include "support/oidc_test_issuer.h"

namespace cqpm::sso {
namespace {

std::string jwksRefusalField(const std::string& jwks) {
  try {
    ProviderKeys::fromJwks(jwks);
    return "accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidField) << error.what();
    return error.field();
  }
}

TEST(ProviderKeysTest, SigningKeysOfKnownKindsAreReadAndTheOthersSkipped) {
  const testing::OidcTestIssuer issuer("rsa-1");
  std::string jwks = issuer.jwks();
  // An encryption key and an elliptic-curve key besides: neither signs our tokens.
  const std::string others = R"({"kty":"RSA","use":"enc","kid":"enc-1","n":"AQAB","e":"AQAB"},)"
                             R"({"kty":"EC","crv":"P-256","kid":"ec-1","x":"AA","y":"AA"},)";
  jwks.insert(jwks.find('[') + 1, others);
  const ProviderKeys keys = ProviderKeys::fromJwks(jwks);
  EXPECT_EQ(keys.size(), 1u);
  const std::string token = issuer.sign(R"({"sub":"1"})");
  const std::size_t dot = token.rfind('.');
  const std::string signature = fromBase64Url(token.substr(dot + 1), "signature");
  EXPECT_TRUE(keys.verifies("RS256", "rsa-1", token.substr(0, dot), signature));
  EXPECT_TRUE(keys.verifies("RS256", "", token.substr(0, dot), signature));  // the only RSA key
  EXPECT_FALSE(keys.verifies("RS256", "enc-1", token.substr(0, dot), signature));
  EXPECT_FALSE(keys.verifies("EdDSA", "rsa-1", token.substr(0, dot), signature));
  EXPECT_FALSE(keys.verifies("RS256", "rsa-1", token.substr(0, dot) + "x", signature));
}

TEST(ProviderKeysTest, AKeySetThatIsNotOneOrAWeakKeyIsRefusedNamingTheJwks) {
  EXPECT_EQ(jwksRefusalField("not json"), "jwks");
  EXPECT_EQ(jwksRefusalField("[]"), "jwks");
  EXPECT_EQ(jwksRefusalField(R"({"keys":{}})"), "jwks");
  EXPECT_EQ(jwksRefusalField(R"({"keys":[{"kty":"RSA","e":"AQAB"}]})"), "jwks");
  EXPECT_EQ(jwksRefusalField(R"({"keys":[{"kty":"RSA","n":"***","e":"AQAB"}]})"), "jwks");
  const std::string modulus_1024(128, '\xC1');
  EXPECT_EQ(
      jwksRefusalField(R"({"keys":[{"kty":"RSA","n":")" + base64Url(modulus_1024) + R"(","e":"AQAB"}]})"),
      "jwks");
  EXPECT_EQ(jwksRefusalField(R"({"keys":[{"kty":"OKP","crv":"Ed25519","x":"AAAA"}]})"), "jwks");
  EXPECT_EQ(jwksRefusalField(R"({"keys":[]})"), "accepted");  // empty: every token will be refused
}

TEST(PkceTest, TheChallengeIsTheRfcsForItsExampleVerifier) {
  // RFC 7636, appendix B.
  EXPECT_EQ(s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(PkceTest, EachPairIsNewAndCarriesItsOwnChallenge) {
  const Pkce first = newPkce();
  const Pkce second = newPkce();
  EXPECT_EQ(first.verifier.size(), 43u);
  EXPECT_NE(first.verifier, second.verifier);
  EXPECT_EQ(first.challenge, s256Challenge(first.verifier));
}

}  // namespace
}  // namespace cqpm::sso
