#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// A comment on a candidate file, general or about one competency.
struct CommentRecord {
  std::string id;
  std::string file_id;
  std::int64_t seq = 0;                   ///< order within the file, from 1; set by insert
  std::optional<std::string> competency;  ///< the competency number as text, or none (general)
  std::string body;
  std::string author_id;
  std::string author_name;  ///< filled when read
  std::string author_role;  ///< filled when read
  std::string created_at;
};

/// Comments: appended, never edited nor deleted.
namespace comment_store {

/// Appends `comment` after the file's last one; returns its seq. Call inside a
/// write transaction (the single writer keeps seq unique; the UNIQUE key guards it).
std::int64_t insert(SqlSession& sql, const CommentRecord& comment);
/// The file's comments, oldest first; only those on `competency` when it is set.
std::vector<CommentRecord> listForFile(SqlSession& sql, const std::string& file_id,
                                       const std::optional<std::string>& competency);
/// One comment of the file, or nullopt.
std::optional<CommentRecord> find(SqlSession& sql, const std::string& comment_id);

}  // namespace comment_store
}  // namespace cqpm::store
