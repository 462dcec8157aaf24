#include "common/error.h"

namespace cqpm {

std::string_view errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidJson:
      return "invalid_json";
    case ErrorCode::kInvalidField:
      return "invalid_field";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kMethodNotAllowed:
      return "method_not_allowed";
    case ErrorCode::kInvalidState:
      return "invalid_state";
    case ErrorCode::kVersionConflict:
      return "version_conflict";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kPreconditionFailed:
      return "precondition_failed";
    case ErrorCode::kGone:
      return "gone";
    case ErrorCode::kPreconditionRequired:
      return "precondition_required";
    case ErrorCode::kPayloadTooLarge:
      return "payload_too_large";
    case ErrorCode::kUnsupportedMediaType:
      return "unsupported_media_type";
    case ErrorCode::kUnknownTransition:
      return "unknown_transition";
    case ErrorCode::kGuardFailed:
      return "guard_failed";
    case ErrorCode::kUnprocessable:
      return "unprocessable";
    case ErrorCode::kDeadlinePassed:
      return "deadline_passed";
    case ErrorCode::kPasswordPolicy:
      return "password_policy";
    case ErrorCode::kInfected:
      return "infected";
    case ErrorCode::kActiveContent:
      return "active_content";
    case ErrorCode::kRateLimited:
      return "rate_limited";
    case ErrorCode::kPluginFailed:
      return "plugin_failed";
    case ErrorCode::kInvalidConfiguration:
      return "invalid_configuration";
    case ErrorCode::kStorage:
      return "storage_error";
    case ErrorCode::kInternal:
      return "internal_error";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kDocumentUnavailable:
      return "document_unavailable";
    case ErrorCode::kMalformedRequest:
      return "malformed_request";
    case ErrorCode::kRequestTimeout:
      return "request_timeout";
    case ErrorCode::kHeaderTooLarge:
      return "header_too_large";
    case ErrorCode::kHttpVersionNotSupported:
      return "http_version_not_supported";
  }
  return "internal_error";
}

Error fileVersionConflict(std::int64_t current_version) {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("current_version", current_version);
  return Error(ErrorCode::kVersionConflict,
               "the file changed since you read it: it is now at version " + std::to_string(current_version),
               "expected_version", details);
}

}  // namespace cqpm
