#include "referentials/text_alignment.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace cqpm::referentials {

namespace {

constexpr double kMinimumRewordingSimilarity = 0.5;

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> result;
  std::string word;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte)) {
      word += static_cast<char>(byte < 0x80 ? std::tolower(byte) : byte);
    } else if (!word.empty()) {
      result.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) result.push_back(std::move(word));
  return result;
}

// A run of unmatched items between two kept ones: old and new indices.
struct Gap {
  std::vector<std::size_t> removed;
  std::vector<std::size_t> added;
};

// Pairs of (index into gap.removed, index into gap.added), increasing in both.
std::vector<std::pair<std::size_t, std::size_t>> pairRewordings(const Gap& gap,
                                                                const std::vector<std::string>& from,
                                                                const std::vector<std::string>& to) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  const std::size_t n = gap.removed.size();
  const std::size_t m = gap.added.size();
  if (n == m) {
    for (std::size_t i = 0; i < n; ++i) pairs.emplace_back(i, i);
    return pairs;
  }
  // best[i][j]: the greatest total similarity pairing removed[i..] with added[j..].
  std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, 0.0));
  std::vector<std::vector<double>> similarity(n, std::vector<double>(m, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < m; ++j)
      similarity[i][j] = textSimilarity(from[gap.removed[i]], to[gap.added[j]]);
  }
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      double value = std::max(best[i + 1][j], best[i][j + 1]);
      if (similarity[i][j] >= kMinimumRewordingSimilarity)
        value = std::max(value, best[i + 1][j + 1] + similarity[i][j]);
      best[i][j] = value;
    }
  }
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (similarity[i][j] >= kMinimumRewordingSimilarity &&
        best[i][j] == best[i + 1][j + 1] + similarity[i][j]) {
      pairs.emplace_back(i, j);
      ++i;
      ++j;
    } else if (best[i][j] == best[i + 1][j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

}  // namespace

double textSimilarity(const std::string& a, const std::string& b) {
  const auto left = words(a);
  const auto right = words(b);
  if (left.empty() && right.empty()) return a == b ? 1.0 : 0.0;
  std::map<std::string, int> counts;
  for (const auto& word : left) ++counts[word];
  std::size_t shared = 0;
  for (const auto& word : right) {
    auto it = counts.find(word);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++shared;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(left.size() + right.size());
}

std::vector<AlignmentStep> alignTexts(const std::vector<std::string>& from,
                                      const std::vector<std::string>& to, bool pair_rewordings) {
  const std::size_t n = from.size();
  const std::size_t m = to.size();
  // lcs[i][j]: length of the longest common subsequence of from[i..] and to[j..].
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = from[i] == to[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  // Kept pairs, and the gaps before each of them (the last gap follows the last pair).
  std::vector<std::pair<std::size_t, std::size_t>> kept;
  std::vector<Gap> gaps(1);
  for (std::size_t i = 0, j = 0; i < n || j < m;) {
    if (i < n && j < m && from[i] == to[j]) {
      kept.emplace_back(i++, j++);
      gaps.emplace_back();
    } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      gaps.back().removed.push_back(i++);
    } else {
      gaps.back().added.push_back(j++);
    }
  }
  // The same text removed in one place and added in another has moved.
  std::map<std::size_t, std::size_t> moved_from;  // new index -> old index
  std::vector<bool> removed_moved(n, false);
  for (const auto& gap : gaps) {
    for (const std::size_t j : gap.added) {
      for (const auto& other : gaps) {
        auto it = std::find_if(other.removed.begin(), other.removed.end(),
                               [&](std::size_t i) { return !removed_moved[i] && from[i] == to[j]; });
        if (it != other.removed.end()) {
          removed_moved[*it] = true;
          moved_from[j] = *it;
          break;
        }
      }
    }
  }
  std::vector<AlignmentStep> steps;
  for (std::size_t g = 0; g < gaps.size(); ++g) {
    const auto& added = gaps[g].added;
    Gap unmoved;  // what is left to pair as rewordings
    for (const std::size_t i : gaps[g].removed) {
      if (!removed_moved[i]) unmoved.removed.push_back(i);
    }
    for (const std::size_t j : added) {
      if (!moved_from.count(j)) unmoved.added.push_back(j);
    }
    const auto pairs = pair_rewordings ? pairRewordings(unmoved, from, to)
                                       : std::vector<std::pair<std::size_t, std::size_t>>{};
    // Document order within the gap: removed items, then added ones, up to each rewording.
    std::size_t r = 0;
    std::size_t a = 0;
    const auto emitRemovedUntil = [&](std::size_t end_r) {
      for (; r < end_r; ++r) steps.push_back({StepKind::kRemoved, unmoved.removed[r], std::nullopt});
    };
    const auto emitAddedBefore = [&](std::size_t new_index) {
      for (; a < added.size() && added[a] < new_index; ++a) {
        const std::size_t j = added[a];
        if (auto moved = moved_from.find(j); moved != moved_from.end()) {
          steps.push_back({StepKind::kMoved, moved->second, j});
        } else {
          steps.push_back({StepKind::kAdded, std::nullopt, j});
        }
      }
    };
    for (const auto& [pr, pa] : pairs) {
      emitRemovedUntil(pr);
      emitAddedBefore(unmoved.added[pa]);
      steps.push_back({StepKind::kReworded, unmoved.removed[pr], unmoved.added[pa]});
      r = pr + 1;
      ++a;
    }
    emitRemovedUntil(unmoved.removed.size());
    emitAddedBefore(m);
    if (g < kept.size()) steps.push_back({StepKind::kKept, kept[g].first, kept[g].second});
  }
  return steps;
}

}  // namespace cqpm::referentials
