#pragma once

// What every fuzz harness shares. A harness calls the code under test inside
// expectRefusals(): a cqpm::Error is the expected answer to bad input and is
// swallowed; anything else (another exception, a crash, a sanitizer report)
// escapes and is a finding. The same sources build two ways (tests/fuzz/README.md):
// with libFuzzer (clang, build-fuzz/) and as a replay binary (g++, the ctest smoke run).

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/error.h"

namespace cqpm::fuzz {

/// The fuzzer's bytes as a string.
inline std::string asText(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Runs `body`; a cqpm::Error is an expected refusal.
template <typename Body>
void expectRefusals(Body&& body) {
  try {
    body();
  } catch (const cqpm::Error&) {
  }
}

/// Where the repository's data files (schemas/, workflows/) are: compiled in.
inline std::string sourceRoot() { return CQPM_SOURCE_ROOT; }

}  // namespace cqpm::fuzz
