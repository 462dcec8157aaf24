#include "sso/provider_directory.h"

#include "common/error.h"

namespace cqpm::sso {

namespace {

Poco::Timestamp::TimeDiff microsecondsOf(std::chrono::seconds seconds) {
  return std::chrono::duration_cast<std::chrono::microseconds>(seconds).count();
}

}  // namespace

ProviderDirectory::ProviderDirectory(const ProviderClient& client, Clock clock, std::chrono::seconds ttl,
                                     std::chrono::seconds refetch_interval)
    : client_(client),
      clock_(std::move(clock)),
      ttl_(microsecondsOf(ttl)),
      refetch_interval_(microsecondsOf(refetch_interval)) {}

ProviderMetadata ProviderDirectory::metadata(const std::string& issuer) {
  {
    std::lock_guard lock(mutex_);
    const auto found = entries_.find(issuer);
    if (found != entries_.end() && found->second.metadata && clock_() - found->second.metadata_read < ttl_)
      return *found->second.metadata;
  }
  return refresh(issuer);
}

ProviderMetadata ProviderDirectory::refresh(const std::string& issuer) {
  const Poco::Timestamp read_at = clock_();
  auto read = std::make_shared<const ProviderMetadata>(
      parseProviderMetadata(client_.get(discoveryUrl(issuer)), issuer));
  std::lock_guard lock(mutex_);
  Entry& entry = entries_[issuer];
  if (!entry.metadata || entry.metadata->jwks_uri != read->jwks_uri) entry.keys.reset();
  entry.metadata = read;
  entry.metadata_read = read_at;
  return *read;
}

void ProviderDirectory::forget(const std::string& issuer) {
  std::lock_guard lock(mutex_);
  entries_.erase(issuer);
}

std::shared_ptr<const ProviderKeys> ProviderDirectory::readKeys(const ProviderMetadata& metadata) {
  const Poco::Timestamp read_at = clock_();
  auto keys = std::make_shared<const ProviderKeys>(ProviderKeys::fromJwks(client_.get(metadata.jwks_uri)));
  std::lock_guard lock(mutex_);
  Entry& entry = entries_[metadata.issuer];
  entry.keys = keys;
  entry.keys_read = read_at;
  return keys;
}

IdTokenClaims ProviderDirectory::verify(const ProviderMetadata& metadata, std::string_view token,
                                        const IdTokenExpectations& expected) {
  std::shared_ptr<const ProviderKeys> kept;
  bool may_read_again = true;
  {
    std::lock_guard lock(mutex_);
    if (const auto found = entries_.find(metadata.issuer); found != entries_.end() && found->second.keys) {
      kept = found->second.keys;
      may_read_again = clock_() - found->second.keys_read >= refetch_interval_;
    }
  }
  if (!kept) return verifyIdToken(token, *readKeys(metadata), expected);
  try {
    return verifyIdToken(token, *kept, expected);
  } catch (const Error&) {
    // The provider may have rotated its keys since they were read.
    if (!may_read_again) throw;
  }
  return verifyIdToken(token, *readKeys(metadata), expected);
}

}  // namespace cqpm::sso
