// The provider's discovery document: what a login needs of it, refused
// naming the member at fault.

#include "sso/provider_metadata.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace cqpm::sso {
namespace {

const std::string kDiscoveredIssuer = "https://sso.uimm-lyon.example";

std::string document(const std::string& authorization = kDiscoveredIssuer + "/authorize",
                     const std::string& methods = R"(["S256"])") {
  return R"({"issuer":")" + kDiscoveredIssuer + R"(","authorization_endpoint":")" + authorization +
         R"(","token_endpoint":")" + kDiscoveredIssuer + R"(/token","jwks_uri":")" + kDiscoveredIssuer +
         R"(/jwks","response_types_supported":["code","id_token"],"code_challenge_methods_supported":)" +
         methods + "}";
}

std::string metadataRefusalField(const std::string& json, const std::string& issuer = kDiscoveredIssuer) {
  try {
    parseProviderMetadata(json, issuer);
    return "accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidField);
    return error.field();
  }
}

TEST(ProviderMetadataTest, TheEndpointsOfTheIssuerAreRead) {
  const ProviderMetadata metadata = parseProviderMetadata(document(), kDiscoveredIssuer);
  EXPECT_EQ(metadata.authorization_endpoint, kDiscoveredIssuer + "/authorize");
  EXPECT_EQ(metadata.token_endpoint, kDiscoveredIssuer + "/token");
  EXPECT_EQ(metadata.jwks_uri, kDiscoveredIssuer + "/jwks");
  EXPECT_EQ(discoveryUrl(kDiscoveredIssuer + "/"), kDiscoveredIssuer + "/.well-known/openid-configuration");
}

TEST(ProviderMetadataTest, AnotherIssuerPlainHttpOrNoS256IsRefusedNamingTheMember) {
  EXPECT_EQ(metadataRefusalField(document(), "https://other.example"), "issuer");
  EXPECT_EQ(metadataRefusalField("{"), "issuer");
  EXPECT_EQ(metadataRefusalField(document("http://sso.uimm-lyon.example/authorize")),
            "authorization_endpoint");
  EXPECT_EQ(metadataRefusalField(document(kDiscoveredIssuer + "/authorize", R"(["plain"])")),
            "code_challenge_methods_supported");
  EXPECT_EQ(metadataRefusalField(R"({"issuer":")" + kDiscoveredIssuer + R"("})"), "authorization_endpoint");
  // A provider on this machine may speak plain http (the tests' own, a local gateway).
  EXPECT_EQ(metadataRefusalField(document("http://127.0.0.1:8081/authorize")), "accepted");
  EXPECT_TRUE(isSafeEndpoint("http://localhost:9000/token"));
  EXPECT_FALSE(isSafeEndpoint("http://127.0.0.1.evil.example/token"));
  EXPECT_FALSE(isSafeEndpoint("ftp://sso.example/token"));
  EXPECT_FALSE(isSafeEndpoint("https:///token"));
}

TEST(ProviderMetadataTest, TheEndSessionEndpointIsOptionalAndCheckedLikeTheOthers) {
  EXPECT_EQ(parseProviderMetadata(document(), kDiscoveredIssuer).end_session_endpoint, "");
  std::string with_logout = document();
  with_logout.insert(with_logout.size() - 1,
                     R"(,"end_session_endpoint":")" + kDiscoveredIssuer + R"(/logout")");
  EXPECT_EQ(parseProviderMetadata(with_logout, kDiscoveredIssuer).end_session_endpoint,
            kDiscoveredIssuer + "/logout");
  std::string plain = document();
  plain.insert(plain.size() - 1, R"(,"end_session_endpoint":"http://sso.uimm-lyon.example/logout")");
  EXPECT_EQ(metadataRefusalField(plain), "end_session_endpoint");
}

}  // namespace
}  // namespace cqpm::sso
