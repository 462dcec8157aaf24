#include "http/request_ids.h"

#include <array>
#include <charconv>

#include "common/random_bytes.h"

namespace cqpm::http {

namespace {

bool isSaneRequestId(const std::string& given) {
  return !given.empty() && given.size() <= 64 &&
         given.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") ==
             std::string::npos;
}

}  // namespace

RequestIds::RequestIds() : prefix_(randomToken(6) + "-") {}

std::string RequestIds::idFor(const std::string& given) {
  if (isSaneRequestId(given)) return given;
  std::array<char, 16> digits{};
  const std::uint64_t number = next_.fetch_add(1, std::memory_order_relaxed);
  const auto written = std::to_chars(digits.data(), digits.data() + digits.size(), number, 36);
  std::string id;
  id.reserve(prefix_.size() + 13);
  id.append(prefix_).append(digits.data(), written.ptr);
  return id;
}

}  // namespace cqpm::http
