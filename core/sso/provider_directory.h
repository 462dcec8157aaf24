#pragma once

#include <Poco/Timestamp.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "sso/id_token.h"
#include "sso/provider_client.h"
#include "sso/provider_keys.h"
#include "sso/provider_metadata.h"

namespace cqpm::sso {

/// What the server keeps of each OpenID provider between logins: its discovery document and its
/// keys (JWK Set), read once and kept for `ttl`, so that a login costs the provider no more than its
/// authorization and token requests. A provider that rotates its keys is followed at once: an ID
/// token that the kept keys do not verify makes the keys be read again and the token checked once
/// more, at most once a `refetch_interval` per provider (a stream of bad tokens cannot turn the
/// server into a client hammering the provider). Network reads run outside the lock. Thread-safe.
class ProviderDirectory {
 public:
  /// Borrows `client`; `clock` times what is kept.
  ProviderDirectory(const ProviderClient& client, Clock clock,
                    std::chrono::seconds ttl = std::chrono::hours(1),
                    std::chrono::seconds refetch_interval = std::chrono::minutes(1));

  /// The discovery document of `issuer`, read again once older than the ttl. Errors as
  /// parseProviderMetadata and ProviderClient::get.
  ProviderMetadata metadata(const std::string& issuer);
  /// Reads the discovery document now and keeps it, forgetting the keys kept (an administrator
  /// setting or changing a provider).
  ProviderMetadata refresh(const std::string& issuer);
  /// Forgets what is kept of `issuer` (a provider removed).
  void forget(const std::string& issuer);

  /// `token` checked by verifyIdToken with the keys of `metadata`'s provider: the kept ones, then,
  /// if they fail and were read more than the refetch interval ago, freshly read ones. Throws as
  /// verifyIdToken (the last check's error) and ProviderClient::get.
  IdTokenClaims verify(const ProviderMetadata& metadata, std::string_view token,
                       const IdTokenExpectations& expected);

 private:
  struct Entry {
    std::shared_ptr<const ProviderMetadata> metadata;
    Poco::Timestamp metadata_read;
    std::shared_ptr<const ProviderKeys> keys;
    Poco::Timestamp keys_read;
  };
  std::shared_ptr<const ProviderKeys> readKeys(const ProviderMetadata& metadata);

  const ProviderClient& client_;
  Clock clock_;
  Poco::Timestamp::TimeDiff ttl_;               ///< microseconds
  Poco::Timestamp::TimeDiff refetch_interval_;  ///< microseconds
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;  ///< by issuer
};

}  // namespace cqpm::sso
