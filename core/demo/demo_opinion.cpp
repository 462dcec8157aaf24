#include "demo/demo_opinion.h"

#include <Poco/JSON/Array.h>

namespace cqpm::demo {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

constexpr const char* kSampleActivityComment = "Activité exercée en autonomie dans l'entreprise.";
constexpr const char* kSampleCompetencyComment = "Compétence mise en œuvre au quotidien.";

Array::Ptr favourable(const std::vector<std::string>& keys, const std::string& key,
                      const std::string& comment) {
  Array::Ptr answers = new Array;
  for (const auto& item : keys) {
    Object::Ptr answer = new Object;
    answer->set(key, item);
    answer->set("value", "favourable");
    answer->set("comment", comment);
    answers->add(answer);
  }
  return answers;
}

std::vector<std::string> keysIn(const Array::Ptr& items, const std::string& key) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; items && i < items->size(); ++i) {
    keys.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>(key));
  }
  return keys;
}

std::vector<std::string> keysOf(const std::vector<opinion::ReferentialItem>& items) {
  std::vector<std::string> keys;
  for (const auto& item : items) keys.push_back(item.key);
  return keys;
}

Object::Ptr sampleOpinionBody(const std::vector<std::string>& activities,
                              const std::vector<std::string>& competencies) {
  Object::Ptr body = new Object;
  body->set("activities", favourable(activities, "index", kSampleActivityComment));
  body->set("competencies", favourable(competencies, "number", kSampleCompetencyComment));
  body->set("text", "Le candidat a toute notre confiance ; l'entreprise soutient sa certification.");
  return body;
}

}  // namespace

Object::Ptr sampleOpinion(const opinion::CompanyOpinionView& opinion) {
  if (!opinion.current) return sampleOpinionBody({}, {});
  return sampleOpinionBody(keysOf(opinion.form.activities), keysOf(opinion.form.competencies));
}

Object::Ptr sampleOpinion(const Object::Ptr& opinion) {
  const auto current = opinion->getObject("current");
  return sampleOpinionBody(keysIn(current ? current->getArray("activities") : nullptr, "index"),
                           keysIn(current ? current->getArray("competencies") : nullptr, "number"));
}

void signSampleOpinion(opinion::CompanyOpinionService& opinions, const domain::Actor& tutor,
                       const std::string& file_id) {
  const auto opinion = opinions.get(tutor, file_id);
  const auto saved = opinions.save(tutor, file_id, opinion.current.value().etag, sampleOpinion(opinion));
  opinions.sign(tutor, file_id, saved.current.value().etag);
}

}  // namespace cqpm::demo
