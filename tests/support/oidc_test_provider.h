#pragma once

#include <Poco/Net/HTTPServer.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "support/oidc_test_issuer.h"
#include "support/test_pki.h"

namespace cqpm::testing {

/// The query parameters of `uri` by name (the last one wins when a name repeats).
std::map<std::string, std::string> queryOf(const std::string& uri);

/// A small OpenID provider on a loopback port, for the single sign-on tests:
/// discovery, JWKS, an authorization endpoint that signs in whoever the test
/// says (no login page) and redirects back with a code, and a token endpoint
/// that checks the client's secret, the redirect URI and the PKCE verifier
/// before answering an RS256 ID token, and an end-session endpoint
/// (RP-Initiated Logout) that forgets who it signed in and sends the browser
/// back. Real HTTP, real signatures.
class OidcTestProvider {
 public:
  /// Plain HTTP on 127.0.0.1; with `tls`, HTTPS with that certificate, at https://localhost.
  OidcTestProvider(std::string client_id, std::string client_secret, const TestPki::Identity* tls = nullptr);
  ~OidcTestProvider();
  OidcTestProvider(const OidcTestProvider&) = delete;
  OidcTestProvider& operator=(const OidcTestProvider&) = delete;

  /// http://127.0.0.1:<port>, or https://localhost:<port> over TLS.
  std::string issuer() const;
  int port() const;

  /// Who the next authorizations sign in.
  void signIn(const std::string& email, bool email_verified);
  /// The next ID token carries another nonce than the one asked for (a replay).
  void sendWrongNonceOnce();

  /// How many codes the token endpoint redeemed, and refused.
  int redeemed() const;
  int refused() const;
  /// How many times the discovery document and the key set were read.
  int discoveries() const;
  int keySetReads() const;
  /// From now on, tokens are signed with a new key of another id, the only one the key set lists.
  void rotateKey();
  /// Whether the discovery document lists the end-session endpoint (it does unless told).
  void offerLogout(bool offered);
  /// The logouts the end-session endpoint took: the client id and the
  /// post-logout redirect URI of each, in order.
  struct Logout {
    std::string client_id;
    std::string post_logout_redirect_uri;
  };
  std::vector<Logout> logouts() const;
  /// Whether someone is signed in at the provider (signIn, until a logout).
  bool signedIn() const;

  /// What the provider does with a request (public for its handler).
  struct Reply {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string location;
  };
  Reply handle(const std::string& method, const std::string& uri, const std::string& authorization,
               const std::string& body);

 private:
  struct Grant {
    std::string redirect_uri;
    std::string nonce;
    std::string challenge;
    std::string email;
    bool email_verified = false;
  };
  Reply discovery() const;
  Reply authorize(const std::string& uri);
  Reply token(const std::string& authorization, const std::string& body);
  Reply endSession(const std::string& uri);

  std::string client_id_;
  std::string client_secret_;
  bool tls_ = false;
  OidcTestIssuer keys_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  mutable std::mutex mutex_;
  std::string email_;
  bool email_verified_ = true;
  bool wrong_nonce_ = false;
  int next_code_ = 0;
  int redeemed_ = 0;
  int refused_ = 0;
  int discoveries_ = 0;
  int key_set_reads_ = 0;
  int rotations_ = 0;
  std::map<std::string, Grant> grants_;
  bool logout_offered_ = true;
  std::vector<Logout> logouts_;
};

}  // namespace cqpm::testing
