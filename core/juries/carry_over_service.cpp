#include "juries/carry_over_service.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <map>

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "common/unicode_text.h"
#include "files/file_events.h"
#include "store/event_store.h"
#include "store/jury_decision_store.h"

namespace cqpm::juries {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

// A bloc is the same across referential versions when its code is; a bloc
// without code is recognised by its title.
std::string blocKey(const std::string& code, const std::string& title) {
  if (!code.empty()) return "code:" + code;
  return "title:" + foldedForSearch(title);
}

}  // namespace

std::vector<OfferedBloc> blocsAwardedEarlier(store::SqlSession& sql, const domain::CandidateFile& file,
                                             const std::vector<BlocRef>& blocs) {
  const std::string key = store::jury_decision_store::candidateKey(
      file.candidate.family_name, file.candidate.given_name, file.candidate.birth_date);
  std::map<std::string, OfferedBloc> by_key;
  const std::string place = foldedForSearch(file.candidate.birth_place);
  for (const auto& decision : store::jury_decision_store::activeForCandidate(sql, key, file.cqpm, file.id)) {
    // Same names and birth date: the same person, unless both files record different birth places.
    const auto earlier =
        store::candidate_file_store::find(sql, decision.file_id, {access::FileScope::Kind::kEverything, {}});
    if (!earlier) continue;
    const std::string earlier_place = earlier->file.candidate.birth_place;
    if (!place.empty() && !earlier_place.empty() && foldedForSearch(earlier_place) != place) {
      continue;
    }
    const auto awarded = Poco::JSON::Parser().parse(decision.blocs_json).extract<Array::Ptr>();
    for (std::size_t i = 0; i < awarded->size(); ++i) {
      const auto bloc = awarded->getObject(static_cast<unsigned>(i));
      by_key.try_emplace(
          blocKey(textOf(bloc, "code"), textOf(bloc, "title")),
          OfferedBloc{{}, decision.id, decision.decided_at, decision.file_id, earlier_place, false});
    }
  }
  std::vector<OfferedBloc> offered;
  for (const auto& bloc : blocs) {
    const auto found = by_key.find(blocKey(bloc.code, bloc.title));
    if (found == by_key.end()) continue;
    OfferedBloc item = found->second;
    item.bloc = bloc;
    offered.push_back(std::move(item));
  }
  return offered;
}

CarryOverView CarryOverService::viewOf(store::SqlSession& sql, const domain::Actor& actor,
                                       store::CandidateFileView file) {
  CarryOverView view;
  view.scope = domain::parseBlocScope(file.file.bloc_scope_json);
  const auto blocs = referentialBlocs(*rules_.referentialFor(file.file));
  for (const auto& bloc : blocs) {
    if (view.scope.targets(bloc.index)) view.targeted.push_back(bloc);
  }
  view.offered = blocsAwardedEarlier(sql, file.file, view.targeted);
  for (auto& offered : view.offered) offered.confirmed = view.scope.carries(offered.bloc.index);
  view.editable = file.file.state == kCarryOverState &&
                  access::allows(actor.role, access::Permission::kPlanModalities) && !view.offered.empty();
  view.file = std::move(file);
  return view;
}

CarryOverView CarryOverService::get(const domain::Actor& actor, const std::string& file_id) {
  const auto scope = access::fileScopeFor(actor);
  return db_.read([&](store::SqlSession& sql) {
    auto file = store::candidate_file_store::find(sql, file_id, scope);
    if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    return viewOf(sql, actor, std::move(*file));
  });
}

CarryOverView CarryOverService::confirm(const domain::Actor& actor, const std::string& file_id,
                                        std::int64_t expected_version, const std::vector<int>& blocs) {
  const auto scope = access::fileScopeFor(actor);
  return db_.write([&](store::SqlSession& sql) {
    auto file = store::candidate_file_store::find(sql, file_id, scope);
    if (!file) throw Error(ErrorCode::kNotFound, "no candidate file " + file_id);
    access::require(actor, access::Permission::kPlanModalities, "confirm the blocs a file carries over");
    if (file->file.state != kCarryOverState) {
      throw Error(
          ErrorCode::kInvalidState,
          "blocs are carried over while the file is registered, before its modalities are agreed; the "
          "file is " +
              file->file.state);
    }
    if (file->file.version != expected_version) {
      throw fileVersionConflict(file->file.version);
    }
    const CarryOverView before = viewOf(sql, actor, *file);
    domain::BlocScope scope_after = before.scope;
    scope_after.carried_over.clear();
    const std::string now = nowIso8601(clock_);
    Array::Ptr confirmed = new Array;
    for (std::size_t i = 0; i < blocs.size(); ++i) {
      const std::string field = "blocs[" + std::to_string(i) + "]";
      const auto offered = std::find_if(before.offered.begin(), before.offered.end(),
                                        [&](const OfferedBloc& bloc) { return bloc.bloc.index == blocs[i]; });
      if (offered == before.offered.end()) {
        throw Error(
            ErrorCode::kInvalidField,
            "bloc " + std::to_string(blocs[i]) +
                " was not awarded to this candidate by an earlier decision in force, or is not targeted "
                "by this file",
            field);
      }
      if (scope_after.carries(blocs[i])) {
        throw Error(ErrorCode::kInvalidField, "bloc " + std::to_string(blocs[i]) + " is listed twice", field);
      }
      scope_after.carried_over.push_back({blocs[i], offered->decision_id, actor.user_id, now});
      Object::Ptr item = blocJson(offered->bloc);
      item->set("decision_id", offered->decision_id);
      confirmed->add(item);
    }
    std::sort(scope_after.carried_over.begin(), scope_after.carried_over.end(),
              [](const auto& a, const auto& b) { return a.bloc < b.bloc; });
    if (!store::candidate_file_store::setBlocScope(sql, file_id, expected_version,
                                                   domain::blocScopeJson(scope_after), now)) {
      throw Error(ErrorCode::kVersionConflict, "the file changed while its carry-over was recorded",
                  "expected_version");
    }
    Object::Ptr payload = new Object;
    payload->set("blocs", confirmed);
    store::event_store::append(
        sql, files::sameStateEvent(file->file, actor, "carry_over_confirmed", payload, now));
    auto updated = store::candidate_file_store::find(sql, file_id, scope);
    return viewOf(sql, actor, std::move(*updated));
  });
}

}  // namespace cqpm::juries
