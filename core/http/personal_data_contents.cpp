#include "http/personal_data_contents.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "common/json_text.h"
#include "http/audit_bundle_contents.h"

namespace cqpm::http {

namespace {

constexpr const char* kReadMe =
    "Export des données personnelles d'un candidat (droit d'accès, article 15 du RGPD)\n"
    "\n"
    "personne.json : l'identité enregistrée dans chacun de ses dossiers du centre.\n"
    "dossiers/<identifiant>/ : pour chaque dossier, tout ce que la plateforme en conserve : le dossier\n"
    "(file.json), son historique et ses empreintes (events.json), le plan d'évaluation, la grille et ses\n"
    "observations, l'avis de l'entreprise, les décisions du jury, chaque version de chaque document,\n"
    "les procès-verbaux, les certificats et le dossier imprimable (archive.pdf).\n"
    "\n"
    "manifest.json donne l'empreinte SHA-256 de chaque pièce ; manifest.sig la signe avec la clé de la\n"
    "plateforme (platform-key.pem). « cqpm audit verify-bundle » vérifie l'ensemble hors ligne.\n";

Poco::JSON::Object::Ptr identityJson(const store::CandidateFileView& view) {
  const domain::CandidateFile& file = view.file;
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("file_id", file.id);
  json->set("cqpm", file.cqpm);
  json->set("state", file.state);
  json->set("created_at", file.created_at);
  json->set("given_name", file.candidate.given_name);
  json->set("family_name", file.candidate.family_name);
  json->set("email", file.candidate.email);
  json->set("birth_date", file.candidate.birth_date);
  json->set("birth_place", file.candidate.birth_place);
  json->set("sex", file.candidate.sex);
  json->set("birth_insee_code", file.candidate.birth_insee_code);
  json->set("registration", StoredJson{file.registration_json});
  json->set("candidate_account", nullable(file.candidate_user_id));
  return json;
}

}  // namespace

std::vector<audit::BundleEntry> personalDataEntries(ApiContext& context, const domain::Actor& actor,
                                                    const std::string& file_id) {
  const auto ids = context.files.filesOfSamePerson(actor, file_id);  // permission and scope
  std::vector<audit::BundleEntry> entries{{"LISEZMOI.txt", kReadMe, {}}};
  Poco::JSON::Array::Ptr identities = new Poco::JSON::Array;
  for (const auto& id : ids) {
    identities->add(identityJson(context.files.get(actor, id)));
    for (auto& entry : auditBundleEntries(context, actor, id)) {
      entry.path = "dossiers/" + id + "/" + entry.path;
      entries.push_back(std::move(entry));
    }
  }
  Poco::JSON::Object::Ptr person = new Poco::JSON::Object;
  person->set("files", identities);
  entries.push_back({"personne.json", toJsonText(person), {}});
  return entries;
}

}  // namespace cqpm::http
