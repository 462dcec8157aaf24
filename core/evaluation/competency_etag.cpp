#include "evaluation/competency_etag.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

namespace cqpm::evaluation {

std::string competencyEtag(const std::string& file_id, const std::string& competency, std::int64_t version) {
  return "\"" + file_id + "-" + competency + "-v" + std::to_string(version) + "\"";
}

std::optional<std::int64_t> versionOfEtag(const std::string& if_match, const std::string& file_id,
                                          const std::string& competency) {
  std::string tag = Poco::trim(if_match);
  if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
  const std::string prefix = "\"" + file_id + "-" + competency + "-v";
  if (tag.size() <= prefix.size() + 1 || tag.compare(0, prefix.size(), prefix) != 0 || tag.back() != '"') {
    return std::nullopt;
  }
  const std::string digits = tag.substr(prefix.size(), tag.size() - prefix.size() - 1);
  Poco::Int64 version = 0;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
      !Poco::NumberParser::tryParse64(digits, version)) {
    return std::nullopt;
  }
  return version;
}

}  // namespace cqpm::evaluation
