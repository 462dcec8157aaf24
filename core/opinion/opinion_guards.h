#pragma once

#include <string_view>

#include "workflow/guard_registry.h"

namespace cqpm::opinion {

/// Name of the guard, as workflow definitions spell it.
inline constexpr std::string_view kCompanyOpinionSigned = "company_opinion_signed";

/// Registers company_opinion_signed (kPayload: it reads the stored opinion
/// through GuardContext::sql, so it runs only when the transition is fired):
/// the newest version of the file's company opinion is signed. A VAE file
/// passes (it has no opinion). Refusals are kGuardFailed, field
/// "company_opinion"; without a transaction the guard refuses with kStorage.
/// Throws Error{kInvalidConfiguration} if the name is already registered.
void registerOpinionGuards(workflow::GuardRegistry& registry);

}  // namespace cqpm::opinion
