#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "audit/ed25519_key.h"

namespace cqpm::audit {

/// One item of an audit bundle: its path inside the zip ("documents/…/v1-rapport.pdf") and its
/// bytes, given inline or as a file on disk (a stored document, read while the zip is written).
struct BundleEntry {
  std::string path;
  std::string bytes;
  std::string source_file;  ///< when not empty, the bytes are this file's
};

/// What the manifest says of the bundle besides its items.
struct BundleHeader {
  std::string file_id;
  std::string generated_at;  ///< ISO 8601
  std::string generated_by;  ///< the person who asked for it, as the platform names them
};

/// The names every bundle has beside its items.
inline constexpr const char* kBundleManifest = "manifest.json";
inline constexpr const char* kBundleSignature = "manifest.sig";
inline constexpr const char* kBundleKey = "platform-key.pem";

/// A zip of `entries` with a manifest of each item's SHA-256 and size, signed with `key`
/// (Ed25519 over the manifest's bytes, in manifest.sig as base64url), and the public key
/// (platform-key.pem, itself an item of the manifest). Throws Error{kInvalidField, field
/// "path"} for a path that is empty, absolute, has "..", or is used twice; Error{kInternal} if a
/// source file cannot be read.
std::string writeSignedBundle(const BundleHeader& header, const std::vector<BundleEntry>& entries,
                              const SigningKey& key);

/// One thing wrong with a bundle, naming the item.
struct BundleProblem {
  std::string item;
  std::string problem;
};

/// What an offline check of a bundle found.
struct BundleCheck {
  std::string file_id;
  std::string key_id;     ///< of the key the signature was checked with
  std::size_t items = 0;  ///< listed in the manifest
  bool signature_valid = false;
  std::vector<BundleProblem> problems;  ///< empty: intact
  bool intact() const { return signature_valid && problems.empty(); }
};

/// Checks a bundle read from `zip` (a seekable stream): the manifest's signature, with `pinned`
/// when given (the key published by the platform) or else the bundle's own key, and every item's
/// bytes against the manifest; items missing, altered, unreadable or not listed are named. Never
/// throws for a bad bundle: what is wrong is in the answer.
BundleCheck verifyBundle(std::istream& zip, const std::optional<VerifyingKey>& pinned);

}  // namespace cqpm::audit
