#include "opinion/opinion_guards.h"

#include <string>

#include "store/company_opinion_store.h"
#include "workflow/core_guards.h"

namespace cqpm::opinion {

namespace {

using workflow::GuardContext;
using workflow::Refusal;

std::optional<Refusal> companyOpinionSigned(const GuardContext& context) {
  if (!workflow::companyOpinionApplies(context.file)) return std::nullopt;
  if (!context.sql) {
    return Refusal{ErrorCode::kStorage, "the company opinion cannot be read outside a transition",
                   "company_opinion", nullptr};
  }
  const auto latest = store::company_opinion_store::latest(*context.sql, context.file.id);
  if (!latest) {
    return Refusal{ErrorCode::kGuardFailed,
                   "The company has not given its opinion yet: its tutor fills and signs it first.",
                   "company_opinion", nullptr};
  }
  if (latest->state != "signed") {
    return Refusal{ErrorCode::kGuardFailed,
                   "Version " + std::to_string(latest->version) +
                       " of the company opinion is a draft: its tutor signs it first.",
                   "company_opinion", nullptr};
  }
  return std::nullopt;
}

}  // namespace

void registerOpinionGuards(workflow::GuardRegistry& registry) {
  registry.add(std::string(kCompanyOpinionSigned), workflow::GuardKind::kPayload, companyOpinionSigned);
}

}  // namespace cqpm::opinion
