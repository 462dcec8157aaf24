#pragma once

#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/actor.h"
#include "plugins/plugin_rules.h"
#include "store/candidate_file_store.h"
#include "store/database.h"

namespace cqpm::files {

/// What a centre corrects in a file: the fields present change, with a reason.
struct FileCorrection {
  std::int64_t expected_version = 0;
  std::string reason;
  std::optional<std::string> given_name;
  std::optional<std::string> family_name;
  std::optional<std::string> email;
  std::optional<std::string> birth_date;        ///< YYYY-MM-DD
  std::optional<std::string> birth_place;       ///< "" erases it
  std::optional<std::string> sex;               ///< "F" | "M"; "" erases it
  std::optional<std::string> birth_insee_code;  ///< domain/civil_status.h; "" erases it
  Poco::JSON::Object::Ptr registration;         ///< the CQPM's registration answers, whole; null: unchanged
};

/// Corrections of a candidate's identity and of the CQPM's registration
/// answers by the file's centre, while the file is open. The file keeps its
/// state; its version moves on; the old and new values and the reason are an
/// event of the file's history ("file_corrected"), so nothing is lost. The
/// CQPM's plugin checks the registration answers again. Thread-safe.
class FileCorrectionService {
 public:
  FileCorrectionService(store::Database& db, Clock clock, plugins::PluginRules& rules,
                        std::vector<std::string> final_states)
      : db_(db), clock_(std::move(clock)), rules_(rules), final_states_(std::move(final_states)) {}

  /// Errors: kNotFound (out of scope), kForbidden (not the centre's
  /// coordinator), kInvalidState (a closed file), kVersionConflict
  /// ("expected_version", details.current_version), kInvalidField naming the
  /// field (also "reason", and "candidate" when nothing changes), and the
  /// plugin's refusal of the registration answers.
  store::CandidateFileView correct(const domain::Actor& actor, const std::string& file_id,
                                   const FileCorrection& correction);

 private:
  store::Database& db_;
  Clock clock_;
  plugins::PluginRules& rules_;
  std::vector<std::string> final_states_;
};

}  // namespace cqpm::files
