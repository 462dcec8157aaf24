#include "history/file_as_of_service.h"

#include <algorithm>
#include <set>

#include "access/policy.h"
#include "archive/registration_answers.h"
#include "common/error.h"
#include "common/iso_instant.h"
#include "deadlines/paris_time.h"
#include "evaluation/grid_view.h"
#include "history/file_at_instant.h"
#include "opinion/opinion_view.h"
#include "opinion/referential_items.h"
#include "store/account_store.h"
#include "store/company_opinion_store.h"
#include "store/document_store.h"
#include "store/evaluation_store.h"
#include "store/referential_version_store.h"

namespace cqpm::history {

namespace {

// The instant asked, written as the store writes instants so that text order is time order.
std::string instantOf(const std::string& at, const Clock& clock) {
  const auto instant = parseIsoInstant(at);
  if (!instant) {
    throw Error(ErrorCode::kInvalidField,
                "at must be an ISO-8601 date-time with its offset, such as 2027-03-18T10:00:00+01:00", "at");
  }
  if (*instant > clock()) throw Error(ErrorCode::kInvalidField, "at must not be in the future", "at");
  return toIso8601(*instant);
}

std::set<std::string> pinningTransitions(const workflow::WorkflowDefinition& workflow) {
  std::set<std::string> ids;
  for (const auto& transition : workflow.transitions()) {
    if (transition.pins_referential) ids.insert(transition.id);
  }
  return ids;
}

evaluation::GridView gridAt(store::SqlSession& sql, plugins::PluginRules& rules, const FileAtInstant& then,
                            const std::string& at) {
  std::vector<evaluation::Evaluator> commission;
  for (const auto& id : then.commission) {
    const auto account = store::account_store::findUser(sql, id);
    commission.push_back({id, account ? account->display_name : id});
  }
  return evaluation::gridOf(then.file, rules, std::move(commission),
                            store::evaluation_store::evaluationsAt(sql, then.file.id, at, then.commission));
}

// Each document with the versions uploaded by then; a document not yet uploaded is left out.
std::vector<documents::Document> documentsAt(std::vector<documents::Document> documents,
                                             const std::string& at) {
  for (auto& document : documents) {
    auto& versions = document.versions;
    versions.erase(std::remove_if(versions.begin(), versions.end(),
                                  [&](const documents::DocumentVersion& v) { return v.uploaded_at > at; }),
                   versions.end());
  }
  documents.erase(std::remove_if(documents.begin(), documents.end(),
                                 [](const documents::Document& d) { return d.versions.empty(); }),
                  documents.end());
  return documents;
}

// The decisions taken by then, as they stood: a revocation after the instant had not happened.
std::vector<juries::DecisionView> decisionsAt(std::vector<juries::DecisionView> decisions,
                                              const std::string& at) {
  decisions.erase(std::remove_if(decisions.begin(), decisions.end(),
                                 [&](const juries::DecisionView& d) { return d.decision.decided_at > at; }),
                  decisions.end());
  for (auto& view : decisions) {
    auto& decision = view.decision;
    if (decision.revoked_at && *decision.revoked_at > at) {
      decision.revoked_at.reset();
      decision.revoked_by.reset();
      decision.revoked_by_name.reset();
      decision.revocation_reason.reset();
      for (auto& award : view.awards) award.revoked_at.reset();
    }
  }
  return decisions;
}

}  // namespace

FileAsOf FileAsOfService::at(const domain::Actor& actor, const std::string& file_id, const std::string& at) {
  access::require(actor, access::Permission::kPrintFileArchive, "see a file as it stood at an earlier date");
  FileAsOf result;
  result.at = instantOf(at, clock_);
  store::CandidateFileView today = sources_.files.get(actor, file_id);  // kNotFound outside the scope
  const auto& workflow = sources_.engine.definition();
  auto then = fileAtInstant(today.file, sources_.files.events(actor, file_id), result.at,
                            pinningTransitions(workflow));
  if (!then) {
    throw Error(
        ErrorCode::kInvalidField,
        "at is before the file was created (" + deadlines::frenchParisTime(today.file.created_at) + ")",
        "at");
  }
  auto decisions = sources_.decisions.forFile(actor, file_id);
  db_.read([&](store::SqlSession& sql) {
    domain::CandidateFile& file = then->file;
    if (then->referential_moved && file.referential_version) {
      const auto version =
          store::referential_version_store::findVersion(sql, file.cqpm, *file.referential_version);
      if (version) file.referential_commit = version->commit_id;
    }
    auto grid = gridAt(sql, sources_.rules, *then, result.at);
    if (evaluation::gridHasAnything(grid)) result.grid = std::move(grid);
    const auto referential = sources_.rules.referentialFor(file);
    const opinion::OpinionForm form{opinion::activitiesOf(*referential),
                                    opinion::competenciesOf(*referential)};
    const auto versions = store::company_opinion_store::listForFileAt(sql, file.id, result.at);
    auto view = opinion::opinionView(file, form, versions, false);
    if (view.required && !versions.empty()) result.opinion = std::move(view);
    result.documents = documentsAt(store::document_store::listForFile(sql, file.id), result.at);
  });
  result.decisions = decisionsAt(std::move(decisions), result.at);
  today.file = then->file;
  result.file = std::move(today);
  const domain::CandidateFile& file = result.file.file;
  result.cqpm_title = sources_.catalog.titleOf(file.cqpm);
  const auto* state = workflow.findState(file.state);
  result.state_label = state ? state->label : file.state;
  result.registration = archive::registrationAnswers(
      sources_.rules.registrationFields(sources_.rules.pluginFor(file.cqpm)), file.registration_json);
  result.events = std::move(then->events);
  return result;
}

}  // namespace cqpm::history
