#include "http/client_address.h"

#include <Poco/String.h>

#include <optional>
#include <sstream>

#include "common/error.h"

namespace cqpm::http {

namespace {

std::optional<Poco::Net::IPAddress> parseAddress(const std::string& text) {
  Poco::Net::IPAddress address;
  if (!Poco::Net::IPAddress::tryParse(Poco::trim(text), address)) return std::nullopt;
  return address;
}

bool samePrefix(const Poco::Net::IPAddress& a, const Poco::Net::IPAddress& b, unsigned prefix) {
  if (a.family() != b.family()) return false;
  const auto* x = static_cast<const unsigned char*>(a.addr());
  const auto* y = static_cast<const unsigned char*>(b.addr());
  unsigned bits = prefix;
  for (unsigned i = 0; i < a.length() && bits > 0; ++i, bits = bits >= 8 ? bits - 8 : 0) {
    const unsigned char mask = bits >= 8 ? 0xff : static_cast<unsigned char>(0xff << (8 - bits));
    if ((x[i] & mask) != (y[i] & mask)) return false;
  }
  return true;
}

}  // namespace

TrustedProxies TrustedProxies::parse(const std::string& list) {
  TrustedProxies proxies;
  std::istringstream entries(list);
  for (std::string entry; std::getline(entries, entry, ',');) {
    entry = Poco::trim(entry);
    if (entry.empty()) continue;
    const auto slash = entry.find('/');
    const auto network = parseAddress(entry.substr(0, slash));
    const unsigned max_prefix = network ? network->length() * 8 : 0;
    unsigned prefix = max_prefix;
    bool ok = network.has_value();
    if (ok && slash != std::string::npos) {
      try {
        const int parsed = std::stoi(entry.substr(slash + 1));
        ok = parsed >= 0 && static_cast<unsigned>(parsed) <= max_prefix;
        prefix = static_cast<unsigned>(parsed);
      } catch (const std::exception&) {
        ok = false;
      }
    }
    if (!ok) {
      throw Error(ErrorCode::kInvalidConfiguration,
                  "cqpm.http.trusted_proxies: '" + entry + "' is not an address or a CIDR range",
                  "trusted_proxies");
    }
    proxies.ranges_.push_back({*network, prefix});
  }
  return proxies;
}

bool TrustedProxies::trusts(const Poco::Net::IPAddress& address) const {
  for (const Range& range : ranges_) {
    if (samePrefix(range.network, address, range.prefix)) return true;
  }
  return false;
}

std::string realClientAddress(const Poco::Net::IPAddress& peer, const std::string& forwarded_for,
                              const std::string& real_ip, const TrustedProxies& proxies) {
  if (!proxies.trusts(peer)) return peer.toString();
  std::vector<std::string> hops;
  std::istringstream entries(forwarded_for);
  for (std::string entry; std::getline(entries, entry, ',');) hops.push_back(entry);
  // Right to left: each trusted proxy appended the address it saw; the first
  // untrusted one is the client (anything left of it, the client may have forged).
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    const auto address = parseAddress(*hop);
    if (!address) break;
    if (!proxies.trusts(*address)) return address->toString();
  }
  if (const auto address = parseAddress(real_ip)) return address->toString();
  return peer.toString();
}

}  // namespace cqpm::http
