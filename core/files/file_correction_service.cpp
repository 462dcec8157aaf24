#include "files/file_correction_service.h"

#include <algorithm>

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "common/text_fields.h"
#include "domain/civil_status.h"
#include "files/file_events.h"
#include "store/event_store.h"

namespace cqpm::files {

namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxCorrectionReason = 1000;

using Poco::JSON::Object;

// Applies one corrected field and records its old and new value.
void correctField(const std::optional<std::string>& value, std::string& field, const std::string& name,
                  Object& before, Object& after) {
  if (!value || *value == field) return;
  before.set(name, field);
  after.set(name, *value);
  field = *value;
}

bool completesCivilStatusOnly(const FileCorrection& correction) {
  return !correction.given_name && !correction.family_name && !correction.email && !correction.birth_date &&
         !correction.birth_place && !correction.registration &&
         (correction.sex || correction.birth_insee_code);
}

}  // namespace

store::CandidateFileView FileCorrectionService::correct(const domain::Actor& actor,
                                                        const std::string& file_id,
                                                        const FileCorrection& correction) {
  requireText(correction.reason, "reason", kMaxCorrectionReason, true);
  if (correction.given_name) requireText(*correction.given_name, "candidate.given_name", kMaxName);
  if (correction.family_name) requireText(*correction.family_name, "candidate.family_name", kMaxName);
  if (correction.email) requireEmail(*correction.email, "candidate.email");
  if (correction.birth_date) requireBirthDate(*correction.birth_date, "candidate.birth_date", clock_());
  if (correction.birth_place && !correction.birth_place->empty())
    requireText(*correction.birth_place, "candidate.birth_place", kMaxName);
  if (correction.sex) domain::requireCivilStatusSex(*correction.sex, "candidate.sex");
  if (correction.birth_insee_code)
    domain::requireBirthInseeCode(*correction.birth_insee_code, "candidate.birth_insee_code");
  const auto scope = access::fileScopeFor(actor);
  db_.write([&](store::SqlSession& sql) {
    auto view = store::candidate_file_store::find(sql, file_id, scope);
    if (!view) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    access::require(actor, access::Permission::kCorrectFile, "correct a candidate file");
    domain::CandidateFile file = view->file;
    // A closed file's record is what the jury judged; only the civil status the Caisse des Dépôts
    // needs to report a holder (and that no decision rests on) may still be completed.
    if (std::find(final_states_.begin(), final_states_.end(), file.state) != final_states_.end() &&
        !completesCivilStatusOnly(correction)) {
      throw Error(ErrorCode::kInvalidState,
                  "the file is closed (" + file.state +
                      "): only candidate.sex and candidate.birth_insee_code may still be completed");
    }
    if (file.version != correction.expected_version) {
      throw fileVersionConflict(file.version);
    }
    Object::Ptr before = new Object, after = new Object;
    correctField(correction.given_name, file.candidate.given_name, "given_name", *before, *after);
    correctField(correction.family_name, file.candidate.family_name, "family_name", *before, *after);
    correctField(correction.email, file.candidate.email, "email", *before, *after);
    correctField(correction.birth_date, file.candidate.birth_date, "birth_date", *before, *after);
    correctField(correction.birth_place, file.candidate.birth_place, "birth_place", *before, *after);
    correctField(correction.sex, file.candidate.sex, "sex", *before, *after);
    correctField(correction.birth_insee_code, file.candidate.birth_insee_code, "birth_insee_code", *before,
                 *after);
    if (correction.registration) {
      const std::string registration = toJsonText(correction.registration);
      if (registration != file.registration_json) {
        before->set("registration", file.registration_json);
        after->set("registration", registration);
        file.registration_json = registration;
      }
    }
    if (after->size() == 0) {
      throw Error(ErrorCode::kInvalidField, "the correction changes nothing in the file", "candidate");
    }
    if (auto refusal =
            completesCivilStatusOnly(correction) ? std::nullopt : rules_.checkRegistration(file, actor)) {
      throw Error(ErrorCode::kInvalidField, refusal->message, refusal->field, refusal->details);
    }
    const std::string now = nowIso8601(clock_);
    if (!store::candidate_file_store::correctCandidate(sql, file.id, correction.expected_version,
                                                       file.candidate, file.registration_json, now)) {
      throw Error(ErrorCode::kVersionConflict, "the file changed while it was being corrected",
                  "expected_version");
    }
    Object::Ptr payload = new Object;
    payload->set("reason", correction.reason);
    payload->set("before", before);
    payload->set("after", after);
    store::event_store::append(sql, sameStateEvent(file, actor, "file_corrected", payload, now));
  });
  auto corrected = db_.read(
      [&](store::SqlSession& sql) { return store::candidate_file_store::find(sql, file_id, scope); });
  if (!corrected) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
  return std::move(*corrected);
}

}  // namespace cqpm::files
