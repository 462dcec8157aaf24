#include "sso/id_token.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <vector>

#include "common/base64url.h"
#include "common/error.h"

namespace cqpm::sso {

namespace {

constexpr std::size_t kMaxTokenBytes = 16 * 1024;

[[noreturn]] void refuse(const std::string& why) {
  throw Error(ErrorCode::kUnauthenticated, "the identity provider's token is refused: " + why, "id_token");
}

Poco::JSON::Object::Ptr jsonPart(std::string_view part, const char* what) {
  std::string text;
  try {
    text = fromBase64Url(part, "id_token");
  } catch (const Error&) {
    refuse(std::string("its ") + what + " is not base64url");
  }
  try {
    auto object = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
    if (object) return object;
  } catch (const Poco::Exception&) {
  }
  refuse(std::string("its ") + what + " is not a JSON object");
}

std::string text(const Poco::JSON::Object& object, const std::string& name) {
  return object.has(name) && object.get(name).isString() ? object.getValue<std::string>(name) : std::string();
}

std::optional<std::int64_t> seconds(const Poco::JSON::Object& object, const std::string& name) {
  if (!object.has(name)) return std::nullopt;
  const Poco::Dynamic::Var value = object.get(name);
  if (!value.isNumeric()) return std::nullopt;
  try {
    return value.convert<std::int64_t>();
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> audiences(const Poco::JSON::Object& claims) {
  std::vector<std::string> found;
  if (!claims.has("aud")) return found;
  const Poco::Dynamic::Var aud = claims.get("aud");
  if (aud.isString()) {
    found.push_back(aud.convert<std::string>());
  } else if (const auto list = claims.getArray("aud")) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (list->get(static_cast<unsigned>(i)).isString()) found.push_back(list->getElement<std::string>(i));
    }
  }
  return found;
}

}  // namespace

IdTokenClaims verifyIdToken(std::string_view token, const ProviderKeys& keys,
                            const IdTokenExpectations& expected) {
  if (token.empty() || token.size() > kMaxTokenBytes) refuse("it is empty or too long");
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
    refuse("it is not three parts joined by dots");

  const auto header = jsonPart(token.substr(0, first), "header");
  const std::string alg = text(*header, "alg");
  if (alg != "RS256" && alg != "EdDSA") refuse("its algorithm \"" + alg + "\" is not RS256 or EdDSA");
  std::string signature;
  try {
    signature = fromBase64Url(token.substr(second + 1), "id_token");
  } catch (const Error&) {
    refuse("its signature is not base64url");
  }
  if (!keys.verifies(alg, text(*header, "kid"), token.substr(0, second), signature))
    refuse("its signature is not one of the provider's keys");

  const auto claims = jsonPart(token.substr(first + 1, second - first - 1), "payload");
  if (text(*claims, "iss") != expected.issuer) refuse("it was issued by \"" + text(*claims, "iss") + "\"");
  const auto aud = audiences(*claims);
  if (std::find(aud.begin(), aud.end(), expected.client_id) == aud.end())
    refuse("it was not issued for this client");
  if (aud.size() > 1 && text(*claims, "azp") != expected.client_id)
    refuse("it has several audiences and another authorized party");
  const auto expires = seconds(*claims, "exp");
  if (!expires || *expires + expected.leeway_seconds <= expected.now) refuse("it has expired");
  const auto issued = seconds(*claims, "iat");
  if (!issued || *issued - expected.leeway_seconds > expected.now) refuse("it was issued in the future");
  if (expected.nonce.empty() || text(*claims, "nonce") != expected.nonce)
    refuse("its nonce is not the one this login sent");
  const std::string subject = text(*claims, "sub");
  if (subject.empty()) refuse("it names no subject");

  IdTokenClaims found;
  found.subject = subject;
  if (const std::string email = text(*claims, "email"); !email.empty()) found.email = email;
  if (claims->has("email_verified")) {
    const Poco::Dynamic::Var verified = claims->get("email_verified");
    found.email_verified = (verified.isBoolean() && verified.convert<bool>()) ||
                           (verified.isString() && verified.convert<std::string>() == "true");
  }
  if (const std::string name = text(*claims, "name"); !name.empty()) found.name = name;
  return found;
}

}  // namespace cqpm::sso
