#pragma once

#include <Poco/JSON/Object.h>

#include "accrochage/holder_report.h"

namespace cqpm::http {

/// GET /holders/accrochage: the period, whether the certifier is configured, the counts and every
/// certification with its holder and what is missing (schemas/openapi.yaml, HolderReport).
Poco::JSON::Object::Ptr holderReportJson(const accrochage::HolderReport& report);

}  // namespace cqpm::http
