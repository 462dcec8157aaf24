#include "http/client_address.h"

#include <gtest/gtest.h>

#include "common/error.h"

// Behind nginx, logs and throttles must see the client, not the proxy; and a
// client must not choose the address they see by sending the headers itself.

namespace cqpm::http {
namespace {

Poco::Net::IPAddress ip(const std::string& text) { return Poco::Net::IPAddress(text); }

TEST(ClientAddressTest, WithoutTrustedProxiesTheHeadersAreIgnored) {
  EXPECT_EQ(realClientAddress(ip("203.0.113.7"), "198.51.100.1", "198.51.100.2", TrustedProxies()),
            "203.0.113.7");
}

TEST(ClientAddressTest, ATrustedProxyGivesTheRightMostUntrustedHop) {
  const auto proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8,::1");
  // The client forged the first entry; nginx appended what it saw.
  EXPECT_EQ(realClientAddress(ip("127.0.0.1"), "6.6.6.6, 198.51.100.4", "", proxies), "198.51.100.4");
  // Two proxies in a row: both skipped.
  EXPECT_EQ(realClientAddress(ip("10.1.2.3"), "198.51.100.4, 10.9.9.9", "", proxies), "198.51.100.4");
  EXPECT_EQ(realClientAddress(ip("::1"), "2001:db8::5", "", proxies), "2001:db8::5");
  // No forwarded-for: X-Real-IP; nothing usable: the proxy itself.
  EXPECT_EQ(realClientAddress(ip("127.0.0.1"), "", "198.51.100.9", proxies), "198.51.100.9");
  EXPECT_EQ(realClientAddress(ip("127.0.0.1"), "not-an-address", "", proxies), "127.0.0.1");
  // An untrusted peer's headers count for nothing.
  EXPECT_EQ(realClientAddress(ip("198.51.100.4"), "127.0.0.1", "", proxies), "198.51.100.4");
  EXPECT_FALSE(proxies.trusts(ip("11.0.0.1")));
  EXPECT_TRUE(proxies.trusts(ip("10.255.0.1")));
}

TEST(ClientAddressTest, ABadEntryIsRefusedNamingTheSetting) {
  for (const char* bad : {"10.0.0.0/33", "nginx", "10.0.0.1/x", "::1/129"}) {
    try {
      TrustedProxies::parse(bad);
      ADD_FAILURE() << bad << " accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration) << bad;
      EXPECT_NE(std::string(e.what()).find("cqpm.http.trusted_proxies"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace cqpm::http
