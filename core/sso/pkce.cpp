#include "sso/pkce.h"

#include "common/base64url.h"
#include "common/random_bytes.h"
#include "common/sha256.h"

namespace cqpm::sso {

namespace {
constexpr std::size_t kVerifierBytes = 32;
}  // namespace

Pkce newPkce() {
  Pkce pkce;
  pkce.verifier = randomToken(kVerifierBytes);
  pkce.challenge = s256Challenge(pkce.verifier);
  return pkce;
}

std::string s256Challenge(const std::string& verifier) {
  Sha256 digest;
  digest.update(verifier);
  return base64Url(digest.digest());
}

}  // namespace cqpm::sso
