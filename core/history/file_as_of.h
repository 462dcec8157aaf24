#pragma once

#include <optional>
#include <string>
#include <vector>

#include "archive/file_archive.h"
#include "documents/document_records.h"
#include "domain/file_event.h"
#include "evaluation/evaluation_records.h"
#include "juries/jury_records.h"
#include "opinion/opinion_records.h"
#include "store/candidate_file_store.h"

namespace cqpm::history {

/// A candidate's file exactly as it stood at an earlier instant (GET /files/{id}?at=…), rebuilt
/// from records that are only ever appended: the file's events, the versions of each competency's
/// evaluation and of the company opinion, the document versions, the jury's decisions. Presented by
/// http::fileAsOfJson. A part the file did not have yet then is absent or empty.
struct FileAsOf {
  std::string at;  ///< the instant, ISO-8601 UTC
  /// The file then: state, candidate, registration answers, plan, carried-over blocs, pinned
  /// referential; the centre, company and report deadline are today's.
  store::CandidateFileView file;
  std::string cqpm_title;
  std::string state_label;  ///< the state then, as the workflow names it in French
  std::vector<archive::RegistrationAnswer> registration;  ///< the answers then, labelled in French
  std::optional<evaluation::GridView> grid;            ///< once a commission sat or a competency was written
  std::optional<opinion::CompanyOpinionView> opinion;  ///< once the company saved it; never for VAE
  std::vector<documents::Document> documents;          ///< each with the versions uploaded by then
  std::vector<juries::DecisionView> decisions;         ///< decided by then; a later revocation unseen
  std::vector<domain::FileEvent> events;               ///< the events by then, oldest first
};

}  // namespace cqpm::history
