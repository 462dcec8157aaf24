#include "http/file_version_precondition.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cctype>

#include "common/error.h"
#include "common/input_rules.h"
#include "http/if_match_header.h"

namespace cqpm::http {

namespace {

/// "<digits>" within the version range; nullopt for anything else (W/"7", *, 7).
std::optional<std::int64_t> strongVersionTag(const std::string& value) {
  if (value.size() < 3 || value.size() > 18 || value.front() != '"' || value.back() != '"')
    return std::nullopt;
  std::int64_t version = 0;
  for (std::size_t i = 1; i + 1 < value.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(value[i]))) return std::nullopt;
    version = version * 10 + (value[i] - '0');
  }
  if (version < kVersionRange.min || version > kVersionRange.max) return std::nullopt;
  return version;
}

/// The `field` integer of a JSON answer body, or nullopt.
std::optional<std::int64_t> versionIn(const Response& response, const std::string& field) {
  if (response.status < 200 || response.status >= 300) return std::nullopt;
  try {
    const auto body = Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
    if (body && body->has(field) && body->get(field).isInteger()) return body->getValue<std::int64_t>(field);
  } catch (const Poco::Exception&) {
  }
  return std::nullopt;
}

}  // namespace

FileVersionPrecondition fileVersionPrecondition(const Request& request, const JsonFields& body) {
  const std::optional<std::int64_t> in_body = body.optionalInteger("expected_version", kVersionRange);
  const std::optional<std::string> if_match = ifMatchOf(request);
  if (!if_match) {
    if (!in_body) {
      throw Error(ErrorCode::kPreconditionRequired,
                  "send If-Match with the file's ETag as you read it (GET /api/v1/files/{id} sends it)",
                  "If-Match");
    }
    return {*in_body, false};
  }
  const std::optional<std::int64_t> tagged = strongVersionTag(*if_match);
  if (!tagged) {
    throw Error(ErrorCode::kInvalidField,
                "If-Match must be the file's ETag as the server sent it, a version in double quotes (\"7\")",
                "If-Match");
  }
  if (in_body && *in_body != *tagged) {
    throw Error(ErrorCode::kInvalidField,
                "If-Match names version " + std::to_string(*tagged) + " but expected_version is " +
                    std::to_string(*in_body) + ": send If-Match only",
                "If-Match");
  }
  return {*tagged, true};
}

Response underPrecondition(const FileVersionPrecondition& precondition, const std::string& version_field,
                           const std::function<Response()>& write) {
  Response response;
  try {
    response = write();
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kVersionConflict || !precondition.from_if_match) throw;
    throw Error(ErrorCode::kPreconditionFailed, e.what(), "If-Match", e.details());
  }
  if (version_field.empty()) return response;
  if (const auto version = versionIn(response, version_field)) {
    response.headers.emplace_back("ETag", "\"" + std::to_string(*version) + "\"");
  }
  return response;
}

}  // namespace cqpm::http
