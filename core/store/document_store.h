#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/database.h"

namespace cqpm::store {

/// One stored version of a document.
struct DocumentVersion {
  std::int64_t number = 0;
  std::string sha256;
  std::int64_t size = 0;
  std::string mime_type;
  std::string filename;
  std::string uploaded_by;    ///< user id
  std::string uploader_name;  ///< filled when read
  std::string uploaded_at;
  /// When the retention policy removed its bytes (the row stays: what was there, and its hash).
  std::optional<std::string> purged_at;
};

/// A document of a candidate file and its versions, oldest first.
struct DocumentRecord {
  std::string id;
  std::string file_id;
  std::string kind;
  std::string created_at;
  std::vector<DocumentVersion> versions;
};

/// Documents and their versions (metadata; the bytes are in the BlobStore).
namespace document_store {

/// The SHA-256 of every document version whose bytes are kept (housekeeping keeps these blobs;
/// a version the retention policy purged no longer holds its blob).
std::set<std::string> referencedBlobs(SqlSession& sql);

void insertDocument(SqlSession& sql, const DocumentRecord& document, const std::string& created_by);
void insertVersion(SqlSession& sql, const std::string& document_id, const DocumentVersion& version);
std::optional<DocumentRecord> find(SqlSession& sql, const std::string& document_id);
std::vector<DocumentRecord> listForFile(SqlSession& sql, const std::string& file_id);
/// Marks every version of the file's documents not yet purged as purged at `at` (its blob then goes
/// with the next housekeeping); returns how many.
std::int64_t purgeVersionsOfFile(SqlSession& sql, const std::string& file_id, const std::string& at);

}  // namespace document_store
}  // namespace cqpm::store
