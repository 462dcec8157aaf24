#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cqpm {

/// Every failure core reports has one of these codes. The HTTP status of each
/// code is decided in one place (http/error_status.cpp); the wire name is the
/// stable string clients switch on.
enum class ErrorCode {
  kInvalidJson,              // body is not JSON                          400
  kInvalidField,             // a field is missing, of the wrong type, or malformed 400
  kMalformedRequest,         // bad HTTP framing or request head; the connection closes 400
  kUnauthenticated,          // no or bad credentials                     401
  kForbidden,                // authenticated but not allowed             403
  kNotFound,                 // absent, or outside the caller's scope     404
  kMethodNotAllowed,         //                                           405
  kInvalidState,             // the file is not in a state that allows it 409
  kVersionConflict,          // expected_version is stale                 409
  kConflict,                 // unique key taken, idempotency key reused  409
  kPreconditionFailed,       // If-Match names a stale version             412
  kRequestTimeout,           // the request head or body took too long    408
  kGone,                     // a one-time link expired, used or replaced  410
  kPayloadTooLarge,          //                                           413
  kUnsupportedMediaType,     //                                           415
  kUnknownTransition,        // the workflow has no such transition       422
  kGuardFailed,              // a guard refused the transition            422
  kUnprocessable,            // well-formed but refused by a business rule 422
  kDeadlinePassed,           // a report uploaded after its deadline        422
  kInfected,                 // the antivirus found malware (details.signature) 422
  kActiveContent,            // a document carries scripts or launch actions (details.found) 422
  kPasswordPolicy,           // a new password breaks a rule (details.rule) 422
  kPreconditionRequired,     // a write that needs If-Match came without   428
  kHeaderTooLarge,           // the request head is over its limit          431
  kRateLimited,              //                                           429
  kPluginFailed,             // a CQPM plugin failed or overran its limits 500
  kInvalidConfiguration,     // start-up refused: bad workflow, bad option
  kStorage,                  // the database failed                       500
  kInternal,                 //                                           500
  kUnavailable,              // not ready                                 503
  kDocumentUnavailable,      // a stored document is missing or corrupt   503
  kHttpVersionNotSupported,  // neither HTTP/1.0 nor HTTP/1.1           505
};

/// Wire name of a code ("version_conflict"), stable across releases.
std::string_view errorCodeName(ErrorCode code);

/// The one exception type of core. `field` names the input at fault using a
/// JSON path-like notation ("candidate.email", "expected_version") or is empty.
/// `details` carries extra machine-readable data (for example the current
/// version on a conflict) and may be null.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, std::string field = {},
        Poco::JSON::Object::Ptr details = nullptr)
      : std::runtime_error(message), code_(code), field_(std::move(field)), details_(std::move(details)) {}

  ErrorCode code() const { return code_; }
  const std::string& field() const { return field_; }
  Poco::JSON::Object::Ptr details() const { return details_; }

 private:
  ErrorCode code_;
  std::string field_;
  Poco::JSON::Object::Ptr details_;
};

/// A write made against an older version of a candidate file: kVersionConflict
/// on `expected_version`, with details.current_version so the client can
/// reload (the same answer from every service that writes a file).
Error fileVersionConflict(std::int64_t current_version);

}  // namespace cqpm
