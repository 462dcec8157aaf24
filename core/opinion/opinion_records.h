#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "opinion/opinion_content.h"

namespace cqpm::opinion {

/// Who saved or signed a version of an opinion.
struct OpinionUser {
  std::string id;
  std::string display_name;
};

/// One version of a company opinion: its content over the form, who wrote it
/// and who signed it.
struct OpinionVersion {
  std::int64_t version = 1;  ///< 1, 2, ...: a correction of a signed opinion is the next version
  std::string state;         ///< "draft" or "signed"
  OpinionContent content;
  std::optional<OpinionUser> updated_by;  ///< none for the empty draft before any save
  std::optional<std::string> updated_at;  ///< ISO-8601; none for the empty draft
  std::optional<OpinionUser> signed_by;   ///< none while a draft
  std::optional<std::string> signed_at;
  std::string etag;  ///< what the next save or signature sends in If-Match (opinionEtag)
};

/// A file's company opinion as CompanyOpinionService answers it. Presented by
/// http::companyOpinionJson.
struct CompanyOpinionView {
  std::string file_id;
  bool required = false;  ///< false for a VAE file: then no state, no current version, no history
  bool editable = false;  ///< the actor may save or sign now (tutor of the company, company_opinion)
  /// The activities and competencies the opinion covers (the file's pinned
  /// referential): every version is shown over all of them, answered or not.
  OpinionForm form;
  std::optional<std::string> state;       ///< the current version's state; none for VAE
  std::optional<OpinionVersion> current;  ///< an empty draft at version 1 before any save; none for VAE
  std::vector<OpinionVersion> history;    ///< the signed versions, oldest first
};

/// A save or a signature sent with an If-Match that names another version than
/// the current one: Error{kPreconditionFailed, field "If-Match"} carrying the
/// current opinion, which the API shows in details.current.
class StaleOpinion : public Error {
 public:
  StaleOpinion(const std::string& message, CompanyOpinionView current)
      : Error(ErrorCode::kPreconditionFailed, message, "If-Match"), current_(std::move(current)) {}
  const CompanyOpinionView& current() const { return current_; }

 private:
  CompanyOpinionView current_;
};

}  // namespace cqpm::opinion
