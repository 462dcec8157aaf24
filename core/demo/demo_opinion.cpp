#include "demo/demo_opinion.h"

#include <Poco/JSON/Array.h>

namespace cqpm::demo {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Array::Ptr favourable(const Array::Ptr& items, const std::string& key, const std::string& comment) {
  Array::Ptr answers = new Array;
  for (std::size_t i = 0; items && i < items->size(); ++i) {
    Object::Ptr answer = new Object;
    answer->set(key, items->getObject(static_cast<unsigned>(i))->get(key));
    answer->set("value", "favourable");
    answer->set("comment", comment);
    answers->add(answer);
  }
  return answers;
}

}  // namespace

Object::Ptr sampleOpinion(const Object::Ptr& opinion) {
  const auto current = opinion->getObject("current");
  Object::Ptr body = new Object;
  body->set("activities", favourable(current ? current->getArray("activities") : nullptr, "index",
                                     "Activité exercée en autonomie dans l'entreprise."));
  body->set("competencies", favourable(current ? current->getArray("competencies") : nullptr, "number",
                                       "Compétence mise en œuvre au quotidien."));
  body->set("text", "Le candidat a toute notre confiance ; l'entreprise soutient sa certification.");
  return body;
}

void signSampleOpinion(opinion::CompanyOpinionService& opinions, const domain::Actor& tutor,
                       const std::string& file_id) {
  const auto opinion = opinions.get(tutor, file_id);
  const auto saved = opinions.save(
      tutor, file_id, opinion->getObject("current")->getValue<std::string>("etag"), sampleOpinion(opinion));
  opinions.sign(tutor, file_id, saved->getObject("current")->getValue<std::string>("etag"));
}

}  // namespace cqpm::demo
