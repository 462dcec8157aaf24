#include "notifications/event_notifier.h"

#include <Poco/DateTimeParser.h>

#include "common/clock.h"
#include "notifications/recipients.h"
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
  return {true, true, true};
}

}  // namespace

int EventNotifier::runOnce() {
  static const std::vector<std::string> kStates{workflow::states::kReadyForJury, workflow::states::kCertified,
                                                workflow::states::kBlocsAwarded,
                                                workflow::states::kNotCertified};
  const std::string now = nowIso8601(clock_);
  // Most runs find nothing in the window: look first on a read session, and
  // take the single writer only when there is something to (re)consider.
  const bool anything = db_.read([&](store::SqlSession& sql) {
    const std::string cursor = store::notification_store::readCursor(sql, kCursor);
    return !store::notification_store::stateChangesSince(sql, scanStart(cursor, margin_), kStates, 1).empty();
  });
  if (!anything) return 0;
  return db_.write([&](store::SqlSession& sql) {
    const std::string cursor = store::notification_store::readCursor(sql, kCursor);
    const auto changes = store::notification_store::stateChangesSince(sql, scanStart(cursor, margin_),
                                                                      kStates, kNotifierBatch);
    int created = 0;
    std::string last = cursor;
    for (const auto& change : changes) {
      const FileParties parties{change.centre_id, change.company_id, change.candidate_user_id};
      created += notifications_.notify(sql, recipientsOf(sql, parties, audienceOf(change.to_state)),
                                       describe(change, catalog_.titleOf(change.cqpm)), now);
      if (change.at > last) last = change.at;
    }
    if (last != cursor) store::notification_store::writeCursor(sql, kCursor, last);
    return created;
  });
}

}  // namespace cqpm::notifications
