// The main of every test binary: GoogleTest's, with the crash report
// installed first (support/crash_report.h).

#include <gtest/gtest.h>

#include "support/crash_report.h"

int main(int argc, char** argv) {
  cqpm::testing::installCrashReport();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
