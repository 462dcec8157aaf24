#include "deadlines/deadline_service.h"

#include <Poco/JSON/Object.h>

#include <algorithm>

#include "access/file_in_scope.h"
#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/iso_date.h"
#include "deadlines/paris_time.h"
#include "files/file_events.h"
#include "store/event_store.h"

namespace cqpm::deadlines {

using Poco::JSON::Object;

namespace {

constexpr std::size_t kMaxReason = 2000;

std::string requireDate(const std::string& text, const std::string& field) {
  if (!parseIsoDate(text))
    throw Error(ErrorCode::kInvalidField, field + " must be a date written YYYY-MM-DD", field);
  return text;
}

}  // namespace

store::CandidateFileView DeadlineService::writableFile(const domain::Actor& actor,
                                                       const std::string& file_id) {
  auto file = access::readFileInScope(db_, actor, file_id);
  if (!access::allows(actor.role, access::Permission::kSetDeadlines)) {
    throw Error(ErrorCode::kForbidden, "only the centre's coordinators set and extend deadlines");
  }
  if (std::find(final_states_.begin(), final_states_.end(), file.file.state) != final_states_.end()) {
    throw Error(ErrorCode::kInvalidState,
                "the file is closed (" + file.file.state + "): its deadlines are final");
  }
  return file;
}

bool DeadlineService::hasPassed(const store::DeadlineRecord& deadline) const {
  return clock_() >= endOfParisDay(deadline.due_date);
}

DeadlineView DeadlineService::viewOf(store::DeadlineRecord deadline) const {
  const bool passed = hasPassed(deadline);
  return DeadlineView{std::move(deadline), passed};
}

std::vector<DeadlineView> DeadlineService::list(const domain::Actor& actor, const std::string& file_id) {
  access::readFileInScope(db_, actor, file_id);
  auto deadlines =
      db_.read([&](store::SqlSession& sql) { return store::deadline_store::listForFile(sql, file_id); });
  std::vector<DeadlineView> views;
  for (auto& deadline : deadlines) views.push_back(viewOf(std::move(deadline)));
  return views;
}

DeadlineView DeadlineService::setReportDeadline(const domain::Actor& actor, const std::string& file_id,
                                                const std::string& due) {
  requireDate(due, "due");
  const auto file = writableFile(actor, file_id);
  const std::string now = nowIso8601(clock_);
  return db_.write([&](store::SqlSession& sql) {
    const auto previous = store::deadline_store::find(sql, file_id, kReportDeadline);
    store::DeadlineRecord deadline;
    deadline.file_id = file_id;
    deadline.kind = kReportDeadline;
    deadline.due_date = due;
    deadline.due_at = toIso8601(endOfParisDay(due));
    deadline.set_due_date = due;
    deadline.set_by = actor.user_id;
    deadline.set_at = now;
    store::deadline_store::upsert(sql, deadline);
    Object::Ptr payload = new Object;
    payload->set("kind", kReportDeadline);
    payload->set("due", due);
    payload->set("previous_due", previous ? Poco::Dynamic::Var(previous->due_date) : Poco::Dynamic::Var());
    store::event_store::append(sql, files::sameStateEvent(file.file, actor, "deadline_set", payload, now));
    return viewOf(*store::deadline_store::find(sql, file_id, kReportDeadline));
  });
}

DeadlineView DeadlineService::extendReportDeadline(const domain::Actor& actor, const std::string& file_id,
                                                   const std::string& until, const std::string& reason) {
  requireDate(until, "until");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error(ErrorCode::kInvalidField, "reason is required: say why the deadline is extended", "reason");
  }
  if (reason.size() > kMaxReason)
    throw Error(ErrorCode::kInvalidField, "reason is longer than 2000 bytes", "reason");
  const auto file = writableFile(actor, file_id);
  const std::string now = nowIso8601(clock_);
  return db_.write([&](store::SqlSession& sql) {
    const auto current = store::deadline_store::find(sql, file_id, kReportDeadline);
    if (!current) {
      throw Error(ErrorCode::kInvalidState, "the file has no report deadline to extend: set one first");
    }
    if (until <= current->due_date) {  // ISO dates compare as text
      throw Error(ErrorCode::kUnprocessable,
                  "until must come after the deadline in force (" + current->due_date + ")", "until");
    }
    store::DeadlineExtension extension;
    extension.number = static_cast<std::int64_t>(current->extensions.size()) + 1;
    extension.from_date = current->due_date;
    extension.until_date = until;
    extension.reason = reason;
    extension.extended_by = actor.user_id;
    extension.extended_at = now;
    store::deadline_store::addExtension(sql, file_id, kReportDeadline, extension,
                                        toIso8601(endOfParisDay(until)));
    Object::Ptr payload = new Object;
    payload->set("kind", kReportDeadline);
    payload->set("from", current->due_date);
    payload->set("until", until);
    payload->set("reason", reason);
    store::event_store::append(sql,
                               files::sameStateEvent(file.file, actor, "deadline_extended", payload, now));
    return viewOf(*store::deadline_store::find(sql, file_id, kReportDeadline));
  });
}

void DeadlineService::requireReportOpen(store::SqlSession& sql, const std::string& file_id) const {
  const auto deadline = store::deadline_store::find(sql, file_id, kReportDeadline);
  if (!deadline || !hasPassed(*deadline)) return;
  Object::Ptr details = new Object;
  details->set("due", deadline->due_date);
  details->set("due_at", deadline->due_at);
  throw Error(ErrorCode::kDeadlinePassed,
              "the report was due by " + deadline->due_date +
                  " (end of day, Europe/Paris): only the centre can extend the deadline",
              "file", details);
}

}  // namespace cqpm::deadlines
