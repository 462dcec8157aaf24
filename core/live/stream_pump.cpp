#include "live/stream_pump.h"

#include <Poco/Logger.h>
#include <sys/socket.h>

#include <utility>

namespace cqpm::live {

namespace {

// A client that lets this much pile up is not reading: it is cut rather
// than let the server buffer for it without end.
constexpr std::size_t kMaxPendingBytes = std::size_t{1} << 20;

// True once the client has closed its side (readable with nothing to read),
// or the connection was reset. Clients send nothing on a stream.
bool clientLeft(Poco::Net::StreamSocket& socket) {
  try {
    if (!socket.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ | Poco::Net::Socket::SELECT_ERROR))
      return false;
    char byte = 0;
    return socket.receiveBytes(&byte, 1, MSG_PEEK) <= 0;
  } catch (const Poco::Exception&) {
    return true;
  }
}

}  // namespace

void StreamPump::start() {
  thread_ = std::thread([this] { run(); });
}

void StreamPump::add(Stream stream) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      added_.push_back(std::move(stream));
      ++served_count_;
      wake_.notify_one();
      return;
    }
  }
  Served refused{std::move(stream), {}, false};  // the pump is stopping
  end(refused);
}

void StreamPump::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int StreamPump::streams() const {
  std::lock_guard lock(mutex_);
  return served_count_;
}

void StreamPump::wake(const std::vector<std::string>& file_ids) {
  {
    std::lock_guard lock(mutex_);
    if (served_count_ == 0) return;
    woken_.insert(file_ids.begin(), file_ids.end());
  }
  wake_.notify_one();
}

void StreamPump::wakeAll() {
  {
    std::lock_guard lock(mutex_);
    all_woken_ = true;
  }
  wake_.notify_one();
}

void StreamPump::run() {
  std::vector<Served> served;
  auto next_tick = std::chrono::steady_clock::now();
  for (;;) {
    bool stopping = false;
    bool all_woken = false;
    std::unordered_set<std::string> woken;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_until(lock, next_tick,
                       [this] { return stopping_ || !added_.empty() || !woken_.empty() || all_woken_; });
      for (auto& stream : added_) served.push_back(Served{std::move(stream), {}, true});
      added_.clear();
      woken.swap(woken_);
      all_woken = std::exchange(all_woken_, false);
      stopping = stopping_;
    }
    const auto now = std::chrono::steady_clock::now();
    // A tick serves every stream; a wake between ticks only those it names.
    const bool tick = now >= next_tick;
    if (tick) next_tick = now + tick_;
    TurnMemo memo;
    std::size_t kept = 0;
    for (auto& one : served) {
      const bool woken_here = all_woken || one.fresh || woken.contains(one.stream.feed->fileId());
      one.fresh = false;
      if (!stopping && (!(tick || woken_here) || turn(one, now, woken_here, memo))) {
        if (&served[kept] != &one) served[kept] = std::move(one);
        ++kept;
      } else {
        end(one);
      }
    }
    const auto ended = static_cast<int>(served.size() - kept);
    served.resize(kept);
    {
      std::lock_guard lock(mutex_);
      served_count_ -= ended;
    }
    if (stopping) return;
  }
}

bool StreamPump::turn(Served& served, FileEventStream::TimePoint now, bool woken, TurnMemo& memo) {
  Poco::Net::StreamSocket& socket = served.stream.socket;
  if (clientLeft(socket)) return false;
  std::optional<std::string> more;
  try {
    more = served.stream.feed->next(now, woken, memo);
  } catch (const std::exception& e) {
    Poco::Logger::get("http").error("a live stream failed: %s", std::string(e.what()));
    return false;
  }
  if (!more) return false;
  served.pending += *more;
  if (served.pending.empty()) return true;
  try {
    const int sent = socket.sendBytes(served.pending.data(), static_cast<int>(served.pending.size()));
    if (sent > 0) served.pending.erase(0, static_cast<std::size_t>(sent));
  } catch (const Poco::TimeoutException&) {
    // The socket's buffer is full: the rest waits for the next turn.
  } catch (const Poco::Exception&) {
    return false;  // reset by the client
  }
  return served.pending.size() <= kMaxPendingBytes;
}

void StreamPump::end(Served& served) {
  try {
    served.stream.socket.shutdown();
    served.stream.socket.close();
  } catch (const Poco::Exception&) {
    // Already gone.
  }
  served.stream.feed.reset();  // gives the hub its place back
  if (served.stream.ended) served.stream.ended();
  served.stream.ended = nullptr;
}

}  // namespace cqpm::live
