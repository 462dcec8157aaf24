#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cqpm {

/// The 14 digits of a SIRET as people write it: spaces removed (ASCII space, tab, no-break U+00A0
/// and narrow no-break U+202F, which French Excel puts between groups of digits). nullopt unless
/// exactly 14 ASCII digits remain. Says nothing of the checksum: see isValidSiret.
std::optional<std::string> normaliseSiret(std::string_view text);

/// Whether `digits` is a valid SIRET: exactly 14 ASCII digits (no spaces: normalise first) whose
/// Luhn checksum holds. La Poste's establishments (SIREN 356000000) are numbered by another rule:
/// a SIRET starting with 356000000 is valid when the sum of its digits is a multiple of 5 (its head
/// office, 35600000000048, satisfies Luhn instead). Pure, thread-safe.
bool isValidSiret(std::string_view digits);

}  // namespace cqpm
