// A bundle signed with the platform's Ed25519 key, checked offline: intact as written, and every
// kind of tampering named by the item it touched.

#include "audit/audit_bundle.h"

#include <Poco/Base64Encoder.h>
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "audit/zip_items.h"
#include "common/base64url.h"
#include "common/error.h"

namespace cqpm::audit {
namespace {

std::string randomBytesOf(std::size_t size) {
  std::mt19937 generator(42);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(generator() & 0xFF);
  return bytes;
}

const std::string kReport = randomBytesOf(4096);  // incompressible: stored as is inside the zip

std::vector<BundleEntry> someEntries() {
  return {{"events.json", R"([{"seq":1,"transition":"create"}])", {}},
          {"documents/d-1/v1-rapport.pdf", kReport, {}},
          {"decisions.json", R"([{"outcome":"certified"}])", {}}};
}

BundleHeader headerOf() { return {"f-1", "2026-12-04T10:00:00Z", "Claire Moreau"}; }

BundleCheck check(const std::string& zip, const std::optional<VerifyingKey>& pinned = std::nullopt) {
  std::istringstream in(zip);
  return verifyBundle(in, pinned);
}

bool names(const BundleCheck& result, const std::string& item) {
  for (const auto& problem : result.problems) {
    if (problem.item == item) return true;
  }
  return false;
}

std::string described(const BundleCheck& result) {
  std::string text;
  for (const auto& problem : result.problems) text += problem.item + ": " + problem.problem + "\n";
  return text;
}

TEST(AuditBundleTest, ABundleAsWrittenIsIntact) {
  const SigningKey key = SigningKey::generate();
  const std::string zip = writeSignedBundle(headerOf(), someEntries(), key);
  const BundleCheck result = check(zip);
  EXPECT_TRUE(result.intact()) << described(result);
  EXPECT_EQ(result.file_id, "f-1");
  EXPECT_EQ(result.items, 4u);  // the three, and the public key
  EXPECT_EQ(result.key_id, key.publicKey().keyId());
  EXPECT_TRUE(check(zip, key.publicKey()).intact());
  // The same content gives the same bytes.
  EXPECT_EQ(zip, writeSignedBundle(headerOf(), someEntries(), key));
}

TEST(AuditBundleTest, AnItemReplacedIsNamed) {
  const SigningKey key = SigningKey::generate();
  auto items = testing::zipItems(writeSignedBundle(headerOf(), someEntries(), key));
  items["decisions.json"] = R"([{"outcome":"not_certified"}])";
  const BundleCheck result = check(testing::zipOf(items), key.publicKey());
  EXPECT_FALSE(result.intact());
  EXPECT_TRUE(result.signature_valid);
  ASSERT_EQ(result.problems.size(), 1u) << described(result);
  EXPECT_EQ(result.problems[0].item, "decisions.json");
}

TEST(AuditBundleTest, AByteFlippedInTheZipIsNamedByItsItem) {
  const SigningKey key = SigningKey::generate();
  std::string zip = writeSignedBundle(headerOf(), someEntries(), key);
  const std::size_t at = zip.find(kReport.substr(1000, 64));
  ASSERT_NE(at, std::string::npos) << "the report is not stored as is";
  zip[at + 10] = static_cast<char>(zip[at + 10] ^ 0x01);
  const BundleCheck result = check(zip, key.publicKey());
  EXPECT_FALSE(result.intact());
  EXPECT_TRUE(names(result, "documents/d-1/v1-rapport.pdf")) << described(result);
}

TEST(AuditBundleTest, AManifestRewrittenBreaksTheSignature) {
  const SigningKey key = SigningKey::generate();
  auto items = testing::zipItems(writeSignedBundle(headerOf(), someEntries(), key));
  const std::size_t at = items["manifest.json"].find("Claire Moreau");
  ASSERT_NE(at, std::string::npos);
  items["manifest.json"].replace(at, 13, "Autre Personne");
  const BundleCheck result = check(testing::zipOf(items), key.publicKey());
  EXPECT_FALSE(result.signature_valid);
  EXPECT_TRUE(names(result, "manifest.json")) << described(result);
}

TEST(AuditBundleTest, ABundleSignedByAnotherKeyFailsAgainstThePlatformKey) {
  const SigningKey platform = SigningKey::generate();
  const SigningKey forger = SigningKey::generate();
  const std::string forged = writeSignedBundle(headerOf(), someEntries(), forger);
  EXPECT_TRUE(check(forged).intact());                             // consistent with the key it carries...
  const BundleCheck result = check(forged, platform.publicKey());  // ...not with the platform's
  EXPECT_FALSE(result.intact());
  EXPECT_TRUE(names(result, "platform-key.pem")) << described(result);
  EXPECT_FALSE(result.signature_valid);
}

TEST(AuditBundleTest, MissingAndUnlistedItemsAreNamed) {
  const SigningKey key = SigningKey::generate();
  auto items = testing::zipItems(writeSignedBundle(headerOf(), someEntries(), key));
  items.erase("events.json");
  items["extra.txt"] = "added later";
  const BundleCheck result = check(testing::zipOf(items), key.publicKey());
  EXPECT_TRUE(names(result, "events.json")) << described(result);
  EXPECT_TRUE(names(result, "extra.txt")) << described(result);
}

TEST(AuditBundleTest, WhatIsNotABundleSaysSo) {
  const BundleCheck result = check("not a zip at all");
  EXPECT_FALSE(result.intact());
  EXPECT_TRUE(names(result, "(zip)")) << described(result);
}

TEST(AuditBundleTest, UnsafeOrRepeatedPathsAreRefused) {
  const SigningKey key = SigningKey::generate();
  for (const std::string path :
       {"", "/etc/passwd", "a/../b", "a//b", "dir/", "manifest.json", "platform-key.pem"}) {
    try {
      writeSignedBundle(headerOf(), {{path, "x", {}}}, key);
      ADD_FAILURE() << path;
    } catch (const Error& e) {
      EXPECT_EQ(e.field(), "path") << path;
    }
  }
}

// RFC 8037, appendix A: the example Ed25519 key and its RFC 7638 thumbprint.
TEST(Ed25519KeyTest, TheKeyIdIsTheJwkThumbprint) {
  // SubjectPublicKeyInfo of an Ed25519 key: a fixed 12-byte prefix, then the 32 raw bytes.
  const std::string raw = fromBase64Url("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "x");
  ASSERT_EQ(raw.size(), 32u);
  const std::string der = std::string("\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00", 12) + raw;
  std::ostringstream base64;
  Poco::Base64Encoder encoder(base64);
  encoder << der;
  encoder.close();
  const VerifyingKey key =
      VerifyingKey::fromPem("-----BEGIN PUBLIC KEY-----\n" + base64.str() + "\n-----END PUBLIC KEY-----\n");
  EXPECT_EQ(key.jwkX(), "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
  EXPECT_EQ(key.keyId(), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
}

TEST(Ed25519KeyTest, SignaturesVerifyWithTheKeyAndNothingElse) {
  const SigningKey key = SigningKey::generate();
  const std::string signature = key.sign("manifest");
  EXPECT_EQ(signature.size(), 64u);
  EXPECT_TRUE(key.publicKey().verifies("manifest", signature));
  EXPECT_FALSE(key.publicKey().verifies("manifesT", signature));
  EXPECT_FALSE(SigningKey::generate().publicKey().verifies("manifest", signature));
  const SigningKey again = SigningKey::fromPem(key.privatePem());
  EXPECT_EQ(again.publicKey().keyId(), key.publicKey().keyId());
  EXPECT_THROW(VerifyingKey::fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"), Error);
}

}  // namespace
}  // namespace cqpm::audit
