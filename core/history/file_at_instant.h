#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/candidate_file.h"
#include "domain/file_event.h"

namespace cqpm::history {

/// What a file's own events say it was at an instant (issue 16, item 3).
struct FileAtInstant {
  /// The file as it stood: state, candidate's identity and registration answers, modality plan,
  /// carried-over blocs, pinned referential version. `version` stays today's (an internal counter,
  /// never shown); `updated_at` is the time of the last event by then.
  domain::CandidateFile file;
  std::vector<std::string> commission;    ///< the evaluators sitting then, in the order assigned
  std::vector<domain::FileEvent> events;  ///< the events up to the instant, oldest first
  /// The pinned version then differs from today's: the caller looks up its commit (the events
  /// name the version moved from, not its commit).
  bool referential_moved = false;
};

/// Rebuilds `current` (the file as stored today) as it stood at `at` (ISO-8601 UTC written as the
/// store writes it, so that text order is time order), from `events` (all of the file's, oldest
/// first): the state is the last event's by then; whatever an event after `at` changed is undone
/// with what that event recorded (a correction's former values, a referential move's former
/// version, the pin of a transition in `pinning_transitions`); the plan and the commission are the
/// last ones recorded by then; blocs carried over after `at` are dropped. nullopt when the file did
/// not exist yet. Pure; throws nothing on a payload it cannot read (that change is not undone).
std::optional<FileAtInstant> fileAtInstant(const domain::CandidateFile& current,
                                           const std::vector<domain::FileEvent>& events,
                                           const std::string& at,
                                           const std::set<std::string>& pinning_transitions);

}  // namespace cqpm::history
