#pragma once

#include <string>

#include "domain/file_event.h"
#include "workflow/workflow_definition.h"

namespace cqpm::files {

/// A short French sentence for a file's activity feed: "Avis de l'entreprise
/// signé (version 2)", "Nathalie Roux a signé la compétence 3", "Commentaire
/// sur la compétence 2". Workflow transitions read as their label in
/// `workflow` (may be null); the other events as written here, from their
/// payload. Never throws on a missing or malformed payload: the sentence just
/// says less. The wording of every event kind lives in this one place.
std::string eventSummaryFr(const domain::FileEvent& event, const workflow::WorkflowDefinition* workflow);

}  // namespace cqpm::files
