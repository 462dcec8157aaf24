#include "admin/password_policy.h"

#include <Poco/UTF8String.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "common/error.h"

namespace cqpm::admin {

namespace {

constexpr std::size_t kMinimumCharacters = 12;
constexpr std::size_t kMaximumCharacters = 256;

const std::set<std::string>& commonPasswords() {
  static const std::set<std::string> passwords = [] {
    std::set<std::string> all;
    std::istringstream in(commonPasswordsText());
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.front() != '#') all.insert(line);
    }
    return all;
  }();
  return passwords;
}

std::size_t characterCount(const std::string& text) {
  // Continuation bytes (10xxxxxx) do not start a character.
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

[[noreturn]] void refuse(const std::string& rule, const std::string& message, const std::string& field) {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("rule", rule);
  throw Error(ErrorCode::kPasswordPolicy, message, field, details);
}

}  // namespace

void checkPasswordPolicy(const std::string& password, const std::string& login, const std::string& field) {
  const std::size_t characters = characterCount(password);
  if (characters < kMinimumCharacters) {
    refuse("too_short", "Le mot de passe doit compter au moins 12 caractères.", field);
  }
  if (characters > kMaximumCharacters) {
    refuse("too_long", "Le mot de passe ne peut pas dépasser 256 caractères.", field);
  }
  const std::string lowered = Poco::UTF8::toLower(password);
  const std::string lowered_login = Poco::UTF8::toLower(login);
  if (!lowered_login.empty() && lowered.find(lowered_login) != std::string::npos) {
    refuse("same_as_login", "Le mot de passe ne doit pas contenir votre identifiant.", field);
  }
  if (commonPasswords().count(lowered)) {
    refuse("common", "Ce mot de passe est trop courant : choisissez-en un autre.", field);
  }
}

}  // namespace cqpm::admin
