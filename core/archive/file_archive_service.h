#pragma once

#include <string>

#include "archive/file_archive.h"
#include "common/clock.h"
#include "domain/actor.h"
#include "evaluation/evaluation_service.h"
#include "files/candidate_file_service.h"
#include "files/modality_plan_service.h"
#include "juries/decision_service.h"
#include "opinion/company_opinion_service.h"
#include "plugins/plugin_rules.h"
#include "workflow/workflow_engine.h"

namespace cqpm::archive {

/// The services a file's archive is read from, borrowed from the composition root.
struct ArchiveSources {
  files::CandidateFileService& files;
  files::ModalityPlanService& plans;
  evaluation::EvaluationService& evaluations;
  opinion::CompanyOpinionService& opinions;
  juries::DecisionService& decisions;
  plugins::PluginRules& rules;
  const plugins::PluginCatalog& catalog;
  const workflow::WorkflowEngine& engine;
};

/// Gathers a candidate's whole file for the centre's archive (GET /files/{id}/archive.pdf): each
/// part is read through the service that owns it, as the actor, so the archive never shows more
/// than its pages do. Only the file's centre coordinators print it (Permission::kPrintFileArchive).
/// Thread-safe: it holds nothing of its own.
class FileArchiveService {
 public:
  FileArchiveService(ArchiveSources sources, Clock clock) : sources_(sources), clock_(std::move(clock)) {}

  /// Errors: kForbidden (not a coordinator), kNotFound (outside the actor's scope).
  FileArchive gather(const domain::Actor& actor, const std::string& file_id);

  /// gather, printed as a PDF (archive/file_archive_pdf.h).
  std::string pdf(const domain::Actor& actor, const std::string& file_id);

 private:
  ArchiveSources sources_;
  Clock clock_;
};

}  // namespace cqpm::archive
