#include "files/file_order.h"

#include <array>
#include <utility>

#include "common/error.h"

namespace cqpm::files {

using store::FileSortKey;

namespace {

constexpr std::array<std::pair<const char*, FileSortKey>, 6> kSortNames{{
    {"created_at", FileSortKey::kCreated},
    {"updated_at", FileSortKey::kUpdated},
    {"name", FileSortKey::kName},
    {"cqpm", FileSortKey::kCqpm},
    {"state", FileSortKey::kState},
    {"report_due_at", FileSortKey::kReportDue},
}};

}  // namespace

store::FileOrder parseFileOrder(const std::string& sort, const std::string& order) {
  store::FileOrder parsed;
  if (!sort.empty()) {
    bool known = false;
    for (const auto& [name, key] : kSortNames) {
      if (sort == name) {
        parsed.key = key;
        known = true;
      }
    }
    if (!known) {
      throw Error(ErrorCode::kInvalidField,
                  "sort must be one of created_at, updated_at, name, cqpm, state, report_due_at", "sort");
    }
  }
  // Unsaid, dates run newest first and the rest alphabetically, as people read them.
  parsed.descending = parsed.key == FileSortKey::kCreated || parsed.key == FileSortKey::kUpdated;
  if (order == "asc") {
    parsed.descending = false;
  } else if (order == "desc") {
    parsed.descending = true;
  } else if (!order.empty()) {
    throw Error(ErrorCode::kInvalidField, "order must be asc or desc", "order");
  }
  return parsed;
}

std::string sortName(FileSortKey key) {
  for (const auto& [name, named] : kSortNames) {
    if (named == key) return name;
  }
  return "created_at";
}

}  // namespace cqpm::files
