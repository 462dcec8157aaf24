#include "files/vae_admissibility_guard.h"

#include <string>

#include "store/vae_admissibility_store.h"

namespace cqpm::files {

namespace {

using workflow::GuardContext;
using workflow::Refusal;

std::optional<Refusal> vaeAdmissible(const GuardContext& context) {
  if (context.file.pathway != domain::Pathway::kVae) return std::nullopt;
  if (!context.sql) {
    return Refusal{ErrorCode::kStorage, "the admissibility cannot be read outside a transition",
                   "admissibility", nullptr};
  }
  const auto latest = store::vae_admissibility_store::latest(*context.sql, context.file.id);
  if (!latest) {
    return Refusal{ErrorCode::kGuardFailed,
                   "A VAE application is examined for admissibility before its modalities are agreed: record "
                   "the centre's admissibility decision first.",
                   "admissibility", nullptr};
  }
  if (!latest->favourable) {
    return Refusal{ErrorCode::kGuardFailed,
                   "The application was found not admissible (" + latest->reason +
                       "): the modalities are agreed only after a favourable decision.",
                   "admissibility", nullptr};
  }
  return std::nullopt;
}

}  // namespace

void registerVaeAdmissibilityGuard(workflow::GuardRegistry& registry) {
  registry.add(std::string(kVaeAdmissible), workflow::GuardKind::kPayload, vaeAdmissible);
}

}  // namespace cqpm::files
