#pragma once

#include <string_view>

#include "workflow/guard_registry.h"

namespace cqpm::files {

/// Name of the guard, as workflow definitions spell it.
inline constexpr std::string_view kVaeAdmissible = "vae_admissible";

/// Registers vae_admissible (kPayload: it reads the stored decisions through
/// GuardContext::sql): a VAE file's admissibility decision in force is
/// favourable. Other pathways pass. Refusals are kGuardFailed, field
/// "admissibility".
void registerVaeAdmissibilityGuard(workflow::GuardRegistry& registry);

}  // namespace cqpm::files
