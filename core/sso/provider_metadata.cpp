#include "sso/provider_metadata.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include "common/error.h"

namespace cqpm::sso {

namespace {

[[noreturn]] void bad(const std::string& why, const std::string& field) {
  throw Error(ErrorCode::kInvalidField, "the identity provider's configuration: " + why, field);
}

std::string endpoint(const Poco::JSON::Object& document, const std::string& name) {
  if (!document.has(name) || !document.get(name).isString()) bad("no " + name, name);
  const std::string url = document.getValue<std::string>(name);
  if (!isSafeEndpoint(url)) bad(name + " " + url + " is neither https nor on this machine", name);
  return url;
}

bool lists(const Poco::JSON::Object& document, const std::string& name, const std::string& value) {
  const auto list = document.getArray(name);
  if (!list) return false;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Poco::Dynamic::Var item = list->get(static_cast<unsigned>(i));
    if (item.isString() && item.convert<std::string>() == value) return true;
  }
  return false;
}

}  // namespace

std::string discoveryUrl(const std::string& issuer) {
  std::string base = issuer;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/.well-known/openid-configuration";
}

bool isSafeEndpoint(const std::string& url) {
  try {
    const Poco::URI uri(url);
    if (uri.getHost().empty()) return false;
    if (uri.getScheme() == "https") return true;
    const std::string host = uri.getHost();
    return uri.getScheme() == "http" && (host == "127.0.0.1" || host == "::1" || host == "localhost");
  } catch (const Poco::Exception&) {
    return false;
  }
}

ProviderMetadata parseProviderMetadata(const std::string& json, const std::string& expected_issuer) {
  Poco::JSON::Object::Ptr document;
  try {
    document = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    bad("not a JSON object", "issuer");
  }
  if (!document) bad("not a JSON object", "issuer");
  ProviderMetadata metadata;
  metadata.issuer = document->has("issuer") && document->get("issuer").isString()
                        ? document->getValue<std::string>("issuer")
                        : std::string();
  if (metadata.issuer != expected_issuer)
    bad("its issuer \"" + metadata.issuer + "\" is not \"" + expected_issuer + "\"", "issuer");
  metadata.authorization_endpoint = endpoint(*document, "authorization_endpoint");
  metadata.token_endpoint = endpoint(*document, "token_endpoint");
  metadata.jwks_uri = endpoint(*document, "jwks_uri");
  if (document->has("end_session_endpoint"))
    metadata.end_session_endpoint = endpoint(*document, "end_session_endpoint");
  if (document->has("response_types_supported") && !lists(*document, "response_types_supported", "code"))
    bad("it does not offer the authorization code flow", "response_types_supported");
  if (document->has("code_challenge_methods_supported") &&
      !lists(*document, "code_challenge_methods_supported", "S256"))
    bad("it does not offer PKCE with S256", "code_challenge_methods_supported");
  return metadata;
}

}  // namespace cqpm::sso
