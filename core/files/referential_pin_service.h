#pragma once

#include <string>

#include "common/clock.h"
#include "domain/actor.h"
#include "files/referential_pin_records.h"
#include "referentials/referential_service.h"
#include "store/database.h"

namespace cqpm::files {

/// The referential version a file is judged under. A file is pinned when it
/// is registered (TransitionService); moving it to a newer version is an
/// explicit action of its centre, shown with the diff first and recorded as an
/// event. Thread-safe.
class ReferentialPinService {
 public:
  ReferentialPinService(store::Database& db, Clock clock, referentials::ReferentialService& referentials)
      : db_(db), clock_(std::move(clock)), referentials_(referentials) {}

  /// The file's pin, the current version and the changes between them.
  /// Error{kNotFound} outside the actor's scope.
  ReferentialPinView show(const domain::Actor& actor, const std::string& file_id);

  /// Moves a registered file to the newer published version `target`. Only the
  /// centre's coordinator, only while the file is `registered` (its modality plan
  /// is then checked against the new version when it is agreed); compare-and-swap
  /// on the file's version; the event carries from, to and the number of changes.
  /// Errors: kNotFound, kForbidden, kInvalidState, kVersionConflict, kInvalidField
  /// ("version": not newer than the pinned one, or not published). Returns show().
  ReferentialPinView move(const domain::Actor& actor, const std::string& file_id,
                          std::int64_t expected_version, std::int64_t target);

 private:
  store::Database& db_;
  Clock clock_;
  referentials::ReferentialService& referentials_;
};

}  // namespace cqpm::files
