#include "evaluation/competency_etag.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include "common/entity_tag.h"

namespace cqpm::evaluation {

std::string competencyEtag(const std::string& file_id, const std::string& competency, std::int64_t version) {
  return "\"" + file_id + "-" + competency + "-v" + std::to_string(version) + "\"";
}

std::optional<std::int64_t> versionOfEtag(const std::string& if_match, const std::string& file_id,
                                          const std::string& competency) {
  const std::string trimmed = Poco::trim(if_match);
  // Only a quoted tag is ours ("*" and bare text name nothing here).
  if (trimmed.empty() || trimmed.back() != '"') return std::nullopt;
  const std::string tag = bareEntityTag(trimmed);
  const std::string prefix = file_id + "-" + competency + "-v";
  if (tag.size() <= prefix.size() || tag.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  const std::string digits = tag.substr(prefix.size());
  Poco::Int64 version = 0;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
      !Poco::NumberParser::tryParse64(digits, version)) {
    return std::nullopt;
  }
  return version;
}

}  // namespace cqpm::evaluation
