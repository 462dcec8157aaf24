#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "referential_model/referential.h"

namespace cqpm::referential_model {

/// Referentials parsed once per commit: a small least-recently-used cache keyed
/// by "<cqpm>@<commit>" (a commit's content never changes, so an entry is never
/// stale, only evicted). Holds at most `capacity` entries. Thread-safe; the
/// loader runs outside the lock, so two threads missing the same key may both
/// parse it (the first stored wins, both answers are equal).
class ReferentialCache {
 public:
  using Loader = std::function<std::shared_ptr<const Referential>()>;

  explicit ReferentialCache(std::size_t capacity) : capacity_(capacity < 1 ? 1 : capacity) {}

  /// The entry for `key`, loaded with `load` on a miss. Errors of `load`
  /// propagate and leave nothing cached.
  std::shared_ptr<const Referential> get(const std::string& key, const Loader& load);

  /// Entries held now, and loads done since construction (for tests and metrics).
  std::size_t size() const;
  std::size_t loads() const;

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const Referential>>;

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first, guarded by mutex_
  std::map<std::string, std::list<Entry>::iterator> index_;
  std::size_t loads_ = 0;
};

}  // namespace cqpm::referential_model
