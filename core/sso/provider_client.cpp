#include "sso/provider_client.h"

#include <Poco/Crypto/OpenSSLInitializer.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/URI.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <memory>
#include <sstream>

#include "common/error.h"
#include "sso/provider_metadata.h"

namespace cqpm::sso {

namespace {

constexpr std::streamsize kMaxAnswerBytes = std::streamsize{1} << 20;

[[noreturn]] void unreachable(const Poco::URI& uri, const std::string& why) {
  throw Error(ErrorCode::kUnavailable, "the identity provider " + uri.getHost() + " " + why, "issuer");
}

std::unique_ptr<Poco::Net::HTTPClientSession> sessionFor(const Poco::URI& uri, std::chrono::seconds timeout,
                                                         const std::string& extra_ca_file) {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (uri.getScheme() == "https") {
    // The system's certificate authorities and the configured ones, the peer's name checked
    // against the URL's host.
    const Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", extra_ca_file,
                               Poco::Net::Context::VERIFY_RELAXED, 9, true);
    // OpenSSL itself checks that the certificate names the host, during the chain's verification:
    // Poco's own check after the handshake let a certificate for another name through (a trusted
    // authority's certificate for sso.example.org served at localhost: tests/sso/sso_tls_api_test.cpp).
    X509_VERIFY_PARAM* verify = SSL_CTX_get0_param(context->sslContext());
    Poco::Net::IPAddress address;
    const bool named = Poco::Net::IPAddress::tryParse(uri.getHost(), address)
                           ? X509_VERIFY_PARAM_set1_ip_asc(verify, uri.getHost().c_str()) == 1
                           : X509_VERIFY_PARAM_set1_host(verify, uri.getHost().c_str(), 0) == 1;
    if (!named) unreachable(uri, "has a host name that cannot be checked");
    session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), context);
  } else {
    session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
  }
  session->setTimeout(Poco::Timespan(timeout.count(), 0));
  return session;
}

std::string formEncoded(const std::string& text) {
  std::string encoded;
  Poco::URI::encode(text, "!#$&'()*+,/:;=?@[]", encoded);
  return encoded;
}

struct Answer {
  int status = 0;
  std::string body;
};

template <class Send>
Answer exchange(const std::string& url, std::chrono::seconds timeout, const std::string& extra_ca_file,
                Send&& send) {
  if (!isSafeEndpoint(url))
    throw Error(ErrorCode::kInvalidField, url + " is neither https nor on this machine", "issuer");
  const Poco::URI uri(url);
  try {
    const auto session = sessionFor(uri, timeout, extra_ca_file);
    Poco::Net::HTTPResponse response;
    std::istream& body =
        send(*session, uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(), response);
    Answer answer{static_cast<int>(response.getStatus()), {}};
    std::ostringstream read;
    char buffer[8192];
    std::streamsize total = 0;
    while (body.read(buffer, sizeof buffer) || body.gcount() > 0) {
      total += body.gcount();
      if (total > kMaxAnswerBytes) unreachable(uri, "answered more than 1 MiB");
      read.write(buffer, body.gcount());
    }
    answer.body = read.str();
    return answer;
  } catch (const Poco::Exception& error) {
    unreachable(uri, "could not be reached: " + error.displayText());
  }
}

}  // namespace

ProviderClient::ProviderClient(std::chrono::seconds timeout, std::string extra_ca_file)
    : timeout_(timeout), extra_ca_file_(std::move(extra_ca_file)) {
  // Poco's OpenSSL set-up is reference counted, and a count falling to zero
  // while another thread raises it frees what that thread uses (see
  // common/sha256.h): held for this client's whole life, it never falls.
  Poco::Crypto::OpenSSLInitializer::initialize();
}

ProviderClient::~ProviderClient() { Poco::Crypto::OpenSSLInitializer::uninitialize(); }

std::string ProviderClient::get(const std::string& url) const {
  const Answer answer = exchange(url, timeout_, extra_ca_file_,
                                 [](Poco::Net::HTTPClientSession& session, const std::string& path,
                                    Poco::Net::HTTPResponse& response) -> std::istream& {
                                   Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                                                  Poco::Net::HTTPMessage::HTTP_1_1);
                                   request.set("Accept", "application/json");
                                   session.sendRequest(request);
                                   return session.receiveResponse(response);
                                 });
  if (answer.status != 200) unreachable(Poco::URI(url), "answered HTTP " + std::to_string(answer.status));
  return answer.body;
}

std::string ProviderClient::postForm(const std::string& url,
                                     const std::vector<std::pair<std::string, std::string>>& form,
                                     const std::string& client_id, const std::string& client_secret) const {
  const Answer answer =
      exchange(url, timeout_, extra_ca_file_,
               [&](Poco::Net::HTTPClientSession& session, const std::string& path,
                   Poco::Net::HTTPResponse& response) -> std::istream& {
                 Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path,
                                                Poco::Net::HTTPMessage::HTTP_1_1);
                 request.set("Accept", "application/json");
                 // RFC 6749 §2.3.1: the client id and secret form-encoded before Basic.
                 Poco::Net::HTTPBasicCredentials(formEncoded(client_id), formEncoded(client_secret))
                     .authenticate(request);
                 Poco::Net::HTMLForm body;
                 for (const auto& [name, value] : form) body.add(name, value);
                 body.prepareSubmit(request);
                 body.write(session.sendRequest(request));
                 return session.receiveResponse(response);
               });
  if (answer.status == 400 || answer.status == 401)
    throw Error(ErrorCode::kUnauthenticated, "the identity provider refused the login's code", "code");
  if (answer.status != 200) unreachable(Poco::URI(url), "answered HTTP " + std::to_string(answer.status));
  return answer.body;
}

}  // namespace cqpm::sso
