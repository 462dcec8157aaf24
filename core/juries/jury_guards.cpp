#include "juries/jury_guards.h"

#include "store/jury_decision_store.h"
#include "store/jury_store.h"

namespace cqpm::juries {

namespace {

workflow::Refusal notDecided() {
  Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
  details->set("message_fr",
               "Seul le jury décide : enregistrez la décision dans la session du jury "
               "(POST /api/v1/jury-sessions/{id}/files/{dossier}/decision).");
  return workflow::Refusal{ErrorCode::kGuardFailed,
                           "Only the jury decides: record the decision through the jury session "
                           "(POST /api/v1/jury-sessions/{id}/files/{file}/decision).",
                           "decision", details};
}

std::optional<workflow::Refusal> decidedByJury(const workflow::GuardContext& context) {
  if (!context.sql) return notDecided();
  const auto decision = store::jury_decision_store::activeForFile(*context.sql, context.file.id);
  if (!decision) return notDecided();
  const Poco::Dynamic::Var named = context.payload->get("decision_id");
  if (named.isEmpty() || !named.isString() || named.convert<std::string>() != decision->id)
    return notDecided();
  // A decision takes effect with the publication of its session's results, never before.
  const auto session = store::jury_store::findSession(*context.sql, decision->session_id);
  if (!session || session->state != "published") return notDecided();
  return std::nullopt;
}

}  // namespace

void registerJuryGuards(workflow::GuardRegistry& registry) {
  // A file guard on purpose: when only listing what a person may do (no
  // transaction, context.sql null) it refuses, so the decision transitions are
  // never offered as buttons; the jury session page is where they happen.
  registry.add(std::string(kDecidedByJury), workflow::GuardKind::kFile, decidedByJury);
}

}  // namespace cqpm::juries
