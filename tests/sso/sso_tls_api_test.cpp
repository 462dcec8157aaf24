// Single sign-on with a provider over real TLS, as every provider outside this machine is: its
// certificate must chain to an authority the server trusts (the system's, or cqpm.sso.ca_file for a
// centre's private one) and name the provider's host; a self-signed certificate or one for another
// name is refused when the administrator sets the provider, naming the issuer.

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include <limits>

#include "http/api_fixture.h"
#include "support/oidc_test_provider.h"
#include "support/test_pki.h"

namespace cqpm::testing {
namespace {

const std::string kTlsClientId = "cqpm-hub-tls";
const std::string kTlsClientSecret = "tls-secret";

class SsoOverTlsTest : public ApiTest {
 protected:
  /// One set of certificates for the suite (openssl takes a moment to make them).
  static const TestPki& pki() {
    static const TestPki made;
    return made;
  }

  TestServerOptions serverOptions() const override {
    TestServerOptions options;
    options.configure = [authority = pki().authority()](app::ServerConfig& config) {
      config.sso_ca_file = authority;
    };
    options.configure_keeps_seed = true;
    return options;
  }

  std::string centreId() const {
    const std::string centre = client().login("centre");
    return client().get("/api/v1/me", centre).json()->getObject("organisation")->getValue<std::string>("id");
  }

  HttpAnswer configure(const std::string& organisation_id, const std::string& issuer,
                       const std::string& admin) {
    return client().request(
        "PUT", "/api/v1/organisations/" + organisation_id + "/sso",
        R"({"issuer":")" + issuer + R"(","client_id":")" + kTlsClientId + R"(","client_secret":")" +
            kTlsClientSecret + R"("})",
        {{"Authorization", "Bearer " + admin}, {"Content-Type", "application/json"}, {"X-CQPM-CSRF", "1"}});
  }

  /// GET `url` over TLS as a browser trusting the test authority; its Location header.
  static std::string redirectOf(const std::string& url) {
    const Poco::URI uri(url);
    const Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", pki().authority(),
                               Poco::Net::Context::VERIFY_RELAXED, 9, false);
    Poco::Net::HTTPSClientSession session(uri.getHost(), uri.getPort(), context);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response).ignore(std::numeric_limits<std::streamsize>::max());
    EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_FOUND);
    return response.get("Location", "");
  }
};

TEST_P(SsoOverTlsTest, ACoordinatorLogsInThroughAProviderCertifiedByTheConfiguredAuthority) {
  OidcTestProvider provider(kTlsClientId, kTlsClientSecret, &pki().localhost());
  const std::string admin = client().login("admin");
  const std::string centre_id = centreId();
  const HttpAnswer set = configure(centre_id, provider.issuer(), admin);
  ASSERT_EQ(set.status, 200) << set.body;

  provider.signIn("centre@exemple.fr", true);
  const HttpAnswer start = client().get("/api/v1/auth/sso/" + centre_id + "/start", "");
  ASSERT_EQ(start.status, 302) << start.body;
  ASSERT_EQ(start.headers.at("location").rfind(provider.issuer() + "/authorize?", 0), 0u);
  const Poco::URI back(redirectOf(start.headers.at("location")));
  const HttpAnswer done = client().request("GET", back.getPathAndQuery());
  ASSERT_EQ(done.status, 302) << done.body;
  EXPECT_EQ(done.headers.at("location"), "/");  // the token and the keys came over TLS too
  EXPECT_EQ(provider.redeemed(), 1);
  EXPECT_EQ(provider.keySetReads(), 1);
}

TEST_P(SsoOverTlsTest, ASelfSignedCertificateOrOneForAnotherNameIsRefused) {
  const std::string admin = client().login("admin");
  const std::string centre_id = centreId();
  for (const TestPki::Identity* identity : {&pki().selfSigned(), &pki().otherName()}) {
    SCOPED_TRACE(identity->certificate);
    OidcTestProvider provider(kTlsClientId, kTlsClientSecret, identity);
    const HttpAnswer set = configure(centre_id, provider.issuer(), admin);
    EXPECT_EQ(set.status, 503) << set.body;
    EXPECT_EQ(set.errorField(), "issuer");
    EXPECT_EQ(provider.discoveries(), 0);  // nothing was read from it
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, SsoOverTlsTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
