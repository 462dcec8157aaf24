#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <fstream>
#include <sstream>
#include <string>

#include "domain/actor.h"
#include "domain/candidate_file.h"
#include "workflow/core_guards.h"
#include "workflow/guard_registry.h"
#include "workflow/workflow_definition.h"

// Helpers shared by the workflow tests: the real data files of the source tree and
// files and actors that pass every core guard unless a test spoils them.
namespace cqpm::workflow::test_support {

inline const std::string kSourceRoot = CQPM_SOURCE_ROOT;
inline const std::string kDefinitionPath = kSourceRoot + "/workflows/candidate-file.json";
inline const std::string kSchemaPath = kSourceRoot + "/schemas/workflow.schema.json";

inline std::string readSource(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("test data missing: " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline std::string definitionText() { return readSource(kDefinitionPath); }
inline std::string schemaText() { return readSource(kSchemaPath); }

/// The real definition as a mutable JSON object, for tests that break it.
inline Poco::JSON::Object::Ptr definitionJson() {
  Poco::JSON::Parser parser;
  return parser.parse(definitionText()).extract<Poco::JSON::Object::Ptr>();
}

inline std::string stringify(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(object, out);
  return out.str();
}

/// Names of the guards the plugin host registers (plugins/plugin_guards.cpp).
/// The engine's tests stand them in with guards driven by the file, so that a
/// test can make each one pass or fail; the real ones are tested in tests/plugins.
inline constexpr const char* kPluginRegistrationGuard = "registration_accepted";
inline constexpr const char* kPluginPlanGuard = "modality_plan_accepted";
/// Guards that read stored data through the transition's transaction, registered
/// by their own modules; stood in here by guards that pass (the real ones are
/// tested over HTTP: company_opinion_signed in tests/opinion).
inline constexpr const char* kOpinionSignedGuard = "company_opinion_signed";
/// The jury's decision guard (certify, award_blocs, refuse_certification): tested
/// over HTTP in tests/juries.
inline constexpr const char* kDecidedByJuryGuard = "decided_by_jury";
/// The evaluation grid's completeness (leaving under_evaluation): tested over HTTP
/// in tests/evaluation.
inline constexpr const char* kEvaluationCompleteGuard = "evaluation_complete";
/// A VAE application's favourable admissibility (agree_modalities): tested over
/// HTTP in tests/http/vae_admissibility_test.cpp.
inline constexpr const char* kVaeAdmissibleGuard = "vae_admissible";
/// The report uploaded for projects presented (submit_evidence): tested over
/// HTTP in tests/documents.
inline constexpr const char* kEvidenceCompleteGuard = "evidence_complete";

/// What makes a stand-in of a guard reading stored data refuse: the file's cqpm set to
/// refuseStandIn("<guard name>"); the refusal's field is the guard's name. (Not a payload
/// member: the engine refuses members a transition's payload schema does not declare.)
inline std::string refuseStandIn(const std::string& guard) { return "refuse_stand_in:" + guard; }

/// A stand-in for a guard that reads stored data: passes, unless the file names it
/// (refuseStandIn), so the engine's tests can make it fail.
inline GuardFunction storedDataStandIn(const std::string& name) {
  return [name](const GuardContext& context) -> std::optional<Refusal> {
    if (context.file.cqpm != refuseStandIn(name)) return std::nullopt;
    return Refusal{ErrorCode::kGuardFailed, name + " refused", name, nullptr};
  };
}

inline GuardRegistry coreRegistry() {
  GuardRegistry registry;
  registerCoreGuards(registry);
  registry.add(kPluginRegistrationGuard, GuardKind::kFile,
               [](const GuardContext& context) -> std::optional<Refusal> {
                 if (context.file.registration_json == "{}") return std::nullopt;
                 return Refusal{ErrorCode::kGuardFailed, "registration refused", "registration", nullptr};
               });
  registry.add(kPluginPlanGuard, GuardKind::kFile, [](const GuardContext& context) -> std::optional<Refusal> {
    if (!context.file.modality_plan_json || *context.file.modality_plan_json != "[]") {
      return Refusal{ErrorCode::kGuardFailed, "no accepted plan", "modality_plan", nullptr};
    }
    return std::nullopt;
  });
  for (const char* name : {kOpinionSignedGuard, kDecidedByJuryGuard, kEvaluationCompleteGuard,
                           kVaeAdmissibleGuard, kEvidenceCompleteGuard}) {
    registry.add(name, GuardKind::kPayload, storedDataStandIn(name));
  }
  return registry;
}

/// An employee's file with a company and a complete identity: passes every kFile
/// guard except company_opinion_not_required.
inline domain::CandidateFile employeeFile(const std::string& state) {
  domain::CandidateFile file;
  file.id = "file-1";
  file.centre_id = "centre-lyon";
  file.company_id = "company-acme";
  file.cqpm = "maintenance-industrielle";
  file.pathway = domain::Pathway::kEmployee;
  file.candidate = {"Camille", "Martin", "camille.martin@example.fr", "1990-04-12"};
  file.modality_plan_json = "[]";  // accepted by the stand-in plan guard (see coreRegistry)
  file.state = state;
  return file;
}

/// A VAE file: no company, complete identity.
inline domain::CandidateFile vaeFile(const std::string& state) {
  domain::CandidateFile file = employeeFile(state);
  file.pathway = domain::Pathway::kVae;
  file.company_id.reset();
  return file;
}

inline domain::Actor actorWith(domain::Role role) {
  domain::Actor actor;
  actor.user_id = "user-" + std::string(domain::roleName(role));
  actor.login = actor.user_id;
  actor.display_name = "Test " + std::string(domain::roleName(role));
  actor.role = role;
  return actor;
}

/// A payload that satisfies every core kPayload guard.
inline Poco::JSON::Object::Ptr passingPayload() {
  Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
  payload->set("reason", "Le candidat a quitté l'entreprise.");
  Poco::JSON::Array::Ptr blocs = new Poco::JSON::Array;
  blocs->add("BDC0170");
  payload->set("blocs", blocs);
  return payload;
}

}  // namespace cqpm::workflow::test_support
