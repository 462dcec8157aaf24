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

/// The SHA-256 of every stored document version (housekeeping keeps these blobs).
std::set<std::string> referencedBlobs(SqlSession& sql);

void insertDocument(SqlSession& sql, const DocumentRecord& document, const std::string& created_by);
void insertVersion(SqlSession& sql, const std::string& document_id, const DocumentVersion& version);
std::optional<DocumentRecord> find(SqlSession& sql, const std::string& document_id);
std::vector<DocumentRecord> listForFile(SqlSession& sql, const std::string& file_id);

}  // namespace document_store
}  // namespace cqpm::store
