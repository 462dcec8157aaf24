#pragma once

#include <Poco/JSON/Object.h>

#include "opinion/opinion_records.h"

namespace cqpm::http {

/// A file's company opinion (schemas/openapi.yaml, CompanyOpinion): {file_id, required, editable,
/// state (draft|signed, null for VAE), values [{id, label}], current (null for VAE), history
/// [signed versions, oldest first]}; a version is {version, state, activities [{index, title,
/// value, comment}], competencies [{number, title, value, comment}], text, updated_by {id,
/// display_name}|null, updated_at, signed_by, signed_at, etag}, listing every item of the form,
/// answered or not (value null).
Poco::JSON::Object::Ptr companyOpinionJson(const opinion::CompanyOpinionView& opinion);

}  // namespace cqpm::http
