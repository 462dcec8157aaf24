#pragma once

#include <string>
#include <vector>

#include "auth/password_hasher.h"
#include "common/clock.h"
#include "documents/document_service.h"
#include "evaluation/commission_service.h"
#include "evaluation/evaluation_service.h"
#include "files/candidate_file_service.h"
#include "files/modality_plan_service.h"
#include "files/transition_service.h"
#include "files/vae_admissibility_service.h"
#include "opinion/company_opinion_service.h"
#include "plugins/plugin_catalog.h"
#include "store/database.h"

namespace cqpm::demo {

/// Registration fields the CQPM's rules accept (habilitations for maintenance
/// industrielle, the material family for fabrication additive: metal powder
/// for an even `variant`, polymer otherwise); an empty object for the others.
Poco::JSON::Object::Ptr sampleRegistration(const std::string& cqpm, int variant);

/// A modality plan the CQPM's rules accept, built from the plan editor's view
/// (ModalityPlanService::get): every competency planned with the first
/// evaluator of the centre, and the details each CQPM asks for. Used by the
/// demo, the tests and the benchmark. With `with_projects`, every second
/// competency is evaluated on the presentation of projects (submit_evidence then
/// wants the candidate's report); otherwise all on real situations. The result
/// is the `competencies` list of a PUT body.
Poco::JSON::Array::Ptr sampleModalityPlan(const files::ModalityPlanEditor& editor, const std::string& cqpm,
                                          const std::string& registration_json, bool with_projects = true);
/// The same from the editor's JSON, as the API answers it (GET .../modality-plan).
Poco::JSON::Array::Ptr sampleModalityPlan(const Poco::JSON::Object::Ptr& editor, const std::string& cqpm,
                                          const std::string& registration_json, bool with_projects = true);

/// The password of every demo account.
inline constexpr const char* kDemoPassword = "demo";

/// Seeds the demo (two centres, two companies, the GTP, accounts for every
/// role, candidate files of each pathway in several states) into an EMPTY
/// database, through the same services the API uses, so every file has its
/// real history. A database that already holds organisations is left exactly
/// as it is. Files of a CQPM whose plugin is not installed are skipped.
/// Returns the logins created (empty when nothing was seeded).
std::vector<std::string> seedDemo(store::Database& db, files::CandidateFileService& files,
                                  files::TransitionService& transitions, files::ModalityPlanService& plans,
                                  const plugins::PluginCatalog& catalog, const auth::PasswordHasher& hasher,
                                  opinion::CompanyOpinionService& opinions,
                                  evaluation::CommissionService& commissions,
                                  evaluation::EvaluationService& evaluations,
                                  files::VaeAdmissibilityService& admissibility,
                                  documents::DocumentService& documents, const Clock& clock);

}  // namespace cqpm::demo
