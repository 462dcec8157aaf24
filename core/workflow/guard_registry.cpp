#include "workflow/guard_registry.h"

#include <utility>

#include "common/error.h"

namespace cqpm::workflow {

void GuardRegistry::add(std::string name, GuardKind kind, GuardFunction function) {
  if (name.empty()) {
    throw Error(ErrorCode::kInvalidConfiguration, "guard registry: a guard needs a name", "guard");
  }
  if (!function) {
    throw Error(ErrorCode::kInvalidConfiguration, "guard registry: guard '" + name + "' has no function",
                "guard");
  }
  if (guards_.contains(name)) {
    throw Error(ErrorCode::kInvalidConfiguration,
                "guard registry: guard '" + name + "' is already registered", "guard");
  }
  RegisteredGuard guard{name, kind, std::move(function)};
  guards_.emplace(std::move(name), std::move(guard));
}

const RegisteredGuard* GuardRegistry::find(std::string_view name) const {
  const auto it = guards_.find(name);
  return it == guards_.end() ? nullptr : &it->second;
}

std::vector<std::string> GuardRegistry::names() const {
  std::vector<std::string> names;
  names.reserve(guards_.size());
  for (const auto& [name, guard] : guards_) names.push_back(name);
  return names;
}

}  // namespace cqpm::workflow
