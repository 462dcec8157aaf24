#include "archive/file_archive_service.h"

#include <algorithm>

#include "access/policy.h"
#include "archive/file_archive_pdf.h"
#include "archive/registration_answers.h"
#include "evaluation/grid_view.h"
#include "files/event_summary.h"

namespace cqpm::archive {

namespace {

// A part that says something: an opinion saved or signed.
bool anythingWritten(const opinion::CompanyOpinionView& view) {
  return !view.history.empty() || (view.current && view.current->updated_by.has_value());
}

}  // namespace

FileArchive FileArchiveService::gather(const domain::Actor& actor, const std::string& file_id) {
  access::require(actor, access::Permission::kPrintFileArchive, "print a file's archive");
  FileArchive archive;
  archive.file = sources_.files.get(actor, file_id);  // kNotFound outside the coordinator's centre
  const domain::CandidateFile& file = archive.file.file;
  archive.cqpm_title = sources_.catalog.titleOf(file.cqpm);
  const auto& workflow = sources_.engine.definition();
  const auto* state = workflow.findState(file.state);
  archive.state_label = state ? state->label : file.state;
  archive.registration = registrationAnswers(
      sources_.rules.registrationFields(sources_.rules.pluginFor(file.cqpm)), file.registration_json);

  auto plan = sources_.plans.get(actor, file_id);
  if (plan.plan) archive.plan = std::move(plan);
  auto grid = sources_.evaluations.grid(actor, file_id);
  if (evaluation::gridHasAnything(grid)) archive.grid = std::move(grid);
  auto opinion = sources_.opinions.get(actor, file_id);
  if (opinion.required && anythingWritten(opinion)) archive.opinion = std::move(opinion);
  archive.decisions = sources_.decisions.forFile(actor, file_id);
  for (auto& event : sources_.files.events(actor, file_id)) {
    std::string summary = files::eventSummaryFr(event, &workflow);
    archive.history.emplace_back(std::move(event), std::move(summary));
  }
  archive.printed_at = nowIso8601(clock_);
  return archive;
}

std::string FileArchiveService::pdf(const domain::Actor& actor, const std::string& file_id) {
  return renderFileArchive(gather(actor, file_id));
}

}  // namespace cqpm::archive
