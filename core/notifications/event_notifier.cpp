#include "notifications/event_notifier.h"

#include <Poco/DateTimeParser.h>

#include <functional>

#include "common/clock.h"
#include "notifications/recipients.h"
#include "notifications/role_notices.h"
#include "store/notice_source_store.h"
#include "store/notification_store.h"
#include "workflow/workflow_contract.h"

namespace cqpm::notifications {

namespace {

constexpr const char* kCursor = "file_events";
constexpr int kNotifierBatch = 10000;

// The cursor moved back by the margin; "" (the log's beginning) stays "".
std::string scanStart(const std::string& cursor, const Poco::Timespan& margin) {
  if (cursor.empty()) return cursor;
  Poco::DateTime at;
  int tz = 0;
  if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, cursor, at, tz)) return {};
  return toIso8601((at - margin).timestamp());
}

NewNotification describe(const store::StateChange& change, const std::string& cqpm_title) {
  NewNotification notification;
  notification.file_id = change.file_id;
  notification.source_key = "event:" + change.file_id + ":" + std::to_string(change.seq);
  const std::string who = change.candidate_name + " (" + cqpm_title + ")";
  if (change.to_state == workflow::states::kCompanyOpinion) {
    notification.kind = "company_opinion_requested";
    notification.title = "Avis de l'entreprise demandé";
    notification.body = "Le centre demande l'avis de l'entreprise sur le dossier de " + who +
                        " : le dossier sera présenté au jury paritaire une fois l'avis signé.";
    return notification;
  }
  if (change.to_state == workflow::states::kReadyForJury) {
    notification.kind = "ready_for_jury";
    notification.title = "Dossier prêt pour le jury";
    notification.body = "Le dossier de " + who + " est prêt à être présenté au jury paritaire.";
    return notification;
  }
  notification.kind = "decision";
  if (change.to_state == workflow::states::kCertified) {
    notification.title = "Décision du jury : CQPM obtenu";
    notification.body = "Le jury paritaire a délivré le CQPM au terme du dossier de " + who + ".";
  } else if (change.to_state == workflow::states::kBlocsAwarded) {
    notification.title = "Décision du jury : blocs de compétences validés";
    notification.body = "Le jury paritaire a validé des blocs de compétences pour le dossier de " + who + ".";
  } else {
    notification.title = "Décision du jury : CQPM non obtenu";
    notification.body = "Le jury paritaire n'a pas délivré le CQPM pour le dossier de " + who + ".";
  }
  return notification;
}

Audience audienceOf(const std::string& state) {
  if (state == workflow::states::kReadyForJury) return {true, false, false};
  if (state == workflow::states::kCompanyOpinion) return {false, true, false};
  return {true, true, true};
}

// One source of notifications read from its own cursor: `pending` looks
// (on a read session) for anything at or after `since`; `notify` creates the
// notifications of what it reads from `since` on the write transaction.
struct NoticeSource {
  const char* cursor;
  std::function<bool(store::SqlSession&, const std::string&)> pending;
  std::function<ScanResult(store::SqlSession&, const std::string&, int)> notify;
};

}  // namespace

int EventNotifier::runOnce() {
  static const std::vector<std::string> kStates{
      workflow::states::kCompanyOpinion, workflow::states::kReadyForJury, workflow::states::kCertified,
      workflow::states::kBlocsAwarded, workflow::states::kNotCertified};
  namespace sources = store::notice_source_store;
  const std::string now = nowIso8601(clock_);
  const std::vector<NoticeSource> all{
      {kCursor,
       [](store::SqlSession& sql, const std::string& since) {
         return !store::notification_store::stateChangesSince(sql, since, kStates, 1).empty();
       },
       [&](store::SqlSession& sql, const std::string& since, int limit) {
         ScanResult result;
         for (const auto& change : store::notification_store::stateChangesSince(sql, since, kStates, limit)) {
           const FileParties parties{change.centre_id, change.company_id, change.candidate_user_id};
           result.created +=
               notifications_.notify(sql, recipientsOf(sql, parties, audienceOf(change.to_state)),
                                     describe(change, catalog_.titleOf(change.cqpm)), now);
           if (change.at > result.last_at) result.last_at = change.at;
         }
         return result;
       }},
      {"commission_events",
       [](store::SqlSession& sql, const std::string& since) {
         return !sources::commissionAssignmentsSince(sql, since, 1).empty();
       },
       [&](store::SqlSession& sql, const std::string& since, int limit) {
         return notifyCommissionMembers(sql, notifications_, catalog_, since, now, limit);
       }},
      {"referential_approvals",
       [](store::SqlSession& sql, const std::string& since) {
         return !sources::openProposalApprovalsSince(sql, since, 1).empty();
       },
       [&](store::SqlSession& sql, const std::string& since, int limit) {
         return notifyCollegesAwaiting(sql, notifications_, catalog_, since, now, limit);
       }},
      {"referential_versions",
       [](store::SqlSession& sql, const std::string& since) {
         return !sources::versionsPublishedSince(sql, since, 1).empty();
       },
       [&](store::SqlSession& sql, const std::string& since, int limit) {
         return notifyPublishedVersions(sql, notifications_, catalog_, since, now, limit);
       }},
  };
  int created = 0;
  for (const auto& source : all) {
    // Most runs find nothing in the window: look first on a read session, and
    // take the single writer only when there is something to (re)consider.
    const bool anything = db_.read([&](store::SqlSession& sql) {
      return source.pending(sql,
                            scanStart(store::notification_store::readCursor(sql, source.cursor), margin_));
    });
    if (!anything) continue;
    created += db_.write([&](store::SqlSession& sql) {
      const std::string cursor = store::notification_store::readCursor(sql, source.cursor);
      const ScanResult result = source.notify(sql, scanStart(cursor, margin_), kNotifierBatch);
      if (result.last_at > cursor) store::notification_store::writeCursor(sql, source.cursor, result.last_at);
      return result.created;
    });
  }
  return created;
}

}  // namespace cqpm::notifications
