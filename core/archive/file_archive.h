#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/file_event.h"
#include "evaluation/evaluation_records.h"
#include "files/modality_plan_records.h"
#include "juries/jury_records.h"
#include "opinion/opinion_records.h"
#include "store/candidate_file_store.h"

namespace cqpm::archive {

/// One registration answer as printed: the CQPM's label for the field and the answer in French.
struct RegistrationAnswer {
  std::string label;
  std::string text;
};

/// Everything a centre keeps of a candidate's file, gathered for printing (FileArchiveService):
/// identity and registration, the evaluation plan, the grid with its observations and signatures,
/// the company's opinion, the jury's decisions and the file's whole history. A part that does not
/// exist yet (no plan before registration, no opinion for a VAE) is absent.
struct FileArchive {
  store::CandidateFileView file;
  std::string cqpm_title;
  std::string state_label;  ///< the file's state as the workflow names it in French
  std::vector<RegistrationAnswer> registration;
  std::optional<files::ModalityPlanEditor> plan;
  std::optional<evaluation::GridView> grid;
  std::optional<opinion::CompanyOpinionView> opinion;
  std::vector<juries::DecisionView> decisions;
  /// The history, oldest first, each event with its French sentence.
  std::vector<std::pair<domain::FileEvent, std::string>> history;
  std::string printed_at;  ///< ISO-8601 UTC, from the injected clock
};

}  // namespace cqpm::archive
