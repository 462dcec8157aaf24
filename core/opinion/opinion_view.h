#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/candidate_file.h"
#include "opinion/opinion_records.h"
#include "store/company_opinion_store.h"

namespace cqpm::opinion {

inline constexpr const char* kDraftOpinion = "draft";
inline constexpr const char* kSignedOpinion = "signed";

/// The company opinion that `versions` (the file's stored versions, oldest first) make: the signed
/// ones as its history, the last one as current, an empty draft at version 1 when there is none yet;
/// for a file without company opinion (VAE), only `required` false. Pure: today's opinion reads the
/// stored versions, the file as it stood at an earlier instant reads them as they were then.
CompanyOpinionView opinionView(const domain::CandidateFile& file, const OpinionForm& form,
                               const std::vector<store::CompanyOpinionRecord>& versions, bool editable);

/// The ETag of the opinion whose newest version is `latest`: "version.revision", "1.0" before any
/// save. A save or a signature must send it in If-Match.
std::string opinionEtag(const std::optional<store::CompanyOpinionRecord>& latest);

}  // namespace cqpm::opinion
