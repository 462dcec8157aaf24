// The test binaries' own crash report (support/crash_report.h): a test process
// that dies of a signal prints every thread's stack before it goes, so that a
// crash seen once on CI is explained by its log.

#include "support/crash_report.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

namespace cqpm::testing {
namespace {

// Crashes a child process the way a bad pointer would, with the report
// installed; returns what it wrote to stderr and its wait status.
std::pair<std::string, int> crashChild() {
  int pipe_ends[2];
  if (::pipe(pipe_ends) != 0) return {"pipe failed", 0};
  const pid_t child = ::fork();
  if (child == 0) {
    ::dup2(pipe_ends[1], STDERR_FILENO);
    ::close(pipe_ends[0]);
    installCrashReport();
    volatile int* nowhere = nullptr;
    *nowhere = 1;  // SIGSEGV
    ::_exit(0);
  }
  ::close(pipe_ends[1]);
  std::string written;
  char buffer[4096];
  for (ssize_t got; (got = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
    written.append(buffer, static_cast<std::size_t>(got));
  ::close(pipe_ends[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  return {written, status};
}

TEST(CrashReportTest, ACrashingTestProcessPrintsTheStackOfTheThreadThatCrashedAndStillDiesOfIt) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer reports crashes itself";
#endif
  if (::access("/usr/bin/gdb", X_OK) != 0)
    GTEST_SKIP() << "gdb is not installed (deploy/install-dependencies.sh)";
  const auto [written, status] = crashChild();
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child must still die of its signal: " << written;
  EXPECT_EQ(WTERMSIG(status), SIGSEGV);
  EXPECT_NE(written.find("killed by signal SIGSEGV"), std::string::npos) << written;
  // gdb's backtrace of the crashing thread: the handler, then the frame that crashed.
  EXPECT_NE(written.find("<signal handler called>"), std::string::npos) << written;
  EXPECT_NE(written.find("crashChild"), std::string::npos) << written;
}

}  // namespace
}  // namespace cqpm::testing
