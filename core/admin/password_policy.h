#pragma once

#include <string>

namespace cqpm::admin {

/// The list of common passwords (core/admin/common_passwords.txt, compiled in).
const char* commonPasswordsText();

/// The rules every new password follows: at least 12 characters (Unicode
/// characters, not bytes), at most 256, not the login (nor containing it, in
/// any case), and not one of the common passwords shipped with the project.
/// Throws Error{kPasswordPolicy, field} whose message states the broken rule in
/// French and whose details.rule names it: too_short, too_long, same_as_login,
/// common. Thread-safe.
void checkPasswordPolicy(const std::string& password, const std::string& login, const std::string& field);

}  // namespace cqpm::admin
