#pragma once

#include <optional>
#include <string>
#include <string_view>

// The two civil-status facts the Caisse des Dépôts needs to match a certified
// holder with their training account (accrochage/), beside name and birth date.

namespace cqpm::domain {

/// True for "F" or "M", the sexes a French civil status records. Pure.
bool isCivilStatusSex(std::string_view value);

/// True for an INSEE code of a birth place: five digits of a commune ("69123"),
/// Corsica's "2A"/"2B" followed by three digits, or "99" and the three digits of a
/// country for a birth abroad ("99350", Morocco). Pure.
bool isBirthInseeCode(std::string_view value);

/// The INSEE country code (three digits) of a birth place code: its last three
/// digits abroad, "100" (France) otherwise; nullopt for a code that is not one. Pure.
std::optional<std::string> birthCountryCode(std::string_view insee_code);

/// Throws Error{kInvalidField, field} unless `value` is empty or a sex of the civil status.
void requireCivilStatusSex(const std::string& value, const std::string& field);
/// Throws Error{kInvalidField, field} unless `value` is empty or an INSEE birth place code.
void requireBirthInseeCode(const std::string& value, const std::string& field);

}  // namespace cqpm::domain
