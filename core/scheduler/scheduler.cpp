#include "scheduler/scheduler.h"

#include <Poco/Logger.h>

#include <algorithm>

namespace cqpm::scheduler {

using Clock = std::chrono::steady_clock;

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
  std::vector<Clock::time_point> next(tasks_.size(), Clock::now());
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    for (std::size_t i = 0; i < tasks_.size() && !stopping_; ++i) {
      if (Clock::now() < next[i]) continue;
      lock.unlock();
      try {
        tasks_[i].run();
      } catch (const std::exception& e) {  // a thread's boundary: log, and try again next time
        Poco::Logger::get("scheduler").error("task %s failed: %s", tasks_[i].name, std::string(e.what()));
      }
      next[i] = Clock::now() + tasks_[i].every;
      lock.lock();
    }
    wake_.wait_until(lock, *std::min_element(next.begin(), next.end()), [this] { return stopping_; });
  }
}

}  // namespace cqpm::scheduler
