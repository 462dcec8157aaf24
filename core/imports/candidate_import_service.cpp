#include "imports/candidate_import_service.h"

#include <Poco/UUIDGenerator.h>

#include "access/policy.h"
#include "admin/admin_log.h"
#include "common/clock.h"
#include "deadlines/paris_time.h"
#include "imports/csv_table.h"
#include "store/import_store.h"
#include "store/organisation_store.h"
#include "store/write_race.h"

namespace cqpm::imports {

namespace {

void requireCentreCoordinator(const domain::Actor& actor) {
  access::require(actor, access::Permission::kCreateFile, "import candidates");
  if (actor.organisation_kind != domain::OrganisationKind::kCentre) {
    throw Error(ErrorCode::kForbidden, "only a centre's coordinator imports candidates");
  }
}

std::chrono::year_month_day calendarDay(const std::string& iso) {
  return std::chrono::year_month_day{std::chrono::year(std::stoi(iso.substr(0, 4))),
                                     std::chrono::month(static_cast<unsigned>(std::stoi(iso.substr(5, 2)))),
                                     std::chrono::day(static_cast<unsigned>(std::stoi(iso.substr(8, 2))))};
}

CandidateImport viewOf(const store::StoredImport& stored) {
  CandidateImport view;
  view.id = stored.id;
  view.state = stored.state;
  view.filename = stored.filename;
  view.created_at = stored.created_at;
  view.confirmed_at = stored.confirmed_at;
  view.line_count = stored.line_count;
  readImportContent(stored.preview_json, view.rows, view.errors);
  return view;
}

files::NewFileRequest requestOf(const CandidateRow& row) {
  files::NewFileRequest request;
  request.cqpm = row.cqpm;
  request.pathway = row.pathway;
  request.candidate = row.candidate;
  request.company_id = row.company_id;
  request.registration = new Poco::JSON::Object;
  return request;
}

}  // namespace

CandidateImport CandidateImportService::preview(const domain::Actor& actor, const std::string& csv,
                                                const std::optional<std::string>& filename) {
  requireCentreCoordinator(actor);
  const CsvTable table = parseCsv(csv);
  CandidateImportContext context;
  context.today = calendarDay(deadlines::parisDateOf(clock_()));
  std::map<std::string, std::string> titles;
  for (const auto& plugin : rules_.catalog().plugins()) {
    context.cqpm_ids.insert(plugin.id);
    context.cqpm_aliases[plugin.title] = plugin.id;
    titles[plugin.id] = plugin.title;
  }
  std::map<std::string, std::string> company_names;
  db_.read([&](store::SqlSession& sql) {
    store::OrganisationFilter partners{domain::OrganisationKind::kCompany, true, "", actor.organisation_id};
    for (const auto& company : store::organisation_store::list(sql, partners, std::nullopt, 100000)) {
      if (company.siret) context.companies[*company.siret] = company.id;
      company_names[company.id] = company.name;
    }
  });
  CandidateRows checked = validateCandidateRows(table, context);

  std::vector<ImportedRow> rows;
  for (auto& row : checked.rows) {
    // The CQPM's own registration questions cannot come from the file: a CQPM
    // that needs answers is opened from the new-file form instead.
    domain::CandidateFile probe;
    probe.centre_id = actor.organisation_id;
    probe.company_id = row.company_id;
    probe.cqpm = row.cqpm;
    probe.pathway = row.pathway;
    probe.candidate = row.candidate;
    probe.registration_json = "{}";
    if (auto refusal = rules_.checkRegistration(probe, actor)) {
      checked.errors.push_back({row.line, "cqpm",
                                "ce CQPM demande à l'inscription des réponses que le fichier ne porte pas (" +
                                    refusal->field + ") : ouvrez ce dossier depuis « Nouveau dossier »"});
      continue;
    }
    ImportedRow imported{row, titles[row.cqpm], std::nullopt, std::nullopt};
    if (row.company_id) imported.company_name = company_names[*row.company_id];
    rows.push_back(std::move(imported));
  }
  std::stable_sort(checked.errors.begin(), checked.errors.end(),
                   [](const ImportError& a, const ImportError& b) { return a.line < b.line; });

  store::StoredImport stored;
  stored.id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
  stored.centre_id = actor.organisation_id;
  stored.created_by = actor.user_id;
  stored.filename = filename;
  stored.created_at = nowIso8601(clock_);
  stored.state = "previewed";
  stored.line_count = static_cast<std::int64_t>(table.records.size());
  stored.preview_json = importContentJson(rows, checked.errors);
  db_.write([&](store::SqlSession& sql) { store::import_store::insert(sql, stored); });
  return viewOf(stored);
}

CandidateImport CandidateImportService::get(const domain::Actor& actor, const std::string& id) {
  requireCentreCoordinator(actor);
  const auto stored = db_.read(
      [&](store::SqlSession& sql) { return store::import_store::find(sql, id, actor.organisation_id); });
  if (!stored) throw Error(ErrorCode::kNotFound, "no import " + id);
  return viewOf(*stored);
}

CandidateImport CandidateImportService::confirm(const domain::Actor& actor, const std::string& id) {
  requireCentreCoordinator(actor);
  return db_.write([&](store::SqlSession& sql) {
    const auto stored = store::import_store::find(sql, id, actor.organisation_id);
    if (!stored) throw Error(ErrorCode::kNotFound, "no import " + id);
    CandidateImport view = viewOf(*stored);
    if (view.state == "confirmed") return view;  // confirming again answers the same
    if (!view.canConfirm()) {
      throw Error(ErrorCode::kInvalidState, view.rows.empty() ? "the import has no valid line"
                                                              : "the import has errors: correct the file");
    }
    for (auto& imported : view.rows) {
      try {
        imported.file_id = files_.openIn(sql, actor, requestOf(imported.row)).id;
      } catch (const store::WriteRace&) {
        throw;  // lost a race with another write: Database::write runs the whole import again
      } catch (const Error& e) {
        // One line that can no longer be opened refuses the whole import (the transaction rolls back).
        throw Error(e.code(), "line " + std::to_string(imported.row.line) + ": " + e.what(),
                    "rows[" + std::to_string(imported.row.line) + "]." + e.field(), e.details());
      }
    }
    const std::string now = nowIso8601(clock_);
    if (!store::import_store::markConfirmed(sql, id, importContentJson(view.rows, view.errors), now,
                                            actor.user_id)) {
      throw Error(ErrorCode::kConflict, "the import was confirmed meanwhile");
    }
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("files", static_cast<Poco::Int64>(view.rows.size()));
    if (view.filename) details->set("filename", *view.filename);
    admin::recordAdminAct(sql, admin::adminActorOf(actor),
                          {"candidates_imported", "import", id, view.filename.value_or("import"),
                           actor.organisation_id, details},
                          now);
    view.state = "confirmed";
    view.confirmed_at = now;
    return view;
  });
}

}  // namespace cqpm::imports
