#include "files/file_order.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace cqpm::files {
namespace {

using store::FileSortKey;

TEST(FileOrderTest, NamesEachColumnWithDatesNewestFirstUnlessSaid) {
  struct Case {
    std::string sort, order;
    FileSortKey key;
    bool descending;
  };
  for (const Case& c : std::vector<Case>{{"", "", FileSortKey::kCreated, true},
                                         {"created_at", "asc", FileSortKey::kCreated, false},
                                         {"updated_at", "", FileSortKey::kUpdated, true},
                                         {"name", "", FileSortKey::kName, false},
                                         {"name", "desc", FileSortKey::kName, true},
                                         {"cqpm", "", FileSortKey::kCqpm, false},
                                         {"state", "desc", FileSortKey::kState, true},
                                         {"report_due_at", "", FileSortKey::kReportDue, false}}) {
    const auto order = parseFileOrder(c.sort, c.order);
    EXPECT_EQ(order.key, c.key) << c.sort;
    EXPECT_EQ(order.descending, c.descending) << c.sort << " " << c.order;
    if (!c.sort.empty()) EXPECT_EQ(sortName(order.key), c.sort);
  }
}

TEST(FileOrderTest, RefusesAnythingElseNamingTheField) {
  auto fieldOf = [](const std::string& sort, const std::string& order) {
    try {
      parseFileOrder(sort, order);
    } catch (const Error& e) {
      return e.code() == ErrorCode::kInvalidField ? e.field() : "wrong code";
    }
    return std::string("accepted");
  };
  EXPECT_EQ(fieldOf("id", ""), "sort");
  EXPECT_EQ(fieldOf("Name", ""), "sort");
  EXPECT_EQ(fieldOf("f.id; --", ""), "sort");
  EXPECT_EQ(fieldOf("name", "up"), "order");
  EXPECT_EQ(fieldOf("", "DESC"), "order");
}

}  // namespace
}  // namespace cqpm::files
