#pragma once

#include <string>

namespace cqpm::testing {

/// Certificates for TLS tests, made by Debian's openssl command in a temporary folder removed with
/// the object: a certificate authority, a server certificate it signs for "localhost", one it signs
/// for another name, and a self-signed one for "localhost" that no authority vouches for. EC P-256
/// keys (fast to make), valid from now for two days. Paths are PEM files.
class TestPki {
 public:
  TestPki();
  ~TestPki();
  TestPki(const TestPki&) = delete;
  TestPki& operator=(const TestPki&) = delete;

  /// A server's certificate and its key.
  struct Identity {
    std::string certificate;
    std::string key;
  };
  const std::string& authority() const { return authority_; }
  const Identity& localhost() const { return localhost_; }
  const Identity& otherName() const { return other_name_; }
  const Identity& selfSigned() const { return self_signed_; }

 private:
  std::string folder_;
  std::string authority_;
  Identity localhost_;
  Identity other_name_;
  Identity self_signed_;
};

}  // namespace cqpm::testing
