#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "domain/actor.h"
#include "files/transition_service.h"
#include "referential_model/referential.h"
#include "store/candidate_file_store.h"
#include "store/jury_decision_store.h"

namespace cqpm::juries {

/// What a jury decision does once its session's results are published, inside
/// the publication's transaction: the file moves by the outcome's transition
/// (certify, award_blocs, refuse_certification, each guarded by
/// decided_by_jury) and the certificate or bloc attestation is issued, named
/// after `referential` and dated by the session. Returns the transition fired.
std::string applyDecision(store::SqlSession& sql, files::TransitionService& transitions,
                          const domain::Actor& actor, const store::JuryDecisionRecord& decision,
                          const store::CandidateFileView& view,
                          const referential_model::Referential& referential, const std::string& session_date);

}  // namespace cqpm::juries
