#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "referentials/referential_diff.h"
#include "store/referential_version_store.h"

namespace cqpm::files {

/// The referential version a file is judged under, and how far it is from the
/// current one (ReferentialPinService::show). Presented by http::referentialPinJson.
struct ReferentialPinView {
  std::string file_id;
  std::int64_t file_version = 0;      ///< the file's compare-and-swap version, for the next move
  std::string state;                  ///< the file's workflow state
  store::ReferentialVersion current;  ///< the CQPM's current published version
  std::optional<store::ReferentialVersion> pinned;  ///< none before the file is registered
  /// The changes from the pinned version to the current one (ReferentialService::diff);
  /// empty when not pinned or already current.
  std::vector<referentials::Change> changes;
  /// The actor may move the file to the current version now: registered, pinned to an
  /// older version, and allowed to (access::Permission::kMoveReferentialPin).
  bool movable = false;
};

}  // namespace cqpm::files
