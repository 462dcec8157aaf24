#include "http/query_params.h"

#include <Poco/NumberParser.h>

#include "common/error.h"

namespace cqpm::http {

int queryLimit(const Request& request, int fallback, int max) {
  const std::string text = request.queryValue("limit");
  if (text.empty()) return fallback;
  int limit = 0;
  if (!Poco::NumberParser::tryParse(text, limit) || limit < 1 || limit > max) {
    throw Error(ErrorCode::kInvalidField, "limit must be an integer between 1 and " + std::to_string(max),
                "limit");
  }
  return limit;
}

std::optional<bool> queryBool(const Request& request, const std::string& name, const std::string& any_word) {
  const std::string text = request.queryValue(name);
  if (text.empty() || (!any_word.empty() && text == any_word)) return std::nullopt;
  if (text == "true") return true;
  if (text == "false") return false;
  throw Error(ErrorCode::kInvalidField,
              name + " must be true or false" + (any_word.empty() ? "" : " (or " + any_word + ")"), name);
}

}  // namespace cqpm::http
