#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cqpm::referentials {

/// What became of one item between two versions of a list of texts.
enum class StepKind {
  kKept,      ///< same text, aligned by the longest common subsequence
  kReworded,  ///< a removed item and an added item paired as one rewording
  kMoved,     ///< the same text at another place in the list
  kAdded,     ///< only in the new list
  kRemoved,   ///< only in the old list
};

/// One item of an alignment: `from` indexes the old list (absent for kAdded), `to` the
/// new list (absent for kRemoved). Indices count from 0.
struct AlignmentStep {
  StepKind kind;
  std::optional<std::size_t> from;
  std::optional<std::size_t> to;

  bool operator==(const AlignmentStep&) const = default;
};

/// Aligns two lists of texts, the line of descent of each item. The longest common
/// subsequence keeps unchanged items; an identical text found elsewhere is kMoved; then,
/// between two kept items, the removed and added runs are paired as rewordings: position
/// by position when the runs have the same length, else the most similar pairs (at least
/// half of their words shared) in order, when `pair_rewordings` holds. Every item of both
/// lists appears in exactly one step. Steps come in document order: the new list's
/// order, with each removed item where it stood. Deterministic, pure; O(n·m).
std::vector<AlignmentStep> alignTexts(const std::vector<std::string>& from,
                                      const std::vector<std::string>& to, bool pair_rewordings = true);

/// Similarity of two texts in [0, 1]: the Dice coefficient of their multisets of words
/// (letters and digits, ASCII case folded; any non-ASCII byte is a letter).
double textSimilarity(const std::string& a, const std::string& b);

}  // namespace cqpm::referentials
