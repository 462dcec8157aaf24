#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "domain/actor.h"
#include "domain/candidate_file.h"
#include "domain/file_event.h"

namespace cqpm::files {

/// An event that records something done to a file without moving it in the
/// workflow (a modality plan saved, a referential version changed, a plugin
/// failure): from and to are the file's current state. seq and hashes are
/// filled by event_store::append.
domain::FileEvent sameStateEvent(const domain::CandidateFile& file, const domain::Actor& actor,
                                 const std::string& kind, const Poco::JSON::Object::Ptr& payload,
                                 const std::string& at);

}  // namespace cqpm::files
