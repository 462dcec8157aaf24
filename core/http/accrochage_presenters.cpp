#include "http/accrochage_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Object::Ptr certificationJson(const accrochage::ReportedCertification& line) {
  Object::Ptr json = new Object;
  json->set("technical_id", line.technical_id);
  json->set("kind", line.kind);
  json->set("certification_code", nullIfEmpty(line.certification_code));
  json->set("title", line.title);
  json->set("award_id", line.award_id);
  json->set("verification_code", line.verification_code);
  json->set("decision_date", line.decision_date);
  json->set("file_id", line.file_id);
  json->set("centre_name", line.centre_name);
  Object::Ptr holder = new Object;
  holder->set("family_name", line.family_name);
  holder->set("given_name", line.given_names);
  holder->set("birth_date", line.birth_date);
  holder->set("sex", nullIfEmpty(line.sex));
  holder->set("birth_insee_code", nullIfEmpty(line.birth_insee_code));
  json->set("holder", holder);
  Array::Ptr missing = new Array;
  for (const auto fact : line.missing) {
    Object::Ptr item = new Object;
    item->set("fact", accrochage::missingFactName(fact));
    item->set("message_fr", accrochage::missingFactFrench(fact));
    missing->add(item);
  }
  json->set("missing", missing);
  json->set("reportable", line.missing.empty());
  return json;
}

}  // namespace

Object::Ptr holderReportJson(const accrochage::HolderReport& report) {
  Object::Ptr json = new Object;
  json->set("from", report.from);
  json->set("to", report.to);
  json->set("certifier_configured",
            !report.certifier.client_id.empty() && !report.certifier.contract_id.empty());
  Array::Ptr lines = new Array;
  std::int64_t reportable = 0;
  for (const auto& line : report.certifications) {
    if (line.missing.empty()) ++reportable;
    lines->add(certificationJson(line));
  }
  json->set("reportable", reportable);
  json->set("incomplete", static_cast<std::int64_t>(report.certifications.size()) - reportable);
  json->set("certifications", lines);
  return json;
}

}  // namespace cqpm::http
