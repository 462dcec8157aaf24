#include "juries/decision_seal.h"

#include <vector>

#include "common/chain_hash.h"

namespace cqpm::juries {

std::string decisionSeal(const store::JuryDecisionRecord& decision) {
  // Each field length-prefixed (chainHash): no two different decisions hash the same text. The
  // list's order is part of the seal's definition: append new fields, never reorder.
  return chainHash({"cqpm-decision/1", decision.id, decision.session_id, decision.file_id, decision.cqpm,
                    decision.outcome, decision.blocs_json, decision.proposal_json,
                    decision.overrides_proposal ? "overrides" : "follows", decision.reason,
                    decision.members_json, decision.abstentions_json, decision.competencies_json.value_or(""),
                    decision.referential_version ? std::to_string(*decision.referential_version) : "",
                    decision.referential_commit.value_or(""), decision.decided_by, decision.decided_at});
}

}  // namespace cqpm::juries
