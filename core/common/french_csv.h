#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cqpm {

/// CSV that opens correctly in French Excel: UTF-8 BOM, ';' separator, CRLF
/// line ends, fields quoted when needed (RFC 4180), cells that a spreadsheet
/// would run as a formula ('=', '+', '-', '@', tab, CR first) prefixed with an
/// apostrophe. `header` is the first row. Pure function, thread-safe.
std::string renderFrenchCsv(const std::vector<std::string_view>& header,
                            const std::vector<std::vector<std::string>>& rows);

/// `value` with `decimals` digits after a decimal comma, as French Excel reads
/// numbers ("0,75", "12,5" with 1 decimal). Pure.
std::string frenchDecimal(double value, int decimals);

}  // namespace cqpm
