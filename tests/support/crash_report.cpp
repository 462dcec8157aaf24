#include "support/crash_report.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace cqpm::testing {

#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reports crashes itself, with more to say.
namespace {

constexpr const char* kGdb = "/usr/bin/gdb";

// Prepared before any crash: the handler may only call async-signal-safe
// functions (write, fork, execv, waitpid, raise), so nothing is built there.
char g_pid_text[32];

void say(const char* text) {
  const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
  (void)ignored;
}

void onFatalSignal(int signal_number) {
  say("\n*** test process killed by signal ");
  say(signal_number == SIGSEGV   ? "SIGSEGV"
      : signal_number == SIGABRT ? "SIGABRT"
      : signal_number == SIGBUS  ? "SIGBUS"
      : signal_number == SIGFPE  ? "SIGFPE"
                                 : "SIGILL");
  say("; every thread's stack follows ***\n");
  if (::access(kGdb, X_OK) == 0) {
    const pid_t child = ::fork();
    if (child == 0) {
      ::dup2(STDERR_FILENO, STDOUT_FILENO);
      char* const argv[] = {const_cast<char*>(kGdb),
                            const_cast<char*>("-q"),
                            const_cast<char*>("-nx"),
                            const_cast<char*>("-batch"),
                            const_cast<char*>("-p"),
                            g_pid_text,
                            const_cast<char*>("-ex"),
                            const_cast<char*>("thread apply all bt 40"),
                            nullptr};
      ::execv(kGdb, argv);
      ::_exit(127);
    }
    if (child > 0) ::waitpid(child, nullptr, 0);
  }
  // SA_RESETHAND put the default action back: die of the same signal.
  ::raise(signal_number);
}

}  // namespace
#endif

void installCrashReport() {
#if !defined(__SANITIZE_ADDRESS__)
  const std::string pid = std::to_string(::getpid());
  std::strncpy(g_pid_text, pid.c_str(), sizeof g_pid_text - 1);
  // Where Yama restricts ptrace to ancestors, let gdb (our child) attach.
  ::prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
  struct sigaction action {};
  action.sa_handler = onFatalSignal;
  action.sa_flags = SA_RESETHAND | SA_NODEFER;
  sigemptyset(&action.sa_mask);
  for (const int signal_number : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
    ::sigaction(signal_number, &action, nullptr);
#endif
}

}  // namespace cqpm::testing
