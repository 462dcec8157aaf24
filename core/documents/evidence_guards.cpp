#include "documents/evidence_guards.h"

#include <map>
#include <string>

#include "store/document_store.h"

namespace cqpm::documents {

namespace {

std::optional<workflow::Refusal> evidenceComplete(plugins::PluginRules& rules,
                                                  const workflow::GuardContext& context) {
  if (!context.sql) {
    return workflow::Refusal{ErrorCode::kStorage, "the file's documents cannot be read here", "documents",
                             nullptr};
  }
  std::map<std::string, int> counts;
  for (const auto& document : store::document_store::listForFile(*context.sql, context.file.id)) {
    ++counts[document.kind];
  }
  Poco::JSON::Object::Ptr documents = new Poco::JSON::Object;
  for (const auto& [kind, count] : counts) documents->set(kind, count);
  return rules.checkEvidence(context.file, documents);
}

}  // namespace

void registerEvidenceGuards(workflow::GuardRegistry& registry, plugins::PluginRules& rules) {
  registry.add(std::string(kEvidenceComplete), workflow::GuardKind::kPayload,
               [&rules](const workflow::GuardContext& context) { return evidenceComplete(rules, context); });
}

}  // namespace cqpm::documents
