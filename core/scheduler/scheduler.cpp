#include "scheduler/scheduler.h"

#include <Poco/Logger.h>

#include <algorithm>

namespace cqpm::scheduler {

using SteadyClock = std::chrono::steady_clock;

void Scheduler::start() {
  if (thread_.joinable() || tasks_.empty()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { loop(); });
}

void Scheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::loop() {
  std::vector<SteadyClock::time_point> next(tasks_.size(), SteadyClock::now());
  std::vector<int> failures(tasks_.size(), 0);  // in a row, per task
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    for (std::size_t i = 0; i < tasks_.size() && !stopping_; ++i) {
      if (SteadyClock::now() < next[i]) continue;
      lock.unlock();
      Poco::Logger& log = Poco::Logger::get("scheduler");
      bool succeeded = true;
      try {
        tasks_[i].run();
      } catch (const std::exception& e) {  // a thread's boundary: log, and try again later
        succeeded = false;
        ++failures[i];
        // A database down for an hour must not write 1,800 identical lines: the
        // 1st, 2nd, 4th, 8th... failure in a row are logged.
        if ((failures[i] & (failures[i] - 1)) == 0) {
          log.error("task %s failed (%d time(s) in a row): %s", tasks_[i].name, failures[i],
                    std::string(e.what()));
        }
      }
      if (succeeded && failures[i] > 0) {
        log.information("task %s recovered after %d failure(s)", tasks_[i].name, failures[i]);
        failures[i] = 0;
      }
      if (observer_) observer_(tasks_[i].name, succeeded);
      // Back off while it keeps failing: up to 16 intervals between tries.
      next[i] = SteadyClock::now() + tasks_[i].every * (1 << std::min(failures[i], 4));
      lock.lock();
    }
    wake_.wait_until(lock, *std::min_element(next.begin(), next.end()), [this] { return stopping_; });
  }
}

}  // namespace cqpm::scheduler
