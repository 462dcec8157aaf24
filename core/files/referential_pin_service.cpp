#include "files/referential_pin_service.h"

#include <Poco/JSON/Array.h>

#include "access/file_in_scope.h"
#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "files/file_events.h"
#include "store/candidate_file_store.h"
#include "store/event_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::files {

using Poco::JSON::Object;

namespace {

constexpr const char* kMovableState = workflow::states::kRegistered;

}  // namespace

ReferentialPinView ReferentialPinService::show(const domain::Actor& actor, const std::string& file_id) {
  const auto view = access::readFileInScope(db_, actor, file_id);
  const auto& file = view.file;
  ReferentialPinView pin;
  pin.file_id = file.id;
  pin.file_version = file.version;
  pin.state = file.state;
  pin.current = referentials_.current(file.cqpm);
  if (file.referential_version) {
    pin.pinned = referentials_.version(file.cqpm, *file.referential_version);
    if (*file.referential_version != pin.current.number)
      pin.changes = referentials_.diff(file.cqpm, *file.referential_version, pin.current.number).changes;
  }
  pin.movable = file.state == kMovableState && file.referential_version &&
                *file.referential_version < pin.current.number &&
                access::allows(actor.role, access::Permission::kMoveReferentialPin);
  return pin;
}

ReferentialPinView ReferentialPinService::move(const domain::Actor& actor, const std::string& file_id,
                                               std::int64_t expected_version, std::int64_t target) {
  const auto view = access::readFileInScope(db_, actor, file_id);
  if (!access::allows(actor.role, access::Permission::kMoveReferentialPin)) {
    throw Error(ErrorCode::kForbidden,
                "only the centre's coordinator moves a file to another referential version");
  }
  const auto destination = referentials_.version(view.file.cqpm, target);  // kNotFound for an unknown version
  // The diff reads git, so it is taken before the writer lock, from the pin
  // read above; the check inside makes sure the pin has not moved since.
  const std::optional<std::int64_t> pinned = view.file.referential_version;
  const std::size_t change_count =
      pinned && target > *pinned ? referentials_.diff(view.file.cqpm, *pinned, target).changes.size() : 0;
  const auto scope = access::fileScopeFor(actor);
  db_.write([&](store::SqlSession& sql) {
    auto file = store::candidate_file_store::find(sql, file_id, scope);
    if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    if (file->file.version != expected_version) {
      throw fileVersionConflict(file->file.version);
    }
    if (file->file.state != kMovableState || !file->file.referential_version) {
      throw Error(ErrorCode::kInvalidState,
                  "a file moves to another referential version while it is registered");
    }
    const std::int64_t from = *file->file.referential_version;
    if (target <= from) {
      throw Error(ErrorCode::kInvalidField,
                  "version must be newer than the pinned version " + std::to_string(from), "version");
    }
    if (from != pinned) {
      throw Error(ErrorCode::kVersionConflict, "the file changed while it was being moved",
                  "expected_version");
    }
    const std::string now = nowIso8601(clock_);
    // The version bump and the event go with the new pin, in one transaction.
    if (!store::candidate_file_store::updateState(sql, file->file.id, expected_version, file->file.state,
                                                  now)) {
      throw Error(ErrorCode::kVersionConflict, "the file changed while it was being moved",
                  "expected_version");
    }
    store::candidate_file_store::pinReferential(sql, file->file.id, target, destination.commit_id);
    Object::Ptr payload = new Object;
    payload->set("from_version", from);
    payload->set("to_version", target);
    payload->set("to_commit", destination.commit_id);
    payload->set("changes", static_cast<int>(change_count));
    store::event_store::append(sql, sameStateEvent(file->file, actor, "move_referential", payload, now));
  });
  return show(actor, file_id);
}

}  // namespace cqpm::files
