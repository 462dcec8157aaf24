#include "support/oidc_test_provider.h"

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <ctime>
#include <sstream>

#include "sso/pkce.h"

namespace cqpm::testing {

std::map<std::string, std::string> queryOf(const std::string& uri) {
  std::map<std::string, std::string> query;
  for (const auto& [name, value] : Poco::URI(uri).getQueryParameters()) query[name] = value;
  return query;
}

namespace {

class ProviderHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit ProviderHandler(OidcTestProvider& provider) : provider_(provider) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    std::string body;
    Poco::StreamCopier::copyToString(request.stream(), body);
    const auto reply =
        provider_.handle(request.getMethod(), request.getURI(), request.get("Authorization", ""), body);
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    if (!reply.location.empty()) response.set("Location", reply.location);
    response.setContentType(reply.content_type);
    response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
    response.send() << reply.body;
  }

 private:
  OidcTestProvider& provider_;
};

class ProviderHandlers : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit ProviderHandlers(OidcTestProvider& provider) : provider_(provider) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new ProviderHandler(provider_);
  }

 private:
  OidcTestProvider& provider_;
};

std::string jsonText(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(object, out);
  return out.str();
}

OidcTestProvider::Reply error(int status, const std::string& code) {
  return {status, "application/json", R"({"error":")" + code + R"("})", ""};
}

std::string decodedBasic(const std::string& authorization) {
  if (authorization.rfind("Basic ", 0) != 0) return {};
  std::istringstream in(authorization.substr(6));
  Poco::Base64Decoder decoder(in);
  std::string decoded;
  Poco::StreamCopier::copyToString(decoder, decoded);
  return decoded;
}

}  // namespace

OidcTestProvider::OidcTestProvider(std::string client_id, std::string client_secret,
                                   const TestPki::Identity* tls)
    : client_id_(std::move(client_id)),
      client_secret_(std::move(client_secret)),
      tls_(tls != nullptr),
      keys_("provider-key") {
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(2);
  params->setKeepAlive(false);
  const Poco::Net::SocketAddress loopback("127.0.0.1", 0);
  if (tls) {
    const Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_SERVER_USE, tls->key, tls->certificate, "", Poco::Net::Context::VERIFY_NONE);
    Poco::Net::SecureServerSocket socket(loopback, 64, context);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new ProviderHandlers(*this), socket, params);
  } else {
    Poco::Net::ServerSocket socket(loopback);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new ProviderHandlers(*this), socket, params);
  }
  server_->start();
}

OidcTestProvider::~OidcTestProvider() { server_->stopAll(true); }

int OidcTestProvider::port() const { return server_->port(); }

std::string OidcTestProvider::issuer() const {
  return (tls_ ? "https://localhost:" : "http://127.0.0.1:") + std::to_string(port());
}

void OidcTestProvider::signIn(const std::string& email, bool email_verified) {
  const std::lock_guard lock(mutex_);
  email_ = email;
  email_verified_ = email_verified;
}

void OidcTestProvider::sendWrongNonceOnce() {
  const std::lock_guard lock(mutex_);
  wrong_nonce_ = true;
}

int OidcTestProvider::redeemed() const {
  const std::lock_guard lock(mutex_);
  return redeemed_;
}

int OidcTestProvider::refused() const {
  const std::lock_guard lock(mutex_);
  return refused_;
}

int OidcTestProvider::discoveries() const {
  const std::lock_guard lock(mutex_);
  return discoveries_;
}

int OidcTestProvider::keySetReads() const {
  const std::lock_guard lock(mutex_);
  return key_set_reads_;
}

void OidcTestProvider::rotateKey() {
  const std::lock_guard lock(mutex_);
  keys_ = OidcTestIssuer("provider-key-rotated-" + std::to_string(++rotations_));
}

OidcTestProvider::Reply OidcTestProvider::handle(const std::string& method, const std::string& uri,
                                                 const std::string& authorization, const std::string& body) {
  const std::string path = Poco::URI(uri).getPath();
  if (method == "GET" && path == "/.well-known/openid-configuration") {
    const std::lock_guard lock(mutex_);
    ++discoveries_;
    return discovery();
  }
  if (method == "GET" && path == "/jwks") {
    const std::lock_guard lock(mutex_);
    ++key_set_reads_;
    return {200, "application/json", keys_.jwks(), ""};
  }
  if (method == "GET" && path == "/authorize") return authorize(uri);
  if (method == "POST" && path == "/token") return token(authorization, body);
  if (method == "GET" && path == "/logout") return endSession(uri);
  return error(404, "not_found");
}

void OidcTestProvider::offerLogout(bool offered) {
  const std::lock_guard lock(mutex_);
  logout_offered_ = offered;
}

std::vector<OidcTestProvider::Logout> OidcTestProvider::logouts() const {
  const std::lock_guard lock(mutex_);
  return logouts_;
}

bool OidcTestProvider::signedIn() const {
  const std::lock_guard lock(mutex_);
  return !email_.empty();
}

OidcTestProvider::Reply OidcTestProvider::endSession(const std::string& uri) {
  std::map<std::string, std::string> query = queryOf(uri);
  // RP-Initiated Logout 1.0 §2: a post-logout redirect needs the client named (or an ID token hint).
  if (query["client_id"] != client_id_ || query["post_logout_redirect_uri"].empty())
    return error(400, "invalid_request");
  const std::lock_guard lock(mutex_);
  logouts_.push_back({query["client_id"], query["post_logout_redirect_uri"]});
  email_.clear();
  return {302, "text/plain", "", query["post_logout_redirect_uri"]};
}

OidcTestProvider::Reply OidcTestProvider::discovery() const {
  Poco::JSON::Object::Ptr document = new Poco::JSON::Object;
  document->set("issuer", issuer());
  document->set("authorization_endpoint", issuer() + "/authorize");
  document->set("token_endpoint", issuer() + "/token");
  document->set("jwks_uri", issuer() + "/jwks");
  if (logout_offered_) document->set("end_session_endpoint", issuer() + "/logout");
  Poco::JSON::Array::Ptr types = new Poco::JSON::Array;
  types->add("code");
  document->set("response_types_supported", types);
  Poco::JSON::Array::Ptr methods = new Poco::JSON::Array;
  methods->add("S256");
  document->set("code_challenge_methods_supported", methods);
  return {200, "application/json", jsonText(document), ""};
}

OidcTestProvider::Reply OidcTestProvider::authorize(const std::string& uri) {
  std::map<std::string, std::string> query = queryOf(uri);
  if (query["response_type"] != "code" || query["client_id"] != client_id_ || query["state"].empty() ||
      query["nonce"].empty() || query["code_challenge_method"] != "S256" || query["code_challenge"].empty() ||
      query["scope"].find("openid") == std::string::npos)
    return error(400, "invalid_request");
  const std::lock_guard lock(mutex_);
  const std::string code = "code-" + std::to_string(++next_code_);
  grants_[code] = {query["redirect_uri"], query["nonce"], query["code_challenge"], email_, email_verified_};
  Poco::URI back(query["redirect_uri"]);
  back.addQueryParameter("code", code);
  back.addQueryParameter("state", query["state"]);
  return {302, "text/plain", "", back.toString()};
}

OidcTestProvider::Reply OidcTestProvider::token(const std::string& authorization, const std::string& body) {
  const std::lock_guard lock(mutex_);
  // RFC 6749 §2.3.1: the id and the secret are form-encoded inside Basic.
  const std::string pair = decodedBasic(authorization);
  const std::size_t colon = pair.find(':');
  std::string id;
  std::string secret;
  if (colon != std::string::npos) {
    Poco::URI::decode(pair.substr(0, colon), id, true);
    Poco::URI::decode(pair.substr(colon + 1), secret, true);
  }
  if (colon == std::string::npos || id != client_id_ || secret != client_secret_) {
    ++refused_;
    return error(401, "invalid_client");
  }
  std::istringstream in(body);
  Poco::Net::HTMLForm form;
  form.read(in);
  const auto grant = grants_.find(form.get("code", ""));
  if (form.get("grant_type", "") != "authorization_code" || grant == grants_.end() ||
      grant->second.redirect_uri != form.get("redirect_uri", "") ||
      sso::s256Challenge(form.get("code_verifier", "")) != grant->second.challenge) {
    ++refused_;
    return error(400, "invalid_grant");
  }
  const Grant granted = grant->second;
  grants_.erase(grant);  // a code is good once
  ++redeemed_;
  Poco::JSON::Object::Ptr claims = new Poco::JSON::Object;
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  claims->set("iss", issuer());
  claims->set("sub", "subject-of-" + granted.email);
  claims->set("aud", client_id_);
  claims->set("iat", now);
  claims->set("exp", now + 300);
  claims->set("nonce", wrong_nonce_ ? std::string("another-nonce") : granted.nonce);
  wrong_nonce_ = false;
  claims->set("email", granted.email);
  claims->set("email_verified", granted.email_verified);
  Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
  answer->set("access_token", "access-" + std::to_string(redeemed_));
  answer->set("token_type", "Bearer");
  answer->set("id_token", keys_.sign(jsonText(claims)));
  return {200, "application/json", jsonText(answer), ""};
}

}  // namespace cqpm::testing
