#pragma once

// When a test process dies of a signal (a segfault in the server it runs in
// process, an abort), its last words are every thread's stack, printed by gdb
// attached for the moment: a crash seen once on CI, under load, is then
// explained by its log rather than lost (the tests run Release binaries
// without debug information; function names come from the symbol table).

namespace cqpm::testing {

/// Installs the handler for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGABRT. It
/// prints the signal, runs `gdb -batch -p <this process> -ex "thread apply all
/// bt"` when /usr/bin/gdb exists, then dies of the same signal as before.
void installCrashReport();

}  // namespace cqpm::testing
