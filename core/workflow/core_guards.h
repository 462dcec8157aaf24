#pragma once

#include <string_view>

#include "workflow/guard_registry.h"

namespace cqpm::workflow {

/// Names of the core guards, as workflow definitions spell them.
inline constexpr std::string_view kCandidateIdentityComplete = "candidate_identity_complete";
inline constexpr std::string_view kCompanyMatchesPathway = "company_matches_pathway";
inline constexpr std::string_view kCompanyOpinionRequired = "company_opinion_required";
inline constexpr std::string_view kCompanyOpinionNotRequired = "company_opinion_not_required";
inline constexpr std::string_view kReasonGiven = "reason_given";
inline constexpr std::string_view kBlocsListed = "blocs_listed";

/// Whether the file needs the company's opinion: every pathway except VAE
/// (DESIGN). The rule behind company_opinion_required and company_opinion_not_required,
/// shared with the company opinion service.
bool companyOpinionApplies(const domain::CandidateFile& file);

/// Registers the guards every workflow may use, whatever the CQPM:
/// - candidate_identity_complete (kFile): given name, family name, e-mail and birth
///   date are all non-blank; field "candidate.<name>" of the first missing one.
/// - company_matches_pathway (kFile): a VAE file has no company, an employee file
///   has one, job_seeker and other may or may not; field "company_id".
/// - company_opinion_required (kFile): the pathway is not VAE; field "pathway".
/// - company_opinion_not_required (kFile): the pathway is VAE (DESIGN: only VAE
///   skips the company opinion); field "pathway".
/// - reason_given (kPayload): payload.reason is a string, non-blank once trimmed;
///   field "payload.reason".
/// - blocs_listed (kPayload): payload.blocs is a non-empty array of non-blank
///   strings; field "payload.blocs".
/// Every refusal has code kGuardFailed. A blank company_id counts as no company.
/// Throws Error{kInvalidConfiguration} if one of these names is already registered.
void registerCoreGuards(GuardRegistry& registry);

}  // namespace cqpm::workflow
