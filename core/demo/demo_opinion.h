#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "domain/actor.h"
#include "opinion/company_opinion_service.h"

namespace cqpm::demo {

/// A complete company opinion body (a PUT body) for the opinion view `opinion`
/// (CompanyOpinionService::get): every activity and competency favourable,
/// with a short comment, and a free text. Used by the demo and the tests.
Poco::JSON::Object::Ptr sampleOpinion(const opinion::CompanyOpinionView& opinion);
/// The same from the opinion's JSON, as the API answers it (GET .../company-opinion).
Poco::JSON::Object::Ptr sampleOpinion(const Poco::JSON::Object::Ptr& opinion);

/// Fills and signs the company opinion of a file in company_opinion, as its
/// company tutor `tutor`, through the service (so the file's history has the
/// real events). Errors of the service propagate.
void signSampleOpinion(opinion::CompanyOpinionService& opinions, const domain::Actor& tutor,
                       const std::string& file_id);

}  // namespace cqpm::demo
