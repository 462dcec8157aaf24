#include "app/settings.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/error.h"

// One table declares every setting: the configuration read at start follows
// it, and the example file and the README's table are generated from it.

namespace cqpm::app {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ServerConfig configOf(const std::map<std::string, std::string>& values) {
  Poco::AutoPtr<Poco::Util::MapConfiguration> properties(new Poco::Util::MapConfiguration);
  for (const auto& [key, value] : values) properties->setString(key, value);
  return configFrom(*properties);
}

TEST(SettingsTest, TheExampleFileIsGeneratedFromTheTable) {
  EXPECT_EQ(readFile(std::string(CQPM_SOURCE_ROOT) + "/deploy/cqpm.properties.example"), exampleProperties())
      << "regenerate it: build/bin/cqpm settings example > deploy/cqpm.properties.example";
}

TEST(SettingsTest, TheReadmeListsEverySettingAsTheTableSays) {
  const std::string readme = readFile(std::string(CQPM_SOURCE_ROOT) + "/README.md");
  EXPECT_NE(readme.find(settingsMarkdown()), std::string::npos)
      << "replace the README's table of settings by the output of: build/bin/cqpm settings markdown";
}

TEST(SettingsTest, EverySettingReachesTheServerConfiguration) {
  const ServerConfig config = configOf({{"cqpm.http.max_threads", "48"},
                                        {"cqpm.sandbox.time_ms", "750"},
                                        {"cqpm.sandbox.instructions", "1000000"},
                                        {"cqpm.http.drain_seconds", "5"},
                                        {"cqpm.public_url", "https://cqpm.example.fr"},
                                        {"cqpm.share", "/srv/share"},
                                        {"cqpm.http.trusted_proxies", "10.0.0.0/8"},
                                        {"cqpm.database.write_sessions", "3"},
                                        {"cqpm.notifications.digest_hour", "9"},
                                        {"cqpm.accrochage.client_id", "12345678"},
                                        {"cqpm.accrochage.contract_id", "CTR-2027-001"}});
  EXPECT_EQ(config.connections.max_threads, 48);
  EXPECT_EQ(config.database_write_sessions, 3);
  EXPECT_EQ(config.digest_hour, 9);
  EXPECT_EQ(config.accrochage.client_id, "12345678");
  EXPECT_EQ(config.accrochage.contract_id, "CTR-2027-001");
  EXPECT_EQ(config.sandbox_limits.deadline_per_call, std::chrono::milliseconds(750));
  EXPECT_EQ(config.sandbox_limits.instructions_per_call, 1000000u);
  EXPECT_EQ(config.drain_seconds, 5);
  EXPECT_TRUE(config.http.secure_cookies) << "an https public URL makes the cookie Secure";
  EXPECT_EQ(config.http.web_root, "/srv/share/web/dist");
  EXPECT_TRUE(config.http.trusted_proxies.trusts(Poco::Net::IPAddress("10.1.2.3")));
  EXPECT_FALSE(configOf({{"cqpm.public_url", "https://x"}, {"cqpm.session.secure_cookie", "false"}})
                   .http.secure_cookies);
  EXPECT_FALSE(configOf({}).http.secure_cookies);
}

TEST(SettingsTest, ABadValueIsRefusedNamingItsKeyOrOption) {
  for (const auto& [key, value, name] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"cqpm.http.max_threads", "many", "cqpm.http.max_threads"},
           {"cqpm.port", "70000", "--port"},
           {"cqpm.sandbox.time_ms", "0", "cqpm.sandbox.time_ms"},
           {"cqpm.http.trusted_proxies", "nginx", "cqpm.http.trusted_proxies"},
           {"cqpm.notifications.digest_hour", "24", "cqpm.notifications.digest_hour"},
           {"cqpm.accrochage.client_id", "1234567", "cqpm.accrochage.client_id"},
           {"cqpm.accrochage.contract_id", std::string(21, '7'), "cqpm.accrochage.contract_id"}}) {
    try {
      configOf({{key, value}});
      ADD_FAILURE() << key << " = " << value << " accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidConfiguration);
      EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace cqpm::app
