#include "evaluation/evaluation_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "evaluation/competency_etag.h"

namespace cqpm::evaluation {

using Poco::JSON::Array;
using Poco::JSON::Object;

bool isEvaluated(const store::CompetencyEvaluation& stored) {
  return stored.result != "not_evaluated" &&
         stored.signatures.size() >= store::evaluation_store::kSignaturesRequired;
}

Object::Ptr competencyJson(const std::string& file_id, const GridCompetency& competency,
                           const store::CompetencyEvaluation& stored) {
  Object::Ptr json = new Object;
  json->set("number", std::stoll(competency.number));
  json->set("title", competency.title);
  Object::Ptr bloc = new Object;
  bloc->set("index", competency.bloc_index);
  bloc->set("code", competency.bloc_code ? Poco::Dynamic::Var(*competency.bloc_code) : Poco::Dynamic::Var());
  bloc->set("title", competency.bloc_title);
  json->set("bloc", bloc);
  json->set("modality",
            competency.modality ? Poco::Dynamic::Var(*competency.modality) : Poco::Dynamic::Var());
  Object::Ptr criteria = new Object;
  for (const auto& group : criteriaGroups(competency)) {
    Array::Ptr texts = new Array;
    for (const auto& text : *competency.criteria.group(group)) texts->add(text);
    criteria->set(group, texts);
  }
  json->set("criteria", criteria);
  json->set("result", stored.result);

  // Every group of the competency is present, empty when nothing was written.
  const auto written = Poco::JSON::Parser().parse(stored.observations_json).extract<Object::Ptr>();
  Object::Ptr observations = new Object;
  for (const auto& group : criteriaGroups(competency)) {
    observations->set(group, written->optValue<std::string>(group, ""));
  }
  json->set("observations", observations);
  json->set("evidence", Poco::JSON::Parser().parse(stored.evidence_json));

  json->set("version", stored.version);
  json->set("etag", competencyEtag(file_id, competency.number, stored.version));
  if (stored.updated_by.empty()) {
    json->set("updated_by", Poco::Dynamic::Var());
    json->set("updated_at", Poco::Dynamic::Var());
  } else {
    Object::Ptr by = new Object;
    by->set("id", stored.updated_by);
    by->set("display_name", stored.updated_by_name);
    json->set("updated_by", by);
    json->set("updated_at", stored.updated_at);
  }
  Array::Ptr signatures = new Array;
  for (const auto& signature : stored.signatures) {
    Object::Ptr item = new Object;
    item->set("evaluator_id", signature.evaluator_id);
    item->set("display_name", signature.display_name);
    item->set("signed_at", signature.signed_at);
    signatures->add(item);
  }
  json->set("signatures", signatures);
  json->set("evaluated", isEvaluated(stored));
  return json;
}

}  // namespace cqpm::evaluation
