#pragma once

#include <Poco/JSON/Object.h>

#include <functional>
#include <optional>
#include <string>

#include "common/error.h"
#include "domain/actor.h"
#include "domain/candidate_file.h"

namespace cqpm::store {
class SqlSession;
}

namespace cqpm::workflow {

/// What a guard may look at. Everything is borrowed for the duration of one call;
/// a guard must not keep references to it.
struct GuardContext {
  const domain::CandidateFile& file;  ///< the file as stored, before the transition
  const domain::Actor& actor;         ///< who fires (or would fire) the transition
  /// The request's transition payload (reason, blocs, ...). Never null: an empty
  /// object when the request had none, and when kFile guards run for available().
  const Poco::JSON::Object::Ptr payload;
  /// The transaction the transition is decided in, for guards that read stored
  /// data of the file (its evaluation grid, its company opinion). Set when a
  /// transition is fired; null when only listing available transitions, which is
  /// why such guards are kPayload guards (run only when fired).
  store::SqlSession* sql = nullptr;
};

/// Why a transition is refused: an expected business outcome, returned as a value
/// (never thrown) so that the HTTP layer answers it like any other refusal.
struct Refusal {
  ErrorCode code;       ///< kGuardFailed for guards; kForbidden, kInvalidState, ... from the engine
  std::string message;  ///< English, clear to the person who tried: what to fix
  std::string field;    ///< the input at fault ("payload.reason", "company_id"), or empty
  /// Extra data for clients (a plugin's competency number and French message), or null.
  Poco::JSON::Object::Ptr details;
};

/// A guard: nullopt when the transition may go on, a Refusal when it must not.
/// Core guards are C++ lambdas; plugin guards wrap a Lua hook behind the same type.
/// May be called concurrently from several request threads, so a guard must not
/// touch unsynchronised shared state. Failures that are not refusals (a plugin
/// crash, a storage error) are thrown as cqpm::Error and reach the caller.
using GuardFunction = std::function<std::optional<Refusal>(const GuardContext&)>;

/// When a guard can be evaluated.
enum class GuardKind {
  kFile,     ///< reads only the file and the actor: also run to list available transitions
  kPayload,  ///< also reads the payload: run only when the transition is fired
};

}  // namespace cqpm::workflow
