#include <Poco/Util/ServerApplication.h>
#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "app/cqpm_application.h"

int main(int argc, char** argv) {
#ifndef CQPM_WITH_JEMALLOC
  // Built without jemalloc (the sanitizer build): glibc gives threads up to 8
  // malloc arenas per core, each keeping what its threads freed: four
  // concurrent 20 MiB uploads grew the peak memory by 8-10 MiB, against 2.5 MiB
  // with one arena per core (docs/lessons.md). Before any thread starts, as a
  // setting of the process. An operator's MALLOC_ARENA_MAX (glibc's own
  // variable) wins. jemalloc, the server's allocator otherwise, needs no such
  // setting (1.4-5.7 MiB in the same benchmark).
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr)
    mallopt(M_ARENA_MAX, static_cast<int>(std::max(2U, std::thread::hardware_concurrency())));
#endif
  cqpm::app::CqpmApplication app;
  return app.run(argc, argv);
}
