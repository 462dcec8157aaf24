#include "opinion/opinion_view.h"

#include "workflow/core_guards.h"

namespace cqpm::opinion {

namespace {

std::optional<OpinionUser> userOf(const std::optional<std::string>& id,
                                  const std::optional<std::string>& name) {
  if (!id) return std::nullopt;
  return OpinionUser{*id, name.value_or("")};
}

OpinionVersion versionOf(const store::CompanyOpinionRecord& record) {
  OpinionVersion version;
  version.version = record.version;
  version.state = record.state;
  version.content = parseStoredJson(record.content_json);
  version.updated_by = userOf(record.updated_by, record.updated_by_name);
  version.updated_at = record.updated_at;
  version.signed_by = userOf(record.signed_by, record.signed_by_name);
  version.signed_at = record.signed_at;
  version.etag = opinionEtag(record);
  return version;
}

// Before anything is saved: an empty draft at version 1, written by no one.
OpinionVersion emptyDraft() {
  OpinionVersion version;
  version.state = kDraftOpinion;
  version.etag = opinionEtag(std::nullopt);
  return version;
}

}  // namespace

std::string opinionEtag(const std::optional<store::CompanyOpinionRecord>& latest) {
  if (!latest) return "\"1.0\"";
  return "\"" + std::to_string(latest->version) + "." + std::to_string(latest->revision) + "\"";
}

CompanyOpinionView opinionView(const domain::CandidateFile& file, const OpinionForm& form,
                               const std::vector<store::CompanyOpinionRecord>& versions, bool editable) {
  CompanyOpinionView opinion;
  opinion.file_id = file.id;
  opinion.required = workflow::companyOpinionApplies(file);
  opinion.editable = opinion.required && editable;
  opinion.form = form;
  if (!opinion.required) return opinion;
  for (const auto& record : versions) {
    if (record.state == kSignedOpinion) opinion.history.push_back(versionOf(record));
  }
  opinion.state = versions.empty() ? std::string(kDraftOpinion) : versions.back().state;
  opinion.current = versions.empty() ? emptyDraft() : versionOf(versions.back());
  return opinion;
}

}  // namespace cqpm::opinion
