#include "observability/line_channel.h"

#include <Poco/AutoPtr.h>
#include <Poco/Message.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace cqpm::observability {
namespace {

/// A pipe whose read end the test drains after the writers are done.
class Pipe {
 public:
  Pipe() { EXPECT_EQ(::pipe(fds_), 0); }
  ~Pipe() {
    ::close(fds_[0]);
    if (fds_[1] >= 0) ::close(fds_[1]);
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  int writeEnd() const { return fds_[1]; }
  /// Closes the write end and reads everything written.
  std::string drain() {
    ::close(fds_[1]);
    fds_[1] = -1;
    std::string all;
    char buffer[4096];
    for (ssize_t n = 0; (n = ::read(fds_[0], buffer, sizeof buffer)) > 0;)
      all.append(buffer, static_cast<std::size_t>(n));
    return all;
  }

 private:
  int fds_[2] = {-1, -1};
};

TEST(LineChannelTest, EachMessageIsOneLineAndConcurrentLinesNeverInterleave) {
  Pipe pipe;
  Poco::AutoPtr<LineChannel> channel(new LineChannel(pipe.writeEnd()));
  // The pipe holds 64 KiB: the 400 lines below (about 24 KiB) fit without a reader.
  constexpr int kThreads = 4;
  constexpr int kLines = 100;
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < kLines; ++i) {
        channel->log(Poco::Message("http",
                                   "thread " + std::to_string(t) + " line " + std::to_string(i) +
                                       " rid=0123456789abcdef GET /healthz 200",
                                   Poco::Message::PRIO_INFORMATION));
      }
    });
  }
  for (auto& writer : writers) writer.join();
  const std::string all = pipe.drain();
  std::istringstream lines(all);
  std::set<std::string> seen;
  for (std::string line; std::getline(lines, line);) {
    EXPECT_NE(line.find(" rid=0123456789abcdef GET /healthz 200"), std::string::npos) << line;
    EXPECT_EQ(line.rfind("thread ", 0), 0U) << line;
    seen.insert(line);
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kThreads * kLines));
  EXPECT_EQ(all.back(), '\n');
}

TEST(LineChannelTest, AClosedDescriptorIsIgnoredNotThrown) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);
  ::close(fds[1]);
  Poco::AutoPtr<LineChannel> channel(new LineChannel(fds[1]));
  EXPECT_NO_THROW(channel->log(Poco::Message("http", "nobody reads this", Poco::Message::PRIO_INFORMATION)));
}

}  // namespace
}  // namespace cqpm::observability
