#include "audit/audit_bundle.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "common/base64url.h"
#include "common/error.h"
#include "common/file_text.h"
#include "common/json_text.h"
#include "common/sha256.h"

namespace cqpm::audit {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Every item is dated 1 January 1980 (the zip format's first day): the bundle's date is in its
// signed manifest, and the same content gives the same zip.
const Poco::DateTime kZipDate(1980, 1, 1);

bool safePath(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/' || path.find('\\') != std::string::npos)
    return false;
  std::istringstream parts(path);
  for (std::string part; std::getline(parts, part, '/');) {
    if (part.empty() || part == "." || part == "..") return false;
  }
  return true;
}

std::string bytesOf(const BundleEntry& entry) {
  if (entry.source_file.empty()) return entry.bytes;
  auto bytes = readWholeFile(entry.source_file);
  if (!bytes) throw Error(ErrorCode::kInternal, "cannot read " + entry.path + " for the audit bundle");
  return std::move(*bytes);
}

void addToZip(Poco::Zip::Compress& zip, const std::string& path, const std::string& bytes) {
  std::istringstream in(bytes);
  zip.addFile(in, kZipDate, Poco::Path(path, Poco::Path::PATH_UNIX));
}

std::string readItem(std::istream& zip, const Poco::Zip::ZipLocalFileHeader& header) {
  zip.clear();
  Poco::Zip::ZipInputStream item(zip, header);
  std::string bytes;
  Poco::StreamCopier::copyToString(item, bytes);
  return bytes;
}

}  // namespace

std::string writeSignedBundle(const BundleHeader& header, const std::vector<BundleEntry>& entries,
                              const SigningKey& key) {
  const VerifyingKey public_key = key.publicKey();
  // The public key is an item like the others; the entries themselves are not copied (documents).
  const BundleEntry key_entry{kBundleKey, public_key.pem(), {}};
  std::vector<std::reference_wrapper<const BundleEntry>> all(entries.begin(), entries.end());
  all.emplace_back(key_entry);
  std::set<std::string> seen{kBundleManifest, kBundleSignature};
  for (const BundleEntry& entry : all) {
    if (!safePath(entry.path))
      throw Error(ErrorCode::kInvalidField, "bad bundle path '" + entry.path + "'", "path");
    if (!seen.insert(entry.path).second)
      throw Error(ErrorCode::kInvalidField, "bundle path '" + entry.path + "' used twice", "path");
  }

  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  Array::Ptr listed = new Array;
  for (const BundleEntry& entry : all) {
    const std::string bytes = bytesOf(entry);
    Object::Ptr item = new Object;
    item->set("path", entry.path);
    item->set("sha256", sha256Hex(bytes));
    item->set("size", static_cast<std::int64_t>(bytes.size()));
    listed->add(item);
    addToZip(zip, entry.path, bytes);
  }
  Object::Ptr manifest = new Object;
  manifest->set("format", "cqpm-audit-bundle/1");
  manifest->set("file_id", header.file_id);
  manifest->set("generated_at", header.generated_at);
  manifest->set("generated_by", header.generated_by);
  manifest->set("algorithm", "Ed25519");
  manifest->set("key_id", public_key.keyId());
  manifest->set("items", listed);
  const std::string manifest_text = toJsonText(manifest);
  addToZip(zip, kBundleManifest, manifest_text);
  addToZip(zip, kBundleSignature, base64Url(key.sign(manifest_text)));
  zip.close();
  return out.str();
}

BundleCheck verifyBundle(std::istream& zip, const std::optional<VerifyingKey>& pinned) {
  BundleCheck check;
  const auto problem = [&](const std::string& item, const std::string& what) {
    check.problems.push_back({item, what});
  };
  std::map<std::string, Poco::Zip::ZipLocalFileHeader> headers;
  try {
    const Poco::Zip::ZipArchive archive(zip);
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
      if (!it->second.isDirectory()) headers.emplace(it->first, it->second);
    }
  } catch (const Poco::Exception& e) {
    problem("(zip)", "not a readable zip archive: " + e.displayText());
    return check;
  }
  if (headers.empty()) {
    problem("(zip)", "not a zip archive, or an empty one");
    return check;
  }
  const auto read = [&](const std::string& name) -> std::optional<std::string> {
    const auto found = headers.find(name);
    if (found == headers.end()) {
      problem(name, "missing");
      return std::nullopt;
    }
    try {
      return readItem(zip, found->second);
    } catch (const Poco::Exception& e) {
      problem(name, "cannot be read (altered bytes): " + e.displayText());
      return std::nullopt;
    }
  };

  const auto manifest_text = read(kBundleManifest);
  const auto signature_text = read(kBundleSignature);
  const auto key_text = read(kBundleKey);
  if (!manifest_text || !signature_text) return check;

  std::optional<VerifyingKey> key = pinned;
  if (key_text) {
    try {
      const VerifyingKey bundled = VerifyingKey::fromPem(*key_text);
      if (!key) {
        key = bundled;
      } else if (bundled.keyId() != key->keyId()) {
        problem(kBundleKey,
                "not the platform key given (" + bundled.keyId() + ", expected " + key->keyId() + ")");
      }
    } catch (const Error&) {
      problem(kBundleKey, "not an Ed25519 public key");
    }
  }
  if (!key) return check;
  check.key_id = key->keyId();
  try {
    check.signature_valid = key->verifies(*manifest_text, fromBase64Url(*signature_text, kBundleSignature));
  } catch (const Error&) {
    check.signature_valid = false;
  }
  if (!check.signature_valid) {
    problem(kBundleManifest, "the signature does not match: the manifest or its signature was altered");
  }

  Object::Ptr manifest;
  try {
    manifest = Poco::JSON::Parser().parse(*manifest_text).extract<Object::Ptr>();
  } catch (const Poco::Exception&) {
    problem(kBundleManifest, "not JSON");
    return check;
  }
  check.file_id = textOf(manifest, "file_id");
  const Array::Ptr items = manifest->getArray("items");
  if (!items) {
    problem(kBundleManifest, "lists no items");
    return check;
  }
  std::set<std::string> listed{kBundleManifest, kBundleSignature};
  check.items = items->size();
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Object::Ptr item = items->getObject(static_cast<unsigned>(i));
    const std::string path = item ? textOf(item, "path") : std::string();
    listed.insert(path);
    const auto bytes = read(path);
    if (!bytes) continue;
    if (sha256Hex(*bytes) != textOf(item, "sha256"))
      problem(path, "altered: its SHA-256 is not the manifest's");
  }
  for (const auto& [name, header] : headers) {
    if (!listed.count(name)) problem(name, "not listed in the manifest");
  }
  return check;
}

}  // namespace cqpm::audit
