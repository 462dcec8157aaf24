#include "evaluation/evaluation_guards.h"

#include "evaluation/evaluation_grid.h"
#include "store/evaluation_store.h"

namespace cqpm::evaluation {

namespace {

std::optional<workflow::Refusal> evaluationComplete(plugins::PluginRules& rules,
                                                    const workflow::GuardContext& context) {
  if (!context.sql) {
    // Only reachable if a caller decides a transition outside a write transaction.
    return workflow::Refusal{ErrorCode::kStorage, "the evaluation grid cannot be read here", "", nullptr};
  }
  const auto numbers = competencyNumbers(*rules.referentialFor(context.file));
  Poco::JSON::Object::Ptr results = new Poco::JSON::Object;
  for (const auto& [number, result] :
       store::evaluation_store::competencyResults(*context.sql, context.file.id, numbers)) {
    results->set(number, result);
  }
  auto refusal = rules.checkEvaluationComplete(context.file, results);
  if (refusal && refusal->details && refusal->details->has("competency")) {
    const std::string number = refusal->details->get("competency").convert<std::string>();
    refusal->field = "evaluation." + number;
    if (results->optValue<std::string>(number, "not_evaluated") == "not_evaluated") {
      refusal->message = "Competency " + number +
                         " is not evaluated yet: it needs a result signed on its current version by two "
                         "evaluators of the commission.";
    }
  }
  return refusal;
}

}  // namespace

void registerEvaluationGuards(workflow::GuardRegistry& registry, plugins::PluginRules& rules) {
  registry.add(
      std::string(kEvaluationComplete), workflow::GuardKind::kPayload,
      [&rules](const workflow::GuardContext& context) { return evaluationComplete(rules, context); });
}

}  // namespace cqpm::evaluation
