#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cqpm::statistics {

/// A period of Paris calendar days, both ends included (YYYY-MM-DD).
struct Period {
  std::string from;
  std::string to;
};

/// The period asked for, defaults filled: `to` defaults to `today`, `from` to
/// the first day of the eleventh month before `to`'s (twelve calendar months).
/// Error{kUnprocessable, "from"|"to"} for a text that is not a date YYYY-MM-DD;
/// Error{kUnprocessable, "from"} when `from` is after `to` or the period spans
/// more than ten years (3,660 days). Pure.
Period periodOf(const std::optional<std::string>& from, const std::optional<std::string>& to,
                const std::string& today);

/// The calendar months the period touches, oldest first, as YYYY-MM (at most
/// 121 for ten years). Pure.
std::vector<std::string> monthsOf(const Period& period);

}  // namespace cqpm::statistics
