#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

#include "store/database.h"
#include "support/test_database.h"

// PostgreSQL's notices ("table ... does not exist, skipping") reach the
// "database" logger as one line each, on the writer and on pooled readers,
// and never libpq's default printer (raw lines on stderr).

namespace cqpm::testing {
namespace {

class KeptLines : public Poco::Channel {
 public:
  void log(const Poco::Message& message) override {
    std::lock_guard lock(mutex_);
    lines_.push_back(message.getText());
  }
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> lines_;
};

TEST(PostgresNoticesTest, NoticesGoToTheDatabaseLoggerNotToStderr) {
  TestDatabase test_db("postgresql");
  CQPM_REQUIRE_BACKEND(test_db);
  const auto db = store::Database::open(test_db.databaseUrl());
  Poco::Logger& logger = Poco::Logger::get("database");
  Poco::AutoPtr<KeptLines> kept(new KeptLines);
  Poco::Channel::Ptr previous_channel = logger.getChannel();
  const int previous_level = logger.getLevel();
  logger.setChannel(kept);
  logger.setLevel(Poco::Message::PRIO_INFORMATION);

  ::testing::internal::CaptureStderr();
  db->write(
      [](store::SqlSession& sql) { sql.statement("DROP TABLE IF EXISTS cqpm_written_nowhere").execute(); });
  db->read([](store::SqlSession& sql) { sql.statement("DROP TABLE IF EXISTS cqpm_read_nowhere").execute(); });
  const std::string printed = ::testing::internal::GetCapturedStderr();
  logger.setChannel(previous_channel);
  logger.setLevel(previous_level);

  EXPECT_EQ(printed.find("NOTICE"), std::string::npos) << printed;
  const auto lines = kept->lines();
  const auto logged = [&](const std::string& table) {
    for (const std::string& line : lines) {
      if (line.find(table) != std::string::npos && line.find('\n') == std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(logged("cqpm_written_nowhere")) << ::testing::PrintToString(lines);
  EXPECT_TRUE(logged("cqpm_read_nowhere")) << ::testing::PrintToString(lines);
}

}  // namespace
}  // namespace cqpm::testing
