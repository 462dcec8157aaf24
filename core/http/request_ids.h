#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace cqpm::http {

/// Names each request for the logs: the proxy's X-Request-Id when it is a sane
/// token (nginx's $request_id), else a new id. New ids are this server's random
/// prefix (eight base64url characters, drawn once) and a counter, so ids from
/// several instances behind one proxy do not collide, and a request costs an
/// atomic increment instead of a read from the kernel's random source (a
/// system call, a twenty-fifth of a /healthz answer). They name requests, they
/// grant nothing: nobody needs to be unable to guess them.
class RequestIds {
 public:
  RequestIds();

  /// `given` if it is 1 to 64 characters of [A-Za-z0-9._-], else a new id.
  std::string idFor(const std::string& given);

 private:
  const std::string prefix_;
  std::atomic<std::uint64_t> next_{1};
};

}  // namespace cqpm::http
