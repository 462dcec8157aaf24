#pragma once

#include <string>

#include "domain/actor.h"

namespace cqpm::access {

/// Which candidate files an actor may see. Decided here, once, for every read
/// and write of a file: storage applies it in SQL, so an out-of-scope file is
/// indistinguishable from a missing one (404, never 403).
struct FileScope {
  enum class Kind {
    kEverything,    ///< platform administrators
    kCentre,        ///< the centre's own files (coordinators)
    kCommission,    ///< files whose evaluation commission includes the user (key: the evaluator's user id)
    kJurySessions,  ///< files of the jury sessions the user sits on (key: the jury member's user id)
    kCompany,       ///< files of the company's candidates
    kCandidate,     ///< the candidate's own files
    kJuryOverseen,  ///< files put before a jury session of any centre (GTP auditors, who oversee juries)
    kNothing,       ///< roles that read no candidate file
  };
  Kind kind = Kind::kNothing;
  std::string key;  ///< organisation id (centre, company) or user id (candidate)
};

/// The scope of `actor`. Pure function of the actor's role and organisation.
FileScope fileScopeFor(const domain::Actor& actor);

}  // namespace cqpm::access
