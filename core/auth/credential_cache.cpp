#include "auth/credential_cache.h"

#include <algorithm>

#include "common/random_bytes.h"
#include "common/sha256.h"

namespace cqpm::auth {

CredentialCache::CredentialCache(Clock clock, std::chrono::seconds ttl, std::size_t capacity)
    : clock_(std::move(clock)),
      ttl_(static_cast<Poco::Timestamp::TimeDiff>(ttl.count()) * 1000000),
      capacity_(std::max<std::size_t>(capacity, 1)),
      secret_(randomBytes(32)) {}

std::string CredentialCache::keyOf(const std::string& login, const std::string& password) const {
  Sha256 digest;
  digest.update(secret_);
  // The login's length first: ("ab", "c") and ("a", "bc") never share a key.
  const std::string length = std::to_string(login.size()) + ":";
  digest.update(length);
  digest.update(login);
  digest.update(password);
  return digest.hex();
}

std::optional<CredentialCache::Entry> CredentialCache::find(const std::string& login,
                                                            const std::string& password) {
  const std::string key = keyOf(login, password);
  const Poco::Timestamp now = clock_();
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end()) return std::nullopt;
  if (found->second.expires <= now) {
    entries_.erase(found);
    return std::nullopt;
  }
  return found->second.entry;
}

void CredentialCache::remember(const std::string& login, const std::string& password, Entry entry) {
  const std::string key = keyOf(login, password);
  const Poco::Timestamp now = clock_();
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.contains(key)) {
    std::erase_if(entries_, [&](const auto& stored) { return stored.second.expires <= now; });
    if (entries_.size() >= capacity_) {
      entries_.erase(std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        return a.second.expires < b.second.expires;
      }));
    }
  }
  entries_[key] = Stored{std::move(entry), now + ttl_};
}

void CredentialCache::forget(const std::string& login, const std::string& password) {
  const std::string key = keyOf(login, password);
  std::lock_guard lock(mutex_);
  entries_.erase(key);
}

std::size_t CredentialCache::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace cqpm::auth
