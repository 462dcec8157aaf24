#pragma once

// Helpers shared by the files that define ReferentialRepository's members
// (referential_repository.cpp, repository_objects.cpp); not for other modules.

#include <git2.h>

#include <chrono>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "git/git_handles.h"
#include "git/referential_repository.h"

namespace cqpm::git::detail {

/// libgit2 fails at once with GIT_ELOCKED when another writer holds a ref's
/// lock file; such locks last a few milliseconds, so wait a little (about
/// half a second in all) before giving up.
inline constexpr int kLockAttempts = 12;
inline constexpr const char* kRefLogMessage = "cqpm";

template <class Call>
int retryWhileLocked(Call&& call) {
  thread_local std::minstd_rand jitter(
      static_cast<std::uint_fast32_t>(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  for (int attempt = 1;; ++attempt) {
    const int rc = call();
    if (rc != GIT_ELOCKED || attempt == kLockAttempts) return rc;
    const int ceiling_ms = std::min(1 << attempt, 64);
    std::this_thread::sleep_for(std::chrono::microseconds(
        500 + static_cast<int>(jitter() % static_cast<unsigned>(ceiling_ms * 1000))));
  }
}

inline void check(int rc, const std::string& what) { git::check(rc, what.c_str()); }

[[noreturn]] inline void failInput(const std::string& message, const char* field) {
  throw Error(ErrorCode::kInvalidField, message, field);
}

inline git_oid parseId(const std::string& hex, const char* field) {
  const bool well_formed =
      hex.size() == GIT_OID_HEXSZ &&
      std::all_of(hex.begin(), hex.end(), [](unsigned char c) { return std::isxdigit(c); });
  if (!well_formed) failInput("not a commit id: \"" + hex + "\"", field);
  git_oid id;
  check(git_oid_fromstr(&id, hex.c_str()), "parse object id");
  return id;
}

inline std::string toHex(const git_oid& id) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &id);
  return hex;
}

inline bool sameTarget(const std::optional<git_oid>& a, const std::optional<git_oid>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a.has_value() || git_oid_equal(&*a, &*b) != 0;
}

inline void validateRefName(const std::string& ref, const char* field) {
  int valid = 0;
  check(git_reference_name_is_valid(&valid, ref.c_str()), "validate ref name");
  if (!valid || ref.rfind("refs/", 0) != 0) failInput("not a full ref name: \"" + ref + "\"", field);
}

/// The folders and file name of a repository path; refuses what git or an
/// auditor's checkout would not accept.
inline std::vector<std::string> splitPath(const std::string& path, const char* field) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    segments.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  for (const std::string& segment : segments) {
    std::string lower = segment;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (segment.empty() || segment == "." || segment == ".." || lower == ".git" ||
        segment.find('\0') != std::string::npos) {
      failInput("invalid repository path: \"" + path + "\"", field);
    }
  }
  return segments;
}

inline SignaturePtr makeSignature(const ReferentialRepository::Author& author) {
  const auto bad = [](const std::string& s) {
    return s.find_first_of("<>\n\r\0", 0, 5) != std::string::npos;
  };
  if (author.name.empty() || bad(author.name)) failInput("invalid author name", "author.name");
  if (bad(author.email)) failInput("invalid author email", "author.email");
  git_signature* raw = nullptr;
  check(git_signature_now(&raw, author.name.c_str(), author.email.c_str()), "create signature");
  return SignaturePtr(raw);
}

inline void validateMessage(const std::string& message) {
  if (message.find('\0') != std::string::npos) failInput("message contains a NUL byte", "message");
}

}  // namespace cqpm::git::detail
