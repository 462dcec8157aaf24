#include "files/vae_admissibility_service.h"

#include <Poco/UUIDGenerator.h>

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/text_fields.h"
#include "files/file_events.h"
#include "notifications/recipients.h"
#include "store/candidate_file_store.h"
#include "store/event_store.h"
#include "store/vae_admissibility_store.h"

namespace cqpm::files {

namespace {

constexpr std::size_t kMaxAdmissibilityReason = 2000;

bool isVae(const domain::CandidateFile& file) { return file.pathway == domain::Pathway::kVae; }

}  // namespace

AdmissibilityView VaeAdmissibilityService::get(const domain::Actor& actor, const std::string& file_id) {
  const auto scope = access::fileScopeFor(actor);
  return db_.read([&](store::SqlSession& sql) {
    const auto view = store::candidate_file_store::find(sql, file_id, scope);
    if (!view) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    AdmissibilityView admissibility;
    admissibility.file_id = file_id;
    admissibility.required = isVae(view->file);
    admissibility.editable = admissibility.required && view->file.state == kAdmissibilityState &&
                             access::allows(actor.role, access::Permission::kDecideVaeAdmissibility);
    admissibility.decisions = store::vae_admissibility_store::forFile(sql, file_id);
    return admissibility;
  });
}

AdmissibilityView VaeAdmissibilityService::decide(const domain::Actor& actor, const std::string& file_id,
                                                  const AdmissibilityDecision& decision) {
  const auto scope = access::fileScopeFor(actor);
  db_.write([&](store::SqlSession& sql) {
    const auto view = store::candidate_file_store::find(sql, file_id, scope);
    if (!view) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    access::require(actor, access::Permission::kDecideVaeAdmissibility, "decide on a VAE application");
    const domain::CandidateFile& file = view->file;
    if (!isVae(file)) {
      throw Error(ErrorCode::kUnprocessable,
                  "only a VAE application is examined for admissibility; this file's pathway is '" +
                      std::string(domain::pathwayName(file.pathway)) + "'",
                  "pathway");
    }
    if (file.state != kAdmissibilityState) {
      throw Error(ErrorCode::kInvalidState,
                  "the admissibility is decided while the file is registered, before its modalities are "
                  "agreed; the file is " +
                      file.state);
    }
    if (!decision.favourable) {
      throw Error(ErrorCode::kInvalidField, "say whether the application is admissible (true or false)",
                  "favourable");
    }
    requireText(decision.reason, "reason", kMaxAdmissibilityReason, true);

    store::VaeAdmissibilityRecord record;
    record.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    record.file_id = file.id;
    record.favourable = *decision.favourable;
    record.reason = decision.reason;
    record.decided_by = actor.user_id;
    record.decided_at = nowIso8601(clock_);
    const auto sequence = store::vae_admissibility_store::insert(sql, record);

    Poco::JSON::Object::Ptr payload = new Poco::JSON::Object;
    payload->set("favourable", record.favourable);
    payload->set("reason", record.reason);
    payload->set("sequence", sequence);
    store::event_store::append(
        sql, sameStateEvent(file, actor, "vae_admissibility_decided", payload, record.decided_at));

    const std::string cqpm = catalog_.titleOf(file.cqpm);
    notifications_.notify(
        sql,
        notifications::recipientsOf(sql, {file.centre_id, file.company_id, file.candidate_user_id},
                                    {false, false, true}),
        {"vae_admissibility", file.id, "vae-admissibility:" + record.id,
         record.favourable ? "Votre demande de VAE est recevable"
                           : "Votre demande de VAE n'est pas recevable",
         "Le centre a examiné la recevabilité de votre demande de VAE pour le CQPM « " + cqpm +
             " » : " + (record.favourable ? "favorable" : "défavorable") + ". Motif : " + record.reason},
        record.decided_at);
  });
  return get(actor, file_id);
}

}  // namespace cqpm::files
