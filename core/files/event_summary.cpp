#include "files/event_summary.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <map>
#include <optional>

namespace cqpm::files {

using Poco::JSON::Object;

namespace {

Object::Ptr payloadOf(const domain::FileEvent& event) {
  try {
    auto parsed = Poco::JSON::Parser().parse(event.payload_json.empty() ? "{}" : event.payload_json);
    if (parsed.type() == typeid(Object::Ptr)) {
      if (auto object = parsed.extract<Object::Ptr>()) return object;
    }
  } catch (const Poco::Exception&) {
  }
  return new Object;
}

// A scalar member as text (strings as they are, numbers written out); nullopt
// when absent, null, empty or of another kind.
std::optional<std::string> text(const Object::Ptr& payload, const std::string& key) {
  if (!payload->has(key) || payload->isNull(key)) return std::nullopt;
  const auto value = payload->get(key);
  try {
    if (value.isString() || value.isNumeric() || value.isBoolean()) {
      std::string out = value.convert<std::string>();
      if (!out.empty()) return out;
    }
  } catch (const Poco::Exception&) {
  }
  return std::nullopt;
}

std::optional<std::string> firstText(const Object::Ptr& payload, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (auto value = text(payload, key)) return value;
  }
  return std::nullopt;
}

// "2027-03-15" (or a timestamp starting so) as "15/03/2027"; other text unchanged.
std::string frenchDate(const std::string& iso) {
  if (iso.size() >= 10 && iso[4] == '-' && iso[7] == '-') {
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
  }
  return iso;
}

std::string actorName(const domain::FileEvent& event) {
  return event.actor_display_name.empty() ? std::string("Quelqu'un") : event.actor_display_name;
}

std::string withReason(std::string sentence, const Object::Ptr& payload) {
  if (auto reason = text(payload, "reason")) sentence += " — motif : " + *reason;
  return sentence;
}

// The name of a centre of a transfer ("from_centre" or "to_centre").
std::string centreName(const Object::Ptr& payload, const std::string& key) {
  if (auto centre = payload->getObject(key)) {
    if (auto name = text(centre, "name")) return *name;
  }
  return "un autre centre";
}

std::string transferSummary(const domain::FileEvent& event, const Object::Ptr& payload) {
  const std::string& kind = event.transition;
  const std::string from = centreName(payload, "from_centre"), to = centreName(payload, "to_centre");
  if (kind == "file_transfer_proposed") {
    return withReason(actorName(event) + " (" + from + ") propose de transférer le dossier à " + to, payload);
  }
  if (kind == "file_transferred")
    return actorName(event) + " (" + to + ") a accepté le dossier transféré par " + from;
  if (kind == "file_transfer_refused") {
    const auto answer = text(payload, "answer");
    return actorName(event) + " (" + to + ") a refusé le transfert du dossier" +
           (answer ? " : " + *answer : "");
  }
  return actorName(event) + " (" + from + ") a retiré la proposition de transfert à " + to;
}

std::string lookup(const std::map<std::string, std::string>& words, const std::optional<std::string>& key,
                   const std::string& otherwise) {
  if (!key) return otherwise;
  const auto found = words.find(*key);
  return found == words.end() ? *key : found->second;
}

std::string documentSummary(const Object::Ptr& payload) {
  static const std::map<std::string, std::string> kKinds{
      {"report", "rapport"}, {"evidence", "preuve"}, {"attestation", "attestation"}, {"other", "document"}};
  const std::string name = text(payload, "filename").value_or("sans nom");
  const std::string version = text(payload, "version").value_or("1");
  if (version != "1") return "Nouvelle version (" + version + ") du document « " + name + " »";
  return "Document déposé : « " + name + " » (" + lookup(kKinds, text(payload, "kind"), "document") + ")";
}

std::string evaluationSignedSummary(const domain::FileEvent& event, const Object::Ptr& payload) {
  static const std::map<std::string, std::string> kResults{
      {"acquired", "acquise"}, {"not_acquired", "non acquise"}, {"not_evaluated", "non évaluée"}};
  const auto competency = text(payload, "competency");
  std::string sentence = actorName(event) + (competency ? " a signé la compétence " + *competency
                                                        : std::string(" a signé l'évaluation"));
  if (const auto result = text(payload, "result")) sentence += " (" + lookup(kResults, result, "") + ")";
  return sentence;
}

std::string juryDecisionSummary(const Object::Ptr& payload) {
  static const std::map<std::string, std::string> kOutcomes{{"certified", "CQPM délivré"},
                                                            {"blocs_awarded", "blocs de compétences validés"},
                                                            {"not_certified", "CQPM non délivré"}};
  const auto outcome = firstText(payload, {"outcome", "decision", "to_state"});
  if (!outcome) return "Décision du jury enregistrée";
  return "Décision du jury : " + lookup(kOutcomes, outcome, *outcome);
}

std::string deadlineSummary(const Object::Ptr& payload, const std::string& verb_phrase) {
  const auto date = firstText(payload, {"due_date", "deadline", "due_at", "due_on", "date", "to"});
  return date ? verb_phrase + " " + frenchDate(*date) : std::string("Échéance modifiée");
}

std::string transitionSummary(const workflow::TransitionDefinition& transition, const Object::Ptr& payload) {
  std::string sentence = transition.label.empty() ? transition.id : transition.label;
  if (payload->has("blocs")) {
    const auto blocs = payload->getArray("blocs");
    std::string list;
    for (std::size_t i = 0; blocs && i < blocs->size(); ++i) {
      const auto bloc = blocs->get(static_cast<unsigned>(i));
      if (!bloc.isString()) continue;
      list += (list.empty() ? "" : ", ") + bloc.extract<std::string>();
    }
    if (!list.empty()) sentence += " : " + list;
  }
  return withReason(sentence, payload);
}

}  // namespace

std::string eventSummaryFr(const domain::FileEvent& event, const workflow::WorkflowDefinition* workflow) {
  const Object::Ptr payload = payloadOf(event);
  const std::string& kind = event.transition;
  if (kind == "create") return "Dossier ouvert par " + actorName(event);
  if (kind == "update_modality_plan") return "Plan des modalités d'évaluation enregistré";
  if (kind == "move_referential") {
    const auto to = text(payload, "to_version");
    return to ? "Dossier passé à la version " + *to + " du référentiel" : "Version du référentiel changée";
  }
  if (kind == "file_corrected") return withReason(actorName(event) + " a corrigé le dossier", payload);
  if (kind.starts_with("file_transfer") || kind == "file_transferred") return transferSummary(event, payload);
  if (kind == "plugin_failed") return "Le module du CQPM a échoué ; l'opération n'a pas été faite";
  if (kind == "add_document") return documentSummary(payload);
  if (kind == "evaluation_updated") {
    const auto competency = text(payload, "competency");
    return actorName(event) + (competency ? " a modifié l'évaluation de la compétence " + *competency
                                          : std::string(" a modifié la grille d'évaluation"));
  }
  if (kind == "evaluation_signed") return evaluationSignedSummary(event, payload);
  if (kind == "commission_assigned") return "Commission d'évaluation désignée";
  if (kind == "deadline_set") return deadlineSummary(payload, "Échéance fixée au");
  if (kind == "deadline_extended") return deadlineSummary(payload, "Échéance prolongée jusqu'au");
  if (kind == "jury_decision") return juryDecisionSummary(payload);
  if (kind == "decision_revoked") return withReason("Décision du jury révoquée", payload);
  if (kind == "add_to_jury_session") {
    const auto date = text(payload, "date");
    return date ? "Dossier inscrit à la session du jury du " + frenchDate(*date)
                : std::string("Dossier inscrit à une session du jury");
  }
  if (kind == "company_opinion_saved") {
    const std::string version = text(payload, "version").value_or("1");
    return version == "1"
               ? std::string("Avis de l'entreprise enregistré (brouillon)")
               : "Correction de l'avis de l'entreprise enregistrée (version " + version + ", brouillon)";
  }
  if (kind == "company_opinion_signed") {
    const auto version = text(payload, "version");
    return version ? "Avis de l'entreprise signé (version " + *version + ")"
                   : std::string("Avis de l'entreprise signé");
  }
  if (kind == "comment_added") {
    const auto competency = text(payload, "competency");
    return competency ? "Commentaire sur la compétence " + *competency : std::string("Commentaire général");
  }
  if (workflow) {
    if (const auto* transition = workflow->findTransition(kind))
      return transitionSummary(*transition, payload);
  }
  return "Événement « " + kind + " »";
}

}  // namespace cqpm::files
