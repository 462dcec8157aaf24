#include "http/award_presenters.h"

#include <Poco/JSON/Array.h>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Var codeOrNull(const std::string& text) { return text.empty() ? Var() : Var(text); }

}  // namespace

Object::Ptr awardVerificationJson(const awards::AwardVerification& verification) {
  Object::Ptr json = new Object;
  json->set("valid", verification.valid);
  json->set("status", verification.valid ? "valid" : "revoked");
  json->set("holder_name", verification.holder_name);
  Object::Ptr cqpm = new Object;
  cqpm->set("id", verification.cqpm_id);
  cqpm->set("title", verification.cqpm_title);
  cqpm->set("number", nullable(verification.cqpm_number));
  json->set("cqpm", cqpm);
  Array::Ptr blocs = new Array;
  for (const auto& bloc : verification.blocs) {
    Object::Ptr item = new Object;
    item->set("code", codeOrNull(bloc.code));
    item->set("rncp_code", codeOrNull(bloc.rncp_code));
    item->set("title", bloc.title);
    blocs->add(item);
  }
  json->set("blocs", blocs);
  json->set("decision_date", verification.decision_date);
  json->set("referential_version", verification.referential_version);
  json->set("referential_commit", nullable(verification.referential_commit));
  json->set("decision_sha256", codeOrNull(verification.decision_sha256));
  return json;
}

}  // namespace cqpm::http
