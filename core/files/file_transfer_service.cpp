#include "files/file_transfer_service.h"

#include <Poco/JSON/Array.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>

#include "access/file_scope.h"
#include "access/policy.h"
#include "admin/admin_log.h"
#include "common/clock.h"
#include "common/text_fields.h"
#include "files/file_events.h"
#include "notifications/recipients.h"
#include "store/candidate_file_store.h"
#include "store/evaluation_store.h"
#include "store/event_store.h"
#include "store/jury_store.h"
#include "store/organisation_store.h"

namespace cqpm::files {

namespace {

constexpr std::size_t kMaxTransferReason = 1000;

using Poco::JSON::Object;
using store::StoredTransfer;

bool isPlatformAdmin(const domain::Actor& actor) { return actor.role == domain::Role::kAdmin; }

// Either centre of the transfer, or the platform: everyone else is told it does not exist.
bool mayRead(const domain::Actor& actor, const StoredTransfer& transfer) {
  if (isPlatformAdmin(actor)) return true;
  return actor.role == domain::Role::kCentreCoordinator &&
         (actor.organisation_id == transfer.from_centre_id || actor.organisation_id == transfer.to_centre_id);
}

Object::Ptr centreJson(const std::string& id, const std::string& name) {
  Object::Ptr centre = new Object;
  centre->set("id", id);
  centre->set("name", name);
  return centre;
}

// What every event and log entry of a transfer says.
Object::Ptr transferDetails(const StoredTransfer& transfer) {
  Object::Ptr details = new Object;
  details->set("transfer_id", transfer.id);
  details->set("from_centre", centreJson(transfer.from_centre_id, transfer.from_centre_name));
  details->set("to_centre", centreJson(transfer.to_centre_id, transfer.to_centre_name));
  details->set("reason", transfer.reason);
  return details;
}

// Both centres read the administration log of their own acts: each act is
// recorded once for each of them.
void logForBothCentres(store::SqlSession& sql, const domain::Actor& actor, const std::string& action,
                       const StoredTransfer& transfer, const std::string& label, const Object::Ptr& details,
                       const std::string& at) {
  for (const auto& centre : {transfer.from_centre_id, transfer.to_centre_id}) {
    admin::recordAdminAct(sql, admin::adminActorOf(actor),
                          {action, "file", transfer.file_id, label, centre, details}, at);
  }
}

std::vector<std::string> coordinatorsOf(store::SqlSession& sql, const std::string& centre_id) {
  return notifications::recipientsOf(sql, {centre_id, std::nullopt, std::nullopt}, {true, false, false});
}

}  // namespace

StoredTransfer FileTransferService::propose(const domain::Actor& actor, const std::string& file_id,
                                            const TransferProposal& proposal) {
  requireText(proposal.centre_id, "centre_id", 100);
  requireText(proposal.reason, "reason", kMaxTransferReason, true);
  const auto scope = access::fileScopeFor(actor);
  const std::string id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  db_.write([&](store::SqlSession& sql) {
    auto view = store::candidate_file_store::find(sql, file_id, scope);
    if (!view) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    access::require(actor, access::Permission::kTransferFile, "transfer a candidate file");
    const domain::CandidateFile& file = view->file;
    if (std::find(final_states_.begin(), final_states_.end(), file.state) != final_states_.end()) {
      throw Error(ErrorCode::kInvalidState, "the file is closed (" + file.state + "): it is not transferred");
    }
    if (!store::jury_store::sessionsOfFile(sql, file.id).empty()) {
      throw Error(ErrorCode::kInvalidState,
                  "the file is on the agenda of a jury session of its centre: it stays there until decided");
    }
    const auto target = store::organisation_store::find(sql, proposal.centre_id);
    if (!target || target->kind != domain::OrganisationKind::kCentre) {
      throw Error(ErrorCode::kInvalidField, "no centre " + proposal.centre_id, "centre_id");
    }
    if (!target->active) throw Error(ErrorCode::kInvalidField, target->name + " is deactivated", "centre_id");
    if (target->id == file.centre_id) {
      throw Error(ErrorCode::kInvalidField, "the file is already followed by " + target->name, "centre_id");
    }
    if (auto pending = store::file_transfer_store::pendingOfFile(sql, file.id)) {
      Object::Ptr details = new Object;
      details->set("transfer_id", pending->id);
      throw Error(ErrorCode::kConflict,
                  "a transfer of this file to " + pending->to_centre_name + " already waits for an answer",
                  "centre_id", details);
    }
    const std::string now = nowIso8601(clock_);
    StoredTransfer transfer;
    transfer.id = id;
    transfer.file_id = file.id;
    transfer.from_centre_id = file.centre_id;
    transfer.to_centre_id = target->id;
    transfer.reason = proposal.reason;
    transfer.state = "proposed";
    transfer.proposed_by = actor.user_id;
    transfer.proposed_at = now;
    store::file_transfer_store::insert(sql, transfer);
    const auto stored = store::file_transfer_store::find(sql, id);
    const Object::Ptr details = transferDetails(*stored);
    store::event_store::append(sql, sameStateEvent(file, actor, "file_transfer_proposed", details, now));
    const std::string who = stored->candidate_name + " (" + catalog_.titleOf(stored->cqpm) + ")";
    logForBothCentres(sql, actor, "file_transfer_proposed", *stored, who, details, now);
    // The receiving centre does not see the file yet: the notification points to no file.
    notifications_.notify(
        sql, coordinatorsOf(sql, target->id),
        {"transfer_proposed", std::nullopt, "transfer:" + id + ":proposed", "Transfert de dossier proposé",
         stored->from_centre_name + " propose de vous transférer le dossier de " + who + " : " +
             proposal.reason},
        now);
  });
  return get(actor, id);
}

StoredTransfer FileTransferService::accept(const domain::Actor& actor, const std::string& transfer_id,
                                           const std::optional<std::string>& comment) {
  if (comment) requireText(*comment, "reason", kMaxTransferReason);
  return answer(actor, transfer_id, "accepted", comment);
}

StoredTransfer FileTransferService::refuse(const domain::Actor& actor, const std::string& transfer_id,
                                           const std::string& reason) {
  requireText(reason, "reason", kMaxTransferReason, true);
  return answer(actor, transfer_id, "refused", reason);
}

StoredTransfer FileTransferService::cancel(const domain::Actor& actor, const std::string& transfer_id) {
  return answer(actor, transfer_id, "cancelled", std::nullopt);
}

StoredTransfer FileTransferService::answer(const domain::Actor& actor, const std::string& transfer_id,
                                           const std::string& state,
                                           const std::optional<std::string>& reason) {
  db_.write([&](store::SqlSession& sql) {
    auto transfer = store::file_transfer_store::find(sql, transfer_id);
    if (!transfer || !mayRead(actor, *transfer))
      throw Error(ErrorCode::kNotFound, "no transfer " + transfer_id);
    access::require(actor, access::Permission::kTransferFile, "answer a transfer");
    const bool cancelling = state == "cancelled";
    const std::string& answering_centre = cancelling ? transfer->from_centre_id : transfer->to_centre_id;
    if (actor.organisation_id != answering_centre) {
      throw Error(ErrorCode::kForbidden, cancelling ? "only the proposing centre cancels a transfer"
                                                    : "only the receiving centre answers a transfer");
    }
    if (transfer->state != "proposed") {
      throw Error(ErrorCode::kInvalidState, "the transfer was already answered (" + transfer->state + ")");
    }
    // The file as it is now, whichever centre reads it.
    auto view =
        store::candidate_file_store::find(sql, transfer->file_id, {access::FileScope::Kind::kEverything, {}});
    if (!view) throw Error(ErrorCode::kNotFound, "no candidate file " + transfer->file_id);
    domain::CandidateFile file = view->file;
    const std::string now = nowIso8601(clock_);
    Object::Ptr details = transferDetails(*transfer);
    if (reason) details->set("answer", *reason);
    std::string event_kind = "file_transfer_" + state;
    if (state == "accepted") {
      if (std::find(final_states_.begin(), final_states_.end(), file.state) != final_states_.end() ||
          !store::jury_store::sessionsOfFile(sql, file.id).empty()) {
        throw Error(ErrorCode::kInvalidState,
                    "the file was closed or put on a jury agenda since the proposal: it is not transferred");
      }
      if (!store::candidate_file_store::moveToCentre(sql, file.id, file.version, transfer->to_centre_id,
                                                     now)) {
        throw Error(ErrorCode::kVersionConflict, "the file changed while it was being transferred");
      }
      Poco::JSON::Array::Ptr released = new Poco::JSON::Array;
      for (const auto& member : store::evaluation_store::commission(sql, file.id))
        released->add(member.display_name);
      if (released->size() > 0)
        store::evaluation_store::replaceCommission(sql, file.id, {}, actor.user_id, now);
      details->set("commission_released", released);
      if (file.company_id) {
        store::organisation_store::linkCompanyToCentre(sql, *file.company_id, transfer->to_centre_id);
      }
      file.centre_id = transfer->to_centre_id;
      event_kind = "file_transferred";
    }
    if (!store::file_transfer_store::decide(sql, transfer->id, state, actor.user_id, now, reason)) {
      throw Error(ErrorCode::kInvalidState, "the transfer was answered meanwhile");
    }
    store::event_store::append(sql, sameStateEvent(file, actor, event_kind, details, now));
    const std::string who = transfer->candidate_name + " (" + catalog_.titleOf(transfer->cqpm) + ")";
    logForBothCentres(sql, actor, "file_transfer_" + state, *transfer, who, details, now);
    const std::string source = "transfer:" + transfer->id + ":" + state;
    if (state == "accepted") {
      notifications_.notify(sql, coordinatorsOf(sql, transfer->from_centre_id),
                            {"transfer_answered", std::nullopt, source, "Transfert de dossier accepté",
                             transfer->to_centre_name + " a accepté le transfert du dossier de " + who + "."},
                            now);
      // The candidate and the company learn who follows the file from now on.
      notifications_.notify(
          sql,
          notifications::recipientsOf(sql, {file.centre_id, file.company_id, file.candidate_user_id},
                                      {false, true, true}),
          {"file_transferred", file.id, source, "Votre dossier change de centre",
           "Le dossier de " + who + " est désormais suivi par " + transfer->to_centre_name + "."},
          now);
    } else if (state == "refused") {
      notifications_.notify(
          sql, coordinatorsOf(sql, transfer->from_centre_id),
          {"transfer_answered", file.id, source, "Transfert de dossier refusé",
           transfer->to_centre_name + " a refusé le transfert du dossier de " + who + " : " + *reason},
          now);
    } else {
      notifications_.notify(
          sql, coordinatorsOf(sql, transfer->to_centre_id),
          {"transfer_answered", std::nullopt, source, "Transfert de dossier annulé",
           transfer->from_centre_name + " a retiré sa proposition de transfert du dossier de " + who + "."},
          now);
    }
  });
  return get(actor, transfer_id);
}

StoredTransfer FileTransferService::get(const domain::Actor& actor, const std::string& transfer_id) {
  auto transfer =
      db_.read([&](store::SqlSession& sql) { return store::file_transfer_store::find(sql, transfer_id); });
  if (!transfer || !mayRead(actor, *transfer))
    throw Error(ErrorCode::kNotFound, "no transfer " + transfer_id);
  return std::move(*transfer);
}

std::vector<StoredTransfer> FileTransferService::list(const domain::Actor& actor,
                                                      const TransferQuery& query) {
  if (!isPlatformAdmin(actor) && actor.role != domain::Role::kCentreCoordinator) {
    throw Error(ErrorCode::kForbidden, "only centres and the platform read transfers");
  }
  if (query.state && *query.state != "proposed" && *query.state != "accepted" && *query.state != "refused" &&
      *query.state != "cancelled") {
    throw Error(ErrorCode::kInvalidField, "state is one of proposed, accepted, refused, cancelled", "state");
  }
  const std::string centre = isPlatformAdmin(actor) ? std::string() : actor.organisation_id;
  return db_.read([&](store::SqlSession& sql) {
    return store::file_transfer_store::list(sql, centre, query.direction, query.state,
                                            std::clamp(query.limit, 1, 200));
  });
}

std::vector<domain::Organisation> FileTransferService::receivingCentres(const domain::Actor& actor) {
  if (!isPlatformAdmin(actor)) access::require(actor, access::Permission::kTransferFile, "list the centres");
  store::OrganisationFilter filter;
  filter.kind = domain::OrganisationKind::kCentre;
  filter.active = true;
  auto centres = db_.read([&](store::SqlSession& sql) {
    return store::organisation_store::list(sql, filter, std::nullopt, 1000);
  });
  std::erase_if(centres,
                [&](const domain::Organisation& centre) { return centre.id == actor.organisation_id; });
  return centres;
}

std::vector<StoredTransfer> FileTransferService::ofFile(const domain::Actor& actor,
                                                        const std::string& file_id) {
  const auto scope = access::fileScopeFor(actor);
  return db_.read([&](store::SqlSession& sql) {
    if (!store::candidate_file_store::find(sql, file_id, scope)) {
      throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    }
    // What centres said to each other stays between centres.
    if (!isPlatformAdmin(actor)) access::require(actor, access::Permission::kTransferFile, "read transfers");
    return store::file_transfer_store::ofFile(sql, file_id);
  });
}

}  // namespace cqpm::files
