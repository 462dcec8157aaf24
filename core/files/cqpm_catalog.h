#pragma once

#include <string>
#include <vector>

namespace cqpm::files {

/// The CQPM ids a file may be registered for. Core knows no CQPM itself: the
/// catalog is filled at start by whoever carries the referentials (the plugin host).
class CqpmCatalog {
 public:
  explicit CqpmCatalog(std::vector<std::string> ids) : ids_(std::move(ids)) {}
  bool contains(const std::string& id) const;
  const std::vector<std::string>& ids() const { return ids_; }

 private:
  std::vector<std::string> ids_;
};

}  // namespace cqpm::files
