#include "files/candidate_file_service.h"

#include <Poco/DateTime.h>
#include <Poco/RegularExpression.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>
#include <sstream>

#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "common/json_text.h"
#include "common/page_cursor.h"
#include "common/text_fields.h"
#include "domain/bloc_scope.h"
#include "domain/civil_status.h"
#include "files/file_order.h"
#include "store/account_store.h"
#include "store/event_store.h"
#include "store/organisation_store.h"
#include "store/personal_data_store.h"

namespace cqpm::files {

using domain::Actor;
using store::CandidateFileView;
using store::SqlSession;

namespace {

constexpr std::size_t kMaxNameLength = 200;

// A cursor names the sort it was made for, so that one sort's position is
// never read as another's.
std::string encodeCursor(const store::FileCursor& cursor, const store::FileOrder& order) {
  return cqpm::encodeCursor({sortName(order.key), order.descending ? "desc" : "asc", cursor.key, cursor.id});
}

store::FileCursor decodeCursor(const std::string& text, const store::FileOrder& order) {
  const auto parts = cqpm::decodeCursor(text, 4);
  if (parts[0] != sortName(order.key) || parts[1] != (order.descending ? "desc" : "asc")) {
    throw Error(ErrorCode::kInvalidField, "cursor belongs to another sort: start again from the first page",
                "cursor");
  }
  return {parts[2], parts[3]};
}

}  // namespace

CandidateFileService::CandidateFileService(store::Database& db, Clock clock,
                                           const workflow::WorkflowEngine& engine,
                                           plugins::PluginRules& rules,
                                           admin::CandidateAccounts& candidate_accounts)
    : db_(db),
      clock_(std::move(clock)),
      engine_(engine),
      rules_(rules),
      candidate_accounts_(candidate_accounts) {}

void CandidateFileService::validate(const Actor& actor, const NewFileRequest& request,
                                    SqlSession& sql) const {
  access::require(actor, access::Permission::kCreateFile, "open a candidate file");
  if (actor.organisation_kind != domain::OrganisationKind::kCentre) {
    throw Error(ErrorCode::kForbidden, "only a centre's coordinator can open a candidate file");
  }
  if (!rules_.catalog().find(request.cqpm)) {
    throw Error(ErrorCode::kInvalidField, "cqpm '" + request.cqpm + "' is not a CQPM of this platform",
                "cqpm");
  }
  requireText(request.candidate.given_name, "candidate.given_name", kMaxNameLength);
  requireText(request.candidate.family_name, "candidate.family_name", kMaxNameLength);
  requireEmail(request.candidate.email, "candidate.email");
  requireBirthDate(request.candidate.birth_date, "candidate.birth_date", clock_());
  if (!request.candidate.birth_place.empty())
    requireText(request.candidate.birth_place, "candidate.birth_place", kMaxNameLength);
  domain::requireCivilStatusSex(request.candidate.sex, "candidate.sex");
  domain::requireBirthInseeCode(request.candidate.birth_insee_code, "candidate.birth_insee_code");
  if (request.pathway == domain::Pathway::kVae && request.company_id) {
    throw Error(ErrorCode::kInvalidField, "a VAE file has no company: leave company_id empty", "company_id");
  }
  if (request.pathway == domain::Pathway::kEmployee && !request.company_id) {
    throw Error(ErrorCode::kInvalidField, "an employee's file needs the employing company", "company_id");
  }
  if (request.company_id) {
    const auto company = store::organisation_store::find(sql, *request.company_id);
    if (!company || company->kind != domain::OrganisationKind::kCompany) {
      throw Error(ErrorCode::kInvalidField, "company_id does not name a company", "company_id");
    }
    if (!company->active) {
      throw Error(ErrorCode::kInvalidField, "the company " + company->name + " is deactivated", "company_id");
    }
    const auto& centres = company->centre_ids;
    if (std::find(centres.begin(), centres.end(), actor.organisation_id) == centres.end()) {
      throw Error(
          ErrorCode::kInvalidField,
          "the company " + company->name + " does not work with your centre: add it to the centre first",
          "company_id");
    }
  }
}

namespace {

// The blocs a file registers for, checked against the CQPM's `bloc_count` blocs and sorted; all of
// them is the whole CQPM (empty). Error{kInvalidField, "blocs[i]"} for an unknown or repeated bloc.
std::vector<int> targetedBlocs(const std::vector<int>& requested, int bloc_count) {
  std::vector<int> blocs;
  for (std::size_t i = 0; i < requested.size(); ++i) {
    const std::string field = "blocs[" + std::to_string(i) + "]";
    if (requested[i] < 1 || requested[i] > bloc_count) {
      throw Error(
          ErrorCode::kInvalidField,
          "this CQPM has blocs 1 to " + std::to_string(bloc_count) + ", not " + std::to_string(requested[i]),
          field);
    }
    if (std::find(blocs.begin(), blocs.end(), requested[i]) != blocs.end()) {
      throw Error(ErrorCode::kInvalidField, "bloc " + std::to_string(requested[i]) + " is listed twice",
                  field);
    }
    blocs.push_back(requested[i]);
  }
  std::sort(blocs.begin(), blocs.end());
  if (static_cast<int>(blocs.size()) == bloc_count) blocs.clear();
  return blocs;
}

}  // namespace

domain::CandidateFile CandidateFileService::openIn(SqlSession& sql, const Actor& actor,
                                                   const NewFileRequest& request) {
  validate(actor, request, sql);
  domain::CandidateFile file;
  file.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  file.centre_id = actor.organisation_id;
  file.company_id = request.company_id;
  file.cqpm = request.cqpm;
  file.pathway = request.pathway;
  file.candidate = request.candidate;
  file.registration_json = toJsonText(request.registration);
  domain::BlocScope scope;
  scope.targeted =
      targetedBlocs(request.targeted_blocs, static_cast<int>(rules_.referentialFor(file)->blocs.size()));
  file.bloc_scope_json = domain::blocScopeJson(scope);
  // The CQPM's own registration fields are its plugin's to check.
  if (auto refusal = rules_.checkRegistration(file, actor)) {
    throw Error(ErrorCode::kInvalidField, refusal->message, refusal->field, refusal->details);
  }
  file.state = engine_.definition().initialState();
  file.version = 1;
  file.created_at = file.updated_at = nowIso8601(clock_);
  const auto* plugin = rules_.catalog().find(file.cqpm);
  file.candidate_user_id =
      candidate_accounts_.accountFor(sql, actor, file, plugin ? plugin->title : file.cqpm, file.created_at);
  store::candidate_file_store::insert(sql, file);

  domain::FileEvent created;
  created.file_id = file.id;
  created.transition = "create";
  created.to_state = file.state;
  created.actor_id = actor.user_id;
  created.organisation_id = actor.organisation_id;
  created.at = file.created_at;
  store::event_store::append(sql, created);
  return file;
}

store::StoredResponse CandidateFileService::create(
    const Actor& actor, const NewFileRequest& request, const std::optional<IdempotencyKey>& idempotency,
    const std::function<store::StoredResponse(const CandidateFileView&)>& render) {
  return db_.write([&](SqlSession& sql) {
    if (idempotency) {
      if (auto replay = store::idempotency_store::find(sql, actor.user_id, idempotency->key,
                                                       idempotency->request_hash, nowIso8601(clock_))) {
        return *replay;
      }
    }
    const domain::CandidateFile file = openIn(sql, actor, request);
    const auto view =
        store::candidate_file_store::find(sql, file.id, {access::FileScope::Kind::kEverything, {}});
    store::StoredResponse response = render(*view);
    if (idempotency) {
      store::idempotency_store::save(sql, actor.user_id, idempotency->key, idempotency->request_hash,
                                     response);
    }
    return response;
  });
}

CandidateFileView CandidateFileService::get(const Actor& actor, const std::string& id) {
  const auto scope = access::fileScopeFor(actor);
  auto found = db_.read([&](SqlSession& sql) { return store::candidate_file_store::find(sql, id, scope); });
  if (!found) throw Error(ErrorCode::kNotFound, "no candidate file " + id);
  return std::move(*found);
}

FilePage CandidateFileService::list(const Actor& actor, const store::FileFilter& filter,
                                    const std::string& cursor, int limit, const store::FileOrder& order) {
  if (limit < 1 || limit > 100)
    throw Error(ErrorCode::kInvalidField, "limit must be between 1 and 100", "limit");
  std::optional<store::FileCursor> after;
  if (!cursor.empty()) after = decodeCursor(cursor, order);
  const auto scope = access::fileScopeFor(actor);
  FilePage page;
  // One extra row tells whether another page follows without a COUNT query.
  page.items = db_.read([&](SqlSession& sql) {
    return store::candidate_file_store::list(sql, scope, filter, after, limit + 1, order);
  });
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(static_cast<std::size_t>(limit));
    const auto& last = page.items.back();
    page.next_cursor =
        encodeCursor({store::candidate_file_store::sortValueOf(last, order), last.file.id}, order);
  }
  return page;
}

std::vector<CandidateFileView> CandidateFileService::exportList(const Actor& actor,
                                                                const store::FileFilter& filter,
                                                                const store::FileOrder& order) {
  const auto scope = access::fileScopeFor(actor);
  auto files = db_.read([&](SqlSession& sql) {
    return store::candidate_file_store::list(sql, scope, filter, std::nullopt, kMaxExportedFiles + 1, order);
  });
  if (files.size() > static_cast<std::size_t>(kMaxExportedFiles)) {
    throw Error(ErrorCode::kUnprocessable,
                "the export holds at most " + std::to_string(kMaxExportedFiles) +
                    " files: narrow the filters (state, CQPM, pathway, name) and export again");
  }
  return files;
}

std::map<std::string, std::int64_t> CandidateFileService::countByState(const Actor& actor,
                                                                       const store::FileFilter& filter) {
  const auto scope = access::fileScopeFor(actor);
  auto counts = db_.read(
      [&](SqlSession& sql) { return store::candidate_file_store::countByState(sql, scope, filter); });
  for (const auto& state : engine_.definition().states()) counts.try_emplace(state.id, 0);
  return counts;
}

std::vector<domain::FileEvent> CandidateFileService::events(const Actor& actor, const std::string& id) {
  get(actor, id);  // scope check: 404 for a file the actor may not see
  return db_.read([&](SqlSession& sql) { return store::event_store::listForFile(sql, id); });
}

std::vector<std::string> CandidateFileService::filesOfSamePerson(const domain::Actor& actor,
                                                                 const std::string& id) {
  access::require(actor, access::Permission::kExportPersonalData, "export a person's data");
  const auto file = get(actor, id);  // kNotFound outside the coordinator's centre
  return db_.read([&](store::SqlSession& sql) {
    return store::personal_data_store::filesOfSamePerson(sql, file.file.id, file.file.centre_id);
  });
}

}  // namespace cqpm::files
