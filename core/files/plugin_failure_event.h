#pragma once

#include <string>

#include "common/clock.h"
#include "common/error.h"
#include "domain/actor.h"
#include "store/database.h"

namespace cqpm::files {

/// Records, in its own transaction, that a CQPM plugin failed while `actor`
/// acted on the file (the refused operation itself was rolled back): an event
/// "plugin_failed" whose payload carries the error (plugin, hook, line). Never
/// throws: the caller rethrows the plugin's error to the client.
void recordPluginFailure(store::Database& db, const std::string& file_id, const domain::Actor& actor,
                         const Error& failure, const Clock& clock);

}  // namespace cqpm::files
