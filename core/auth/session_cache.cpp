#include "auth/session_cache.h"

namespace cqpm::auth {

SessionCache::SessionCache(Clock clock, std::chrono::milliseconds ttl, std::size_t capacity)
    : clock_(std::move(clock)),
      ttl_(static_cast<Poco::Timestamp::TimeDiff>(ttl.count()) * 1000),
      capacity_(capacity) {}

std::optional<domain::Actor> SessionCache::find(const std::string& token_hash) {
  const Poco::Timestamp now = clock_();
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(token_hash);
  if (found == entries_.end()) return std::nullopt;
  // Before a time stored as its expiry (a test clock may also go back).
  if (now >= found->second.expires || found->second.expires - now > ttl_) {
    entries_.erase(found);
    return std::nullopt;
  }
  return found->second.actor;
}

std::uint64_t SessionCache::generation() {
  const std::lock_guard lock(mutex_);
  return generation_;
}

void SessionCache::remember(const std::string& token_hash, const domain::Actor& actor,
                            std::uint64_t read_at) {
  const Poco::Timestamp now = clock_();
  const std::lock_guard lock(mutex_);
  if (read_at != generation_) return;  // a change committed while the session was read
  if (entries_.size() >= capacity_ && !entries_.contains(token_hash)) {
    // Full: expired entries go first, and if none has, every entry (they are
    // only seconds of reads saved).
    std::erase_if(entries_, [&](const auto& entry) { return now >= entry.second.expires; });
    if (entries_.size() >= capacity_) entries_.clear();
  }
  entries_.insert_or_assign(token_hash, Stored{actor, now + ttl_});
}

void SessionCache::forgetAll() {
  const std::lock_guard lock(mutex_);
  ++generation_;
  entries_.clear();
}

std::size_t SessionCache::size() {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace cqpm::auth
