#include "workflow/core_guards.h"

#include <Poco/JSON/Array.h>

#include <string>
#include <utility>
#include <vector>

namespace cqpm::workflow {
namespace {

using domain::Pathway;

bool isBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

Refusal refuse(std::string message, std::string field) {
  return Refusal{ErrorCode::kGuardFailed, std::move(message), std::move(field), nullptr};
}

bool hasCompany(const domain::CandidateFile& file) { return file.company_id && !isBlank(*file.company_id); }

std::optional<Refusal> candidateIdentityComplete(const GuardContext& context) {
  const domain::Candidate& candidate = context.file.candidate;
  struct Field {
    const std::string& value;
    const char* key;
    const char* words;
  };
  const Field fields[] = {
      {candidate.given_name, "given_name", "given name"},
      {candidate.family_name, "family_name", "family name"},
      {candidate.email, "email", "e-mail address"},
      {candidate.birth_date, "birth_date", "birth date"},
  };
  std::string first_missing;
  std::string missing;
  for (const Field& field : fields) {
    if (!isBlank(field.value)) continue;
    if (first_missing.empty()) first_missing = std::string("candidate.") + field.key;
    if (!missing.empty()) missing += ", ";
    missing += field.words;
  }
  if (first_missing.empty()) return std::nullopt;
  return refuse("The candidate's identity is incomplete; missing: " + missing + ".", first_missing);
}

std::optional<Refusal> companyMatchesPathway(const GuardContext& context) {
  const domain::CandidateFile& file = context.file;
  if (file.pathway == Pathway::kVae && hasCompany(file)) {
    return refuse("A VAE file has no company: remove the company from the file.", "company_id");
  }
  if (file.pathway == Pathway::kEmployee && !hasCompany(file)) {
    return refuse("An employee's file needs the employing company: set the company of the file.",
                  "company_id");
  }
  // Outside VAE the referentials complete the evaluation with "l'avis de
  // l'entreprise d'accueil du candidat": a job seeker's (or other) file names
  // its host company, whose tutor gives that opinion.
  if (file.pathway != Pathway::kVae && !hasCompany(file)) {
    return refuse(
        "Outside VAE the candidate is evaluated in a host company, which gives the company "
        "opinion: set the host company of the file.",
        "company_id");
  }
  return std::nullopt;
}

std::optional<Refusal> companyOpinionRequired(const GuardContext& context) {
  if (companyOpinionApplies(context.file)) return std::nullopt;
  return refuse("A VAE file has no company opinion: send it to the jury without one.", "pathway");
}

std::optional<Refusal> companyOpinionNotRequired(const GuardContext& context) {
  if (!companyOpinionApplies(context.file)) return std::nullopt;
  return refuse("Only a VAE file goes to the jury without the company opinion; this file's pathway is '" +
                    std::string(domain::pathwayName(context.file.pathway)) +
                    "': request the company opinion.",
                "pathway");
}

std::optional<Refusal> reasonGiven(const GuardContext& context) {
  const Poco::Dynamic::Var reason = context.payload->get("reason");
  if (reason.isEmpty()) return refuse("A reason is required.", "payload.reason");
  if (!reason.isString()) return refuse("The reason must be text.", "payload.reason");
  if (isBlank(reason.convert<std::string>()))
    return refuse("The reason must not be blank.", "payload.reason");
  return std::nullopt;
}

std::optional<Refusal> blocsListed(const GuardContext& context) {
  const Poco::Dynamic::Var blocs = context.payload->get("blocs");
  if (blocs.isEmpty()) return refuse("The awarded blocs must be listed.", "payload.blocs");
  if (blocs.type() != typeid(Poco::JSON::Array::Ptr) || blocs.extract<Poco::JSON::Array::Ptr>().isNull()) {
    return refuse("The awarded blocs must be a list of bloc codes.", "payload.blocs");
  }
  const auto array = blocs.extract<Poco::JSON::Array::Ptr>();
  if (array->size() == 0) return refuse("At least one awarded bloc must be listed.", "payload.blocs");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const Poco::Dynamic::Var bloc = array->get(i);
    if (!bloc.isString() || isBlank(bloc.convert<std::string>())) {
      return refuse("Bloc #" + std::to_string(i + 1) + " of the list is not a bloc code.", "payload.blocs");
    }
  }
  return std::nullopt;
}

}  // namespace

bool companyOpinionApplies(const domain::CandidateFile& file) { return file.pathway != Pathway::kVae; }

void registerCoreGuards(GuardRegistry& registry) {
  registry.add(std::string(kCandidateIdentityComplete), GuardKind::kFile, candidateIdentityComplete);
  registry.add(std::string(kCompanyMatchesPathway), GuardKind::kFile, companyMatchesPathway);
  registry.add(std::string(kCompanyOpinionRequired), GuardKind::kFile, companyOpinionRequired);
  registry.add(std::string(kCompanyOpinionNotRequired), GuardKind::kFile, companyOpinionNotRequired);
  registry.add(std::string(kReasonGiven), GuardKind::kPayload, reasonGiven);
  registry.add(std::string(kBlocsListed), GuardKind::kPayload, blocsListed);
}

}  // namespace cqpm::workflow
