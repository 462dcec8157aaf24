#include "referentials/text_alignment.h"

#include <gtest/gtest.h>

namespace cqpm::referentials {
namespace {

using Steps = std::vector<AlignmentStep>;

void PrintTo(const AlignmentStep& step, std::ostream* out) {
  static const char* const kNames[] = {"kept", "reworded", "moved", "added", "removed"};
  *out << kNames[static_cast<int>(step.kind)] << "(" << (step.from ? std::to_string(*step.from) : "-") << ", "
       << (step.to ? std::to_string(*step.to) : "-") << ")";
}
constexpr auto kNone = std::nullopt;

AlignmentStep kept(std::size_t from, std::size_t to) { return {StepKind::kKept, from, to}; }
AlignmentStep reworded(std::size_t from, std::size_t to) { return {StepKind::kReworded, from, to}; }
AlignmentStep moved(std::size_t from, std::size_t to) { return {StepKind::kMoved, from, to}; }
AlignmentStep added(std::size_t to) { return {StepKind::kAdded, kNone, to}; }
AlignmentStep removed(std::size_t from) { return {StepKind::kRemoved, from, kNone}; }

struct AlignmentCase {
  std::string name;
  std::vector<std::string> from;
  std::vector<std::string> to;
  Steps steps;
};

TEST(TextAlignmentTest, AlignsListsAsAReviewerReadsThem) {
  const std::vector<AlignmentCase> cases{
      {"identical", {"a", "b"}, {"a", "b"}, {kept(0, 0), kept(1, 1)}},
      {"both empty", {}, {}, {}},
      {"all new", {}, {"a", "b"}, {added(0), added(1)}},
      {"all gone", {"a", "b"}, {}, {removed(0), removed(1)}},
      {"insert in the middle",
       {"a", "b", "c"},
       {"a", "x", "b", "c"},
       {kept(0, 0), added(1), kept(1, 2), kept(2, 3)}},
      {"remove in the middle", {"a", "b", "c"}, {"a", "c"}, {kept(0, 0), removed(1), kept(2, 1)}},
      {"reword one", {"a", "b", "c"}, {"a", "B", "c"}, {kept(0, 0), reworded(1, 1), kept(2, 2)}},
      {"reword two in a row",
       {"a", "b", "c", "d"},
       {"a", "B", "C", "d"},
       {kept(0, 0), reworded(1, 1), reworded(2, 2), kept(3, 3)}},
      {"move to the end", {"a", "b", "c"}, {"b", "c", "a"}, {kept(1, 0), kept(2, 1), moved(0, 2)}},
      {"unrelated replacement of unequal length",
       {"a", "old one", "c"},
       {"a", "new x", "new y", "c"},
       {kept(0, 0), removed(1), added(1), added(2), kept(2, 3)}},
      {"reword and insert beside it",
       {"a", "Identifier les causes racines du défaut", "c"},
       {"a", "Identifier les causes racines des défauts", "Proposer une action", "c"},
       {kept(0, 0), reworded(1, 1), added(2), kept(2, 3)}},
      {"insert before a rewording",
       {"a", "Vérifier la conformité des pièces produites", "c"},
       {"a", "Tenir le registre", "Vérifier la conformité des pièces fabriquées", "c"},
       {kept(0, 0), added(1), reworded(1, 2), kept(2, 3)}},
      {"duplicates", {"a", "a", "b"}, {"a", "b", "a"}, {kept(0, 0), kept(2, 1), moved(1, 2)}},
  };
  for (const auto& c : cases) {
    const auto steps = alignTexts(c.from, c.to);
    EXPECT_EQ(steps, c.steps) << c.name;
  }
}

TEST(TextAlignmentTest, DoesNotPairIdentifiersAsRewordings) {
  const std::vector<std::string> from{"real_situation", "company_opinion"};
  const std::vector<std::string> to{"real_situation", "project_presentation"};
  EXPECT_EQ(alignTexts(from, to, false), (Steps{kept(0, 0), removed(1), added(1)}));
}

TEST(TextAlignmentTest, CoversEveryItemOfBothListsOnce) {
  const std::vector<std::string> from{"a", "b", "c", "d", "e", "b"};
  const std::vector<std::string> to{"e", "x", "b", "a", "y", "d", "z"};
  const auto steps = alignTexts(from, to);
  std::vector<int> from_seen(from.size()), to_seen(to.size());
  for (const auto& step : steps) {
    if (step.from) ++from_seen[*step.from];
    if (step.to) ++to_seen[*step.to];
  }
  EXPECT_EQ(from_seen, std::vector<int>(from.size(), 1));
  EXPECT_EQ(to_seen, std::vector<int>(to.size(), 1));
}

TEST(TextAlignmentTest, MeasuresSimilarityOnWords) {
  EXPECT_DOUBLE_EQ(textSimilarity("Le plan d'action", "le PLAN d'action"), 1.0);
  EXPECT_DOUBLE_EQ(textSimilarity("a b c d", "a b x y"), 0.5);
  EXPECT_DOUBLE_EQ(textSimilarity("œuvre", "oeuvre"), 0.0);
  EXPECT_DOUBLE_EQ(textSimilarity("", ""), 1.0);
}

}  // namespace
}  // namespace cqpm::referentials
