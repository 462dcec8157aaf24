#include "http/error_status.h"

namespace cqpm::http {

int httpStatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidJson:
    case ErrorCode::kInvalidField:
    case ErrorCode::kMalformedRequest:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kInvalidState:
    case ErrorCode::kVersionConflict:
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPreconditionFailed:
      return 412;
    case ErrorCode::kGone:
      return 410;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kUnknownTransition:
    case ErrorCode::kGuardFailed:
    case ErrorCode::kUnprocessable:
    case ErrorCode::kDeadlinePassed:
    case ErrorCode::kPasswordPolicy:
    case ErrorCode::kInfected:
    case ErrorCode::kActiveContent:
      return 422;
    case ErrorCode::kPreconditionRequired:
      return 428;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kRequestTimeout:
      return 408;
    case ErrorCode::kHeaderTooLarge:
      return 431;
    case ErrorCode::kHttpVersionNotSupported:
      return 505;
    case ErrorCode::kUnavailable:
    case ErrorCode::kDocumentUnavailable:
      return 503;
    case ErrorCode::kPluginFailed:
    case ErrorCode::kInvalidConfiguration:
    case ErrorCode::kStorage:
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace cqpm::http
