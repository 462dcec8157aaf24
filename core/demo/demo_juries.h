#pragma once

#include "juries/decision_service.h"
#include "juries/jury_session_service.h"
#include "juries/session_closing_service.h"
#include "store/database.h"

namespace cqpm::demo {

/// The demo's jury: a session of the first centre with one member of each
/// college present, which certifies Thomas Blanc (left ready_for_jury by
/// seedDemo) through the jury services, as a real jury would. Call after
/// seedDemo created the demo; a file that did not reach the jury is left as it
/// is (logged).
void seedJuryDemo(store::Database& db, juries::JurySessionService& sessions,
                  juries::DecisionService& decisions, juries::SessionClosingService& closing,
                  const std::string& today);

}  // namespace cqpm::demo
