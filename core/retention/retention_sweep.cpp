#include "retention/retention_sweep.h"

#include <Poco/DateTime.h>
#include <Poco/JSON/Object.h>

#include <utility>

#include "admin/admin_log.h"
#include "common/clock.h"
#include "store/document_store.h"
#include "store/retention_store.h"

namespace cqpm::retention {

namespace {

// The event kinds whose payloads hold no personal data (ids, versions, plans) and which the file's
// view at an earlier instant reads: an anonymised file keeps them.
const std::vector<std::string>& structuralEventKinds() {
  static const std::vector<std::string> kinds{
      "update_modality_plan", "commission_assigned",   "move_referential",       "evaluation_updated",
      "evaluation_signed",    "company_opinion_saved", "company_opinion_signed", "deadline_set",
      "deadline_extended",    "carry_over_confirmed",  "add_to_jury_session"};
  return kinds;
}

// Who the log names for an act of the policy itself.
admin::AdminActor policyActor() { return {std::nullopt, "politique de conservation"}; }

void logAct(store::SqlSession& sql, const std::string& action, const store::ClosedFile& file, int years,
            Poco::JSON::Object::Ptr details, const std::string& at) {
  details->set("state", file.state);
  details->set("closed_at", file.closed_at);
  details->set("years", years);
  // The file's id, never the person's name: the log outlives the identity it would otherwise keep.
  admin::recordAdminAct(sql, policyActor(),
                        {action, "file", file.id, "dossier " + file.id, file.centre_id, std::move(details)},
                        at);
}

}  // namespace

Poco::Timestamp yearsBefore(const Poco::Timestamp& now, int years) {
  const Poco::DateTime then(now);
  int day = then.day();
  const int year = then.year() - years;
  if (then.month() == 2 && day == 29 && !Poco::DateTime::isLeapYear(year)) day = 28;
  return Poco::DateTime(year, then.month(), day, then.hour(), then.minute(), then.second(),
                        then.millisecond(), then.microsecond())
      .timestamp();
}

RetentionRound RetentionSweep::runOnce(const Poco::Timestamp& now) {
  RetentionRound round;
  const std::string at = toIso8601(now);
  if (policy_.unsuccessful_identity_years > 0) {
    const std::string before = toIso8601(yearsBefore(now, policy_.unsuccessful_identity_years));
    const auto files = db_.read([&](store::SqlSession& sql) {
      return store::retention_store::closedNotAnonymised(sql, unsuccessful_states_, before, batch_);
    });
    for (const auto& file : files) {
      // Counted from what the transaction answers: a write retried (PostgreSQL) counts once.
      const auto [versions, payloads] = db_.write([&](store::SqlSession& sql) {
        Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
        const auto purged = store::document_store::purgeVersionsOfFile(sql, file.id, at);
        const auto erased = store::retention_store::anonymiseFile(sql, file.id, at, structuralEventKinds());
        details->set("document_versions_purged", purged);
        details->set("event_payloads_erased", erased);
        logAct(sql, "retention_identity_erased", file, policy_.unsuccessful_identity_years, details, at);
        sql.markChanged(file.id);
        return std::make_pair(purged, erased);
      });
      round.document_versions_purged += versions;
      round.event_payloads_erased += payloads;
      ++round.files_anonymised;
    }
  }
  if (policy_.documents_years > 0) {
    const std::string before = toIso8601(yearsBefore(now, policy_.documents_years));
    const auto files = db_.read([&](store::SqlSession& sql) {
      return store::retention_store::closedWithDocuments(sql, final_states_, before, batch_);
    });
    for (const auto& file : files) {
      round.document_versions_purged += db_.write([&](store::SqlSession& sql) {
        Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
        const auto purged = store::document_store::purgeVersionsOfFile(sql, file.id, at);
        details->set("document_versions_purged", purged);
        logAct(sql, "retention_documents_purged", file, policy_.documents_years, details, at);
        sql.markChanged(file.id);
        return purged;
      });
      ++round.files_with_documents_purged;
    }
  }
  return round;
}

}  // namespace cqpm::retention
