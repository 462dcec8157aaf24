#pragma once

#include <functional>
#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "files/transition_service.h"
#include "juries/jury_records.h"
#include "plugins/plugin_rules.h"
#include "store/database.h"

namespace cqpm::juries {

/// How a jury session ends, so that what is published holds: the coordinator
/// designates its president among the members; the president closes it once
/// every file of its agenda is decided; members present sign the minutes (at
/// least one of each college); the coordinator then publishes the results,
/// which is when decisions take effect (files move, certificates are issued,
/// candidates and companies are told). After the deliberation opened, a
/// correction of the record is an erratum, appended. Every method answers the
/// session as JurySessionService::get does, through `view`. Thread-safe.
class SessionClosingService {
 public:
  using SessionView = std::function<JurySessionView(const domain::Actor&, const std::string&)>;

  SessionClosingService(store::Database& db, Clock clock, files::TransitionService& transitions,
                        plugins::PluginRules& rules, SessionView view)
      : db_(db), clock_(std::move(clock)), transitions_(transitions), rules_(rules), view_(std::move(view)) {}

  /// Coordinator; a member of the session (kInvalidField "user_id"); until closed (kInvalidState "state").
  JurySessionView designatePresident(const domain::Actor& actor, const std::string& session_id,
                                     const std::string& user_id);
  /// The president, present (kForbidden otherwise); the session open (kInvalidState "state"), a
  /// president designated (kInvalidState "president"), every file decided (kInvalidState "files",
  /// details.undecided).
  JurySessionView close(const domain::Actor& actor, const std::string& session_id);
  /// A member present at the session (kForbidden "present"), once (kConflict), the session closed.
  JurySessionView sign(const domain::Actor& actor, const std::string& session_id);
  /// Coordinator; the session closed and signed by a present member of each college
  /// (kInvalidState "signatures", details.missing_colleges). In ONE transaction: the session is
  /// published and every decision in force of it takes effect (decision_effects.h).
  JurySessionView publish(const domain::Actor& actor, const std::string& session_id);
  /// Coordinator, once the deliberation opened (kInvalidState "state" before); "text" required.
  JurySessionView addErratum(const domain::Actor& actor, const std::string& session_id,
                             const std::string& text);

 private:
  store::Database& db_;
  Clock clock_;
  files::TransitionService& transitions_;
  plugins::PluginRules& rules_;
  SessionView view_;
};

}  // namespace cqpm::juries
