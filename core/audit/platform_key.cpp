#include "audit/platform_key.h"

#include "common/error.h"
#include "store/platform_key_store.h"

namespace cqpm::audit {

namespace {
constexpr const char* kCurrentKey = "current";
}  // namespace

SigningKey platformSigningKey(store::Database& db, const Clock& clock) {
  if (auto stored =
          db.read([](store::SqlSession& sql) { return store::platform_key_store::find(sql, kCurrentKey); })) {
    return SigningKey::fromPem(stored->private_key_pem);
  }
  // Made outside the write (nothing slow under the writer), then inserted unless another
  // instance was faster; whichever was written first is read back and used by all.
  const SigningKey made = SigningKey::generate();
  const VerifyingKey public_key = made.publicKey();
  const store::PlatformKeyRecord record{kCurrentKey, public_key.keyId(), made.privatePem(), public_key.pem(),
                                        nowIso8601(clock)};
  db.write([&](store::SqlSession& sql) { store::platform_key_store::insertIfAbsent(sql, record); });
  const auto stored =
      db.read([](store::SqlSession& sql) { return store::platform_key_store::find(sql, kCurrentKey); });
  if (!stored) throw Error(ErrorCode::kStorage, "the platform's signing key was not stored");
  return SigningKey::fromPem(stored->private_key_pem);
}

}  // namespace cqpm::audit
