#include "documents/document_service.h"

#include <Poco/Logger.h>
#include <Poco/UUIDGenerator.h>

#include <algorithm>

#include "access/file_in_scope.h"
#include "access/file_scope.h"
#include "access/policy.h"
#include "common/clock.h"
#include "documents/filename.h"
#include "documents/html_markup.h"
#include "documents/pdf_active_content.h"
#include "files/file_events.h"
#include "store/event_store.h"

namespace cqpm::documents {

using Poco::JSON::Object;

void DocumentService::requireUploadToFile(const domain::Actor& actor, const std::string& file_id) {
  const auto file = access::readFileInScope(db_, actor, file_id);
  if (!access::allows(actor.role, access::Permission::kUploadDocuments)) {
    throw Error(ErrorCode::kForbidden, "the centre, the company and the candidate add documents to a file");
  }
  if (std::find(final_states_.begin(), final_states_.end(), file.file.state) != final_states_.end()) {
    throw Error(ErrorCode::kInvalidState,
                "the file is closed (" + file.file.state + "): no document can be added");
  }
}

std::string DocumentService::requireUploadToDocument(const domain::Actor& actor,
                                                     const std::string& document_id) {
  auto document =
      db_.read([&](store::SqlSession& sql) { return store::document_store::find(sql, document_id); });
  if (!document) throw Error(ErrorCode::kNotFound, "no document " + document_id);
  try {
    requireUploadToFile(actor, document->file_id);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kNotFound) throw Error(ErrorCode::kNotFound, "no document " + document_id);
    throw;
  }
  if (document->kind == "report") requireKindOpen(document->file_id, document->kind);  // before any byte
  return document->file_id;
}

void DocumentService::requireKindOpen(const std::string& file_id, const std::string& kind) {
  if (kind != "report" || !report_gate_) return;
  db_.read([&](store::SqlSession& sql) { report_gate_(sql, file_id); });
}

std::string DocumentService::checkType(const ReceivedBlob& blob, const std::string& filename) {
  const std::string mime = sniffer_.mimeTypeOf(blob.temp_path);
  const auto& extensions = extensionsOf(mime);
  if (extensions.empty()) {
    throw Error(ErrorCode::kUnsupportedMediaType,
                "the file is " + mime +
                    "; accepted: PDF, OpenDocument or Office (OOXML) documents, PNG or JPEG images",
                "file");
  }
  const std::string extension = extensionOf(filename);
  if (std::find(extensions.begin(), extensions.end(), extension) == extensions.end()) {
    throw Error(ErrorCode::kUnsupportedMediaType,
                "the file is named ." + (extension.empty() ? std::string("(nothing)") : extension) +
                    " but its content is " + mime + ": rename it or send the right file",
                "file");
  }
  return mime;
}

void DocumentService::checkContent(const ReceivedBlob& blob, const std::string& mime) {
  if (const auto tag = findHtmlMarkup(blob.temp_path)) {
    Object::Ptr details = new Object;
    details->set("found", "html");
    details->set("tag", *tag);
    throw Error(ErrorCode::kActiveContent,
                "the file is " + mime + " but its first bytes hold HTML (" + *tag +
                    "): a browser could run it as a page; send the document without it",
                "file", details);
  }
  if (mime != "application/pdf") return;
  const PdfInspection pdf = inspectPdf(blob.temp_path);
  if (pdf.verdict == PdfInspection::Verdict::kActiveContent) {
    Object::Ptr details = new Object;
    details->set("found", pdf.found);
    details->set("where", pdf.where);
    throw Error(ErrorCode::kActiveContent,
                "the PDF carries " + pdf.found + " (in " + pdf.where +
                    "), which a PDF reader would run: export or print it again as a plain PDF",
                "file", details);
  }
  if (pdf.verdict == PdfInspection::Verdict::kUnreadable) {
    throw Error(ErrorCode::kUnprocessable,
                "the PDF cannot be checked for active content: " + pdf.found +
                    "; export or print it again as a plain PDF",
                "file");
  }
}

void DocumentService::scan(const ReceivedBlob& blob) {
  if (!scanner_) return;
  const auto signature = scanner_->scan(blob.temp_path);
  if (!signature) return;
  Poco::Logger::get("documents")
      .warning("antivirus: refused an upload carrying %s (sha256 %s, %z bytes)", *signature, blob.sha256,
               static_cast<std::size_t>(blob.size));
  Object::Ptr details = new Object;
  details->set("signature", *signature);
  throw Error(ErrorCode::kInfected, "the antivirus found " + *signature + " in the file: it was not kept",
              "file", details);
}

Document DocumentService::store(const domain::Actor& actor, const store::CandidateFileView& file,
                                const std::string& document_id, const std::string& kind, bool is_new,
                                const std::string& filename, const ReceivedBlob& blob) {
  const std::string mime = checkType(blob, filename);
  checkContent(blob, mime);
  scan(blob);         // network I/O: before the write transaction, never inside it
  blobs_.keep(blob);  // bytes first: a version row never points at missing bytes
  const std::string now = nowIso8601(clock_);
  return db_.write([&](store::SqlSession& sql) {
    // Checked again where the version is recorded: what counts is when the upload completes.
    if (kind == "report" && report_gate_) report_gate_(sql, file.file.id);
    std::int64_t number = 1;
    if (is_new) {
      store::document_store::insertDocument(sql, {document_id, file.file.id, kind, now, {}}, actor.user_id);
    } else {
      const auto existing = store::document_store::find(sql, document_id);
      number = existing->versions.empty() ? 1 : existing->versions.back().number + 1;
    }
    store::document_store::insertVersion(sql, document_id,
                                         {number,
                                          blob.sha256,
                                          static_cast<std::int64_t>(blob.size),
                                          mime,
                                          filename,
                                          actor.user_id,
                                          "",
                                          now,
                                          {}});
    Object::Ptr payload = new Object;
    payload->set("document_id", document_id);
    payload->set("kind", kind);
    payload->set("version", number);
    payload->set("filename", filename);
    payload->set("sha256", blob.sha256);
    payload->set("size", static_cast<Poco::UInt64>(blob.size));
    store::event_store::append(sql, files::sameStateEvent(file.file, actor, "add_document", payload, now));
    return *store::document_store::find(sql, document_id);
  });
}

Document DocumentService::addDocument(const domain::Actor& actor, const std::string& file_id,
                                      const std::string& kind, const std::string& filename,
                                      const ReceivedBlob& blob) {
  if (std::find(kDocumentKinds.begin(), kDocumentKinds.end(), kind) == kDocumentKinds.end()) {
    throw Error(ErrorCode::kInvalidField, "kind must be one of report, evidence, attestation, other", "kind");
  }
  requireUploadToFile(actor, file_id);
  const auto file = access::readFileInScope(db_, actor, file_id);
  return store(actor, file, Poco::UUIDGenerator::defaultGenerator().createRandom().toString(), kind, true,
               filename, blob);
}

Document DocumentService::addVersion(const domain::Actor& actor, const std::string& document_id,
                                     const std::string& filename, const ReceivedBlob& blob) {
  const std::string file_id = requireUploadToDocument(actor, document_id);
  const auto file = access::readFileInScope(db_, actor, file_id);
  const auto document =
      db_.read([&](store::SqlSession& sql) { return store::document_store::find(sql, document_id); });
  return store(actor, file, document_id, document->kind, false, filename, blob);
}

std::vector<Document> DocumentService::list(const domain::Actor& actor, const std::string& file_id) {
  access::readFileInScope(db_, actor, file_id);
  return db_.read([&](store::SqlSession& sql) { return store::document_store::listForFile(sql, file_id); });
}

DocumentContent DocumentService::content(const domain::Actor& actor, const std::string& document_id,
                                         std::int64_t number) {
  auto document =
      db_.read([&](store::SqlSession& sql) { return store::document_store::find(sql, document_id); });
  if (!document) throw Error(ErrorCode::kNotFound, "no document " + document_id);
  try {
    access::readFileInScope(db_, actor, document->file_id);
  } catch (const Error&) {
    throw Error(ErrorCode::kNotFound, "no document " + document_id);
  }
  for (const auto& version : document->versions) {
    if (version.number == number) {
      if (version.purged_at) {
        throw Error(ErrorCode::kGone, "version " + std::to_string(number) + " of document " + document_id +
                                          " was removed by the retention policy on " + *version.purged_at +
                                          "; its SHA-256 is kept (" + version.sha256 + ")");
      }
      blobs_.verify(version.sha256, static_cast<std::uint64_t>(version.size));
      return {blobs_.pathOf(version.sha256), version.mime_type, version.filename, version.size};
    }
  }
  throw Error(ErrorCode::kNotFound, "document " + document_id + " has no version " + std::to_string(number));
}

}  // namespace cqpm::documents
