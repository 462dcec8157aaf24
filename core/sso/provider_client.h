#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace cqpm::sso {

/// The HTTP side of talking to an OpenID provider: fetching its discovery
/// document and keys, redeeming an authorization code. Every call opens its
/// own connection (https, or plain http on loopback: isSafeEndpoint), waits
/// at most `timeout` for each read and reads at most 1 MiB. Over https the
/// provider's certificate must chain to the system's authorities or those of
/// `extra_ca_file` (PEM; empty: none) and name the URL's host. Holds no
/// mutable state, so it is shareable between threads. Never called under the
/// writer lock.
class ProviderClient {
 public:
  explicit ProviderClient(std::chrono::seconds timeout = std::chrono::seconds(10),
                          std::string extra_ca_file = {});
  ~ProviderClient();
  ProviderClient(const ProviderClient&) = delete;
  ProviderClient& operator=(const ProviderClient&) = delete;

  /// The body of `url` answered with 200. Throws Error{kUnavailable} naming
  /// the provider when it cannot be reached or answers anything else.
  std::string get(const std::string& url) const;

  /// POSTs `form` (application/x-www-form-urlencoded) with HTTP Basic
  /// credentials (client_secret_basic); the body answered with 200. Throws
  /// Error{kUnauthenticated} when the provider refuses (400, 401: a code
  /// used, expired or not ours), Error{kUnavailable} otherwise.
  std::string postForm(const std::string& url, const std::vector<std::pair<std::string, std::string>>& form,
                       const std::string& client_id, const std::string& client_secret) const;

 private:
  std::chrono::seconds timeout_;
  std::string extra_ca_file_;
};

}  // namespace cqpm::sso
