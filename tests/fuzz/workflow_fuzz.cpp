// The workflow loader: WorkflowDefinition::parse() of a definition text against
// the repository's schemas/workflow.schema.json, with the core guards and
// placeholders for the guards the other modules register at start-up (those
// workflows/candidate-file.json names), then toJson() and the lookups of a
// loaded definition. A broken definition is refused with an Error.

#include <memory>

#include "common/file_text.h"
#include "common/json_schema.h"
#include "fuzz_support.h"
#include "workflow/core_guards.h"
#include "workflow/guard_registry.h"
#include "workflow/workflow_definition.h"

namespace {

struct WorkflowFuzzWorld {
  std::unique_ptr<cqpm::JsonSchema> schema;
  cqpm::workflow::GuardRegistry guards;

  WorkflowFuzzWorld() {
    const std::string root = cqpm::fuzz::sourceRoot();
    schema = std::make_unique<cqpm::JsonSchema>(cqpm::JsonSchema::parse(
        cqpm::readRequiredFile(root + "/schemas/workflow.schema.json"), "workflow.schema.json"));
    cqpm::workflow::registerCoreGuards(guards);
    for (const char* name : {"candidate_identity_complete", "company_matches_pathway",
                             "registration_accepted", "vae_admissible", "modality_plan_accepted",
                             "evidence_complete", "company_opinion_required", "company_opinion_not_required",
                             "evaluation_complete", "company_opinion_signed", "decided_by_jury"}) {
      if (!guards.find(name)) {
        guards.add(name, cqpm::workflow::GuardKind::kFile,
                   [](const cqpm::workflow::GuardContext&) { return std::nullopt; });
      }
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const WorkflowFuzzWorld world;
  const std::string text = cqpm::fuzz::asText(data, size);
  cqpm::fuzz::expectRefusals([&] {
    const auto definition =
        cqpm::workflow::WorkflowDefinition::parse(text, *world.schema, world.guards, "fuzz.json");
    definition.toJson();
    for (const auto& state : definition.states()) {
      definition.transitionsFrom(state.id);
      definition.isFinal(state.id);
    }
    for (const auto& transition : definition.transitions()) definition.findTransition(transition.id);
  });
  return 0;
}
