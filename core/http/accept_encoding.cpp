#include "http/accept_encoding.h"

#include <Poco/String.h>

#include <algorithm>
#include <optional>
#include <string_view>

namespace cqpm::http {
namespace {

std::string_view trimmedView(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// A qvalue: "0", "1", "0.xyz" or "1.000" (at most three decimals); nullopt otherwise.
/// Counted in thousandths, so "0.75" is exactly 0.75.
std::optional<double> qvalueOf(std::string_view text) {
  if (text.empty() || text.size() > 5 || (text[0] != '0' && text[0] != '1')) return std::nullopt;
  if (text.size() > 1 && text[1] != '.') return std::nullopt;
  int thousandths = (text[0] - '0') * 1000;
  int scale = 100;
  for (std::size_t i = 2; i < text.size(); ++i, scale /= 10) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    thousandths += (text[i] - '0') * scale;
  }
  if (thousandths > 1000) return std::nullopt;
  return thousandths / 1000.0;
}

/// The q-value of one entry "coding;q=0.5" (1 without a q parameter), 0 when malformed.
double entryQuality(std::string_view parameters) {
  double quality = 1.0;
  while (!parameters.empty()) {
    const auto semicolon = parameters.find(';');
    const std::string_view parameter = trimmedView(parameters.substr(0, semicolon));
    parameters = semicolon == std::string_view::npos ? std::string_view() : parameters.substr(semicolon + 1);
    const auto equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    if (Poco::toLower(std::string(trimmedView(parameter.substr(0, equals)))) != "q") continue;
    const auto parsed = qvalueOf(trimmedView(parameter.substr(equals + 1)));
    quality = parsed ? *parsed : 0.0;
  }
  return quality;
}

}  // namespace

double acceptedQuality(const std::string& accept_encoding, const std::string& coding) {
  const std::string wanted = Poco::toLower(coding);
  std::optional<double> own;
  std::optional<double> any;
  std::string_view rest(accept_encoding);
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view entry = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto semicolon = entry.find(';');
    const std::string name = Poco::toLower(std::string(trimmedView(entry.substr(0, semicolon))));
    const double quality =
        semicolon == std::string_view::npos ? 1.0 : entryQuality(entry.substr(semicolon + 1));
    // "x-gzip" is gzip's old alias (RFC 9110 §8.4.1.3).
    if (name == wanted || (wanted == "gzip" && name == "x-gzip")) {
      own = own ? std::max(*own, quality) : quality;
    } else if (name == "*") {
      any = quality;
    }
  }
  if (own) return *own;
  return any ? *any : 0.0;
}

}  // namespace cqpm::http
