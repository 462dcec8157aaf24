#include "http/history_presenters.h"

#include "common/json_text.h"
#include "http/document_presenters.h"
#include "http/evaluation_presenters.h"
#include "http/jury_presenters.h"
#include "http/opinion_presenters.h"
#include "http/presenters.h"

namespace cqpm::http {

using Poco::JSON::Object;

Object::Ptr fileAsOfJson(const history::FileAsOf& file, const workflow::WorkflowDefinition& workflow) {
  Object::Ptr json = new Object;
  json->set("at", file.at);
  Object::Ptr then = fileJson(file.file, nullptr, nullptr, file.at);
  // The file's version counts its writes today; at an earlier instant it would mislead.
  then->remove("version");
  then->set("cqpm_title", file.cqpm_title);
  then->set("state_label", file.state_label);
  json->set("file", then);
  json->set("registration_answers", arrayOf(file.registration, [](const archive::RegistrationAnswer& answer) {
              Object::Ptr item = new Object;
              item->set("label", answer.label);
              item->set("text", answer.text);
              return item;
            }));
  json->set("grid", file.grid ? Poco::Dynamic::Var(gridJson(*file.grid)) : Poco::Dynamic::Var());
  json->set("company_opinion",
            file.opinion ? Poco::Dynamic::Var(companyOpinionJson(*file.opinion)) : Poco::Dynamic::Var());
  json->set("documents", arrayOf(file.documents, documentJson));
  json->set("decisions", juryDecisionsJson(file.decisions));
  json->set("events", arrayOf(file.events,
                              [&](const domain::FileEvent& event) { return eventJson(event, &workflow); }));
  return json;
}

}  // namespace cqpm::http
