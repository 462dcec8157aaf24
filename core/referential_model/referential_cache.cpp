#include "referential_model/referential_cache.h"

namespace cqpm::referential_model {

std::shared_ptr<const Referential> ReferentialCache::get(const std::string& key, const Loader& load) {
  {
    std::lock_guard lock(mutex_);
    if (const auto found = index_.find(key); found != index_.end()) {
      order_.splice(order_.begin(), order_, found->second);
      return found->second->second;
    }
  }
  auto loaded = load();
  std::lock_guard lock(mutex_);
  ++loads_;
  if (const auto found = index_.find(key); found != index_.end()) return found->second->second;
  order_.emplace_front(key, loaded);
  index_[key] = order_.begin();
  while (order_.size() > capacity_) {
    index_.erase(order_.back().first);
    order_.pop_back();
  }
  return loaded;
}

std::size_t ReferentialCache::size() const {
  std::lock_guard lock(mutex_);
  return order_.size();
}

std::size_t ReferentialCache::loads() const {
  std::lock_guard lock(mutex_);
  return loads_;
}

}  // namespace cqpm::referential_model
