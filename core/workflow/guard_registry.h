#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "workflow/guard.h"

namespace cqpm::workflow {

/// A guard as the registry holds it.
struct RegisteredGuard {
  std::string name;
  GuardKind kind;
  GuardFunction function;
};

/// The guards that workflow definitions may name: core guards (registerCoreGuards)
/// and, later, guards that plugins register while loading. The registry does not
/// care how a guard is implemented.
///
/// Thread-safety: add() is not synchronised. Register every guard at start-up,
/// before definitions are loaded and requests are served; after that, concurrent
/// find()/names() calls are safe.
class GuardRegistry {
 public:
  /// Registers `function` under `name`. Throws Error{kInvalidConfiguration} if the
  /// name is empty, already registered, or the function is empty.
  void add(std::string name, GuardKind kind, GuardFunction function);

  /// The guard named `name`, or null. The pointer is borrowed from the registry and
  /// stays valid as long as the registry lives (later add() calls do not move it).
  const RegisteredGuard* find(std::string_view name) const;

  /// Every registered name, sorted.
  std::vector<std::string> names() const;

 private:
  std::map<std::string, RegisteredGuard, std::less<>> guards_;
};

}  // namespace cqpm::workflow
