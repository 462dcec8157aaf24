#include "http/refusal_answer.h"

#include <Poco/Net/HTTPResponse.h>

#include "http/error_status.h"
#include "http/exchange.h"
#include "http/presenters.h"
#include "http/security_headers.h"

namespace cqpm::http {

std::string refusalAnswer(const Error& error, bool https) {
  const int status = httpStatusOf(error.code());
  const std::string body = toJson(
      errorJson(std::string(errorCodeName(error.code())), error.what(), error.field(), error.details()));
  std::string answer =
      "HTTP/1.1 " + std::to_string(status) + " " +
      Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status)) +
      "\r\n";
  answer += "Content-Type: application/json; charset=utf-8\r\n";
  answer += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  answer += "Connection: close\r\n";
  if (status == 429 || status == 503) answer += "Retry-After: 5\r\n";
  for (const auto& [name, value] : securityHeaders(https)) answer += name + ": " + value + "\r\n";
  answer += "\r\n" + body;
  return answer;
}

}  // namespace cqpm::http
