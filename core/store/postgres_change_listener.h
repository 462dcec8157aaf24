#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace cqpm::store {

/// Hears, on its own PostgreSQL connection (LISTEN), the keys every instance's
/// commits name on kChangeChannel (see Database::addChangeListener), and hands
/// them to `on_change` on its own thread: live streams on this instance are
/// woken by another instance's commits as by its own. When the connection is
/// lost it reconnects (backing off up to 5 s) and then calls `on_reconnect`,
/// since notifications sent meanwhile were lost. Starts on construction,
/// stops at once on destruction (an eventfd wakes its poll).
class PostgresChangeListener {
 public:
  using OnChange = std::function<void(const std::vector<std::string>& keys)>;

  /// `conninfo` is libpq's connection string (DatabaseUrl::connection);
  /// notifications sent by `own_instance` (Database::instanceId(): this
  /// process, whose change listeners heard them already) are skipped.
  PostgresChangeListener(std::string conninfo, std::string own_instance, OnChange on_change,
                         std::function<void()> on_reconnect);
  ~PostgresChangeListener();
  PostgresChangeListener(const PostgresChangeListener&) = delete;
  PostgresChangeListener& operator=(const PostgresChangeListener&) = delete;

  /// True while the LISTEN connection is up (for health and tests).
  bool listening() const { return listening_; }

 private:
  void run();
  /// Waits until the connection's socket (or, when `socket` is negative, only
  /// the stop) is readable or `timeout_ms` passes; false once stopping.
  bool waitForInput(int socket, int timeout_ms) const;

  /// An eventfd (RAII): written on destruction so the listening thread's poll returns at once.
  class StopSignal {
   public:
    StopSignal();
    ~StopSignal();
    StopSignal(const StopSignal&) = delete;
    StopSignal& operator=(const StopSignal&) = delete;
    void raise() const;
    int fd() const { return fd_; }

   private:
    int fd_;
  };

  const std::string conninfo_;
  const std::string own_instance_;
  const OnChange on_change_;
  const std::function<void()> on_reconnect_;
  std::atomic<bool> stopping_ = false;
  std::atomic<bool> listening_ = false;
  StopSignal stop_signal_;
  std::thread thread_;
};

}  // namespace cqpm::store
