#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cqpm::scheduler {

/// A job run again and again, `every` apart.
struct Task {
  std::string name;
  std::chrono::milliseconds every;
  std::function<void()> run;  ///< may throw: the failure is logged and the task runs again next time
};

/// One thread that runs periodic tasks (reminders, notifications, e-mail,
/// housekeeping), owned by the composition root. Each task runs first right
/// after start(), then every `every`. Tasks run one at a time, on this thread
/// only. stop() wakes the thread at once (a condition variable, never a
/// sleep), waits for the task in progress to finish, and joins.
class Scheduler {
 public:
  /// Told of every run: the task's name and whether it succeeded (metrics).
  using RunObserver = std::function<void(const std::string& task, bool succeeded)>;

  explicit Scheduler(std::vector<Task> tasks, RunObserver observer = {})
      : tasks_(std::move(tasks)), observer_(std::move(observer)) {}
  ~Scheduler() { stop(); }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  void start();
  void stop();

 private:
  void loop();

  std::vector<Task> tasks_;
  RunObserver observer_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace cqpm::scheduler
