#pragma once

#include <Poco/Net/IPAddress.h>

#include <string>
#include <vector>

namespace cqpm::http {

/// The proxies (nginx) whose X-Forwarded-For and X-Real-IP headers are
/// believed: addresses or CIDR ranges ("127.0.0.1", "10.0.0.0/8", "::1").
/// Anyone else's headers are ignored, so a client cannot pick the address its
/// logs and throttles see.
class TrustedProxies {
 public:
  TrustedProxies() = default;
  /// Parses a comma-separated list; Error{kInvalidConfiguration} naming
  /// `cqpm.http.trusted_proxies` for an entry that is not an address or range.
  static TrustedProxies parse(const std::string& list);

  bool empty() const { return ranges_.empty(); }
  bool trusts(const Poco::Net::IPAddress& address) const;

 private:
  struct Range {
    Poco::Net::IPAddress network;
    unsigned prefix = 0;
  };
  std::vector<Range> ranges_;
};

/// The address of the client behind the request: `peer` itself unless it is a
/// trusted proxy; then the right-most X-Forwarded-For entry that is not a
/// trusted proxy (the one the nearest proxy saw), else X-Real-IP, else `peer`.
/// Malformed entries are skipped.
std::string realClientAddress(const Poco::Net::IPAddress& peer, const std::string& forwarded_for,
                              const std::string& real_ip, const TrustedProxies& proxies);

}  // namespace cqpm::http
