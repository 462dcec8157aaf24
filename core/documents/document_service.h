#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.h"
#include "documents/blob_store.h"
#include "documents/document_records.h"
#include "documents/type_sniffer.h"
#include "documents/upload_scanner.h"
#include "domain/actor.h"
#include "store/candidate_file_store.h"
#include "store/database.h"
#include "store/document_store.h"

namespace cqpm::documents {

/// The kinds of document a file holds.
inline const std::vector<std::string> kDocumentKinds{"report", "evidence", "attestation", "other"};

/// Where a stored version's bytes are, to stream them back.
struct DocumentContent {
  std::string path;
  std::string mime_type;
  std::string filename;
  std::int64_t size = 0;
};

/// Documents of candidate files: who may add and read them follows the file's
/// tenancy (out of scope is 404) and state (none is added to a closed file).
/// Each upload adds a version; bytes are stored once by content hash.
/// Thread-safe.
class DocumentService {
 public:
  DocumentService(store::Database& db, Clock clock, BlobStore& blobs, TypeSniffer& sniffer,
                  std::vector<std::string> final_states)
      : db_(db),
        clock_(std::move(clock)),
        blobs_(blobs),
        sniffer_(sniffer),
        final_states_(std::move(final_states)) {}

  /// Checks, before any byte is read, that `actor` may add a document to the
  /// file. Error{kNotFound, kForbidden, kInvalidState}.
  void requireUploadToFile(const domain::Actor& actor, const std::string& file_id);
  /// The same for a new version of `document_id`; returns its file id.
  std::string requireUploadToDocument(const domain::Actor& actor, const std::string& document_id);

  /// Adds a document at version 1 from received bytes. The type is sniffed
  /// from the bytes: outside the allow-list, or not matching the file name's
  /// extension, it is Error{kUnsupportedMediaType} and nothing is kept. Then,
  /// in this order and before anything is stored (out of any transaction):
  /// HTML markup in the first bytes (a polyglot) or a PDF carrying JavaScript,
  /// launch actions or XFA is Error{kActiveContent} (details.found); a PDF
  /// that cannot be checked (damaged beyond repair, password-protected) is
  /// Error{kUnprocessable}; with a scanner, malware is Error{kInfected}
  /// (details.signature) and a scanner that gives no verdict Error{kUnavailable}.
  /// Returns the document as stored, with its one version.
  Document addDocument(const domain::Actor& actor, const std::string& file_id, const std::string& kind,
                       const std::string& filename, const ReceivedBlob& blob);
  /// Adds the next version of a document, under the same checks; returns the
  /// document with all its versions.
  Document addVersion(const domain::Actor& actor, const std::string& document_id, const std::string& filename,
                      const ReceivedBlob& blob);

  /// The file's documents with their versions, in the store's order.
  /// Error{kNotFound} outside the actor's scope.
  std::vector<Document> list(const domain::Actor& actor, const std::string& file_id);
  /// A version's bytes, for the file's readers. Error{kNotFound}.
  DocumentContent content(const domain::Actor& actor, const std::string& document_id, std::int64_t number);

  BlobStore& blobs() { return blobs_; }

  /// Set once by the composition root, before the server serves, when an
  /// antivirus is configured; without one uploads are not scanned for malware.
  void setScanner(std::unique_ptr<UploadScanner> scanner) { scanner_ = std::move(scanner); }
  /// The malware scanner uploads go through, or null when none is configured.
  UploadScanner* scanner() const { return scanner_.get(); }

  /// Refuses a report for a file whose report deadline has passed, throwing
  /// Error{kDeadlinePassed}; runs on the session of the check or the upload.
  using ReportGate = std::function<void(store::SqlSession& sql, const std::string& file_id)>;
  /// Set once by the composition root, before the server serves.
  void setReportGate(ReportGate gate) { report_gate_ = std::move(gate); }
  /// Checks, as soon as an upload form names its kind, that a document of
  /// that kind may still be added to the file (a late report: Error{kDeadlinePassed}).
  void requireKindOpen(const std::string& file_id, const std::string& kind);

 private:
  std::string checkType(const ReceivedBlob& blob, const std::string& filename);
  void checkContent(const ReceivedBlob& blob, const std::string& mime);
  void scan(const ReceivedBlob& blob);
  Document store(const domain::Actor& actor, const store::CandidateFileView& file,
                 const std::string& document_id, const std::string& kind, bool is_new,
                 const std::string& filename, const ReceivedBlob& blob);

  store::Database& db_;
  Clock clock_;
  BlobStore& blobs_;
  TypeSniffer& sniffer_;
  std::vector<std::string> final_states_;
  ReportGate report_gate_;
  std::unique_ptr<UploadScanner> scanner_;
};

}  // namespace cqpm::documents
