#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// One stored version of a file's company opinion.
struct CompanyOpinionRecord {
  std::string file_id;
  std::int64_t version = 0;     ///< 1, 2, ...: a correction of a signed opinion is the next version
  std::string state;            ///< "draft" or "signed"
  std::string content_json;     ///< {"activities": {...}, "competencies": {...}, "text": "..."}
  std::int64_t revision = 0;    ///< bumped by every save and by the signature: part of the ETag
  std::string updated_by;       ///< user id
  std::string updated_by_name;  ///< filled when read
  std::string updated_at;
  std::optional<std::string> signed_by;
  std::optional<std::string> signed_by_name;  ///< filled when read
  std::optional<std::string> signed_at;
};

/// Versions of company opinions. Writes are compare-and-swap on the revision,
/// so a stale write changes nothing and the caller answers 412.
namespace company_opinion_store {

/// Every version of the file's opinion, oldest first.
std::vector<CompanyOpinionRecord> listForFile(SqlSession& sql, const std::string& file_id);
/// The newest version, or nullopt when the company has not written anything yet.
std::optional<CompanyOpinionRecord> latest(SqlSession& sql, const std::string& file_id);
/// Every version of the file's opinion as it stood at `at` (ISO-8601 UTC, as stored), oldest first:
/// each version begun by then at its latest revision written at or before `at`
/// (company_opinion_revisions), a draft then still a draft.
std::vector<CompanyOpinionRecord> listForFileAt(SqlSession& sql, const std::string& file_id,
                                                const std::string& at);
/// A new version (first draft or the start of a correction).
void insert(SqlSession& sql, const CompanyOpinionRecord& record);
/// Replaces a draft's content if it is still a draft at `expected_revision`;
/// false otherwise (nothing written).
bool updateDraft(SqlSession& sql, const std::string& file_id, std::int64_t version,
                 std::int64_t expected_revision, const std::string& content_json, const std::string& by,
                 const std::string& at);
/// Signs a draft at `expected_revision` (state "signed", revision + 1); false otherwise.
bool sign(SqlSession& sql, const std::string& file_id, std::int64_t version, std::int64_t expected_revision,
          const std::string& by, const std::string& at);

}  // namespace company_opinion_store
}  // namespace cqpm::store
