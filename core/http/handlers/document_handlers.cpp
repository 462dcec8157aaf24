#include "http/handlers/document_handlers.h"

#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <functional>
#include <optional>

#include "documents/filename.h"
#include "http/document_presenters.h"
#include "http/multipart_form.h"

namespace cqpm::http::handlers {

namespace {

// Multipart framing around the file: generous, the file's own limit is exact.
constexpr std::uint64_t kMultipartOverhead = 64 * 1024;

struct UploadForm {
  std::string kind;
  std::string filename;
  std::optional<documents::ReceivedBlob> blob;
};

// Reads the multipart body part by part: the file goes straight to disk
// (hashed on the way), the small fields to memory. `on_kind` sees the kind
// when it comes before the file, so a refusal needs none of the file's bytes.
UploadForm readUploadForm(ApiContext& context, Request& request,
                          const std::function<void(const std::string&)>& on_kind = {}) {
  Poco::Net::HTTPServerRequest& raw = *request.raw;
  const std::uint64_t limit = context.settings.max_upload_bytes;
  if (raw.hasContentLength() &&
      static_cast<std::uint64_t>(raw.getContentLength64()) > limit + kMultipartOverhead) {
    Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
    details->set("max_bytes", static_cast<Poco::UInt64>(limit));
    throw Error(ErrorCode::kPayloadTooLarge, "the file is larger than " + std::to_string(limit) + " bytes",
                "file", details);
  }
  const std::string boundary = multipartBoundary(raw.getContentType());
  UploadForm form;
  try {
    readMultipartForm(raw.stream(), boundary,
                      [&](const std::string& name, const std::string& filename, std::istream& part) {
                        if (name == "file" && !form.blob) {
                          form.filename = documents::sanitiseFilename(filename);
                          form.blob = context.documents.blobs().receive(part, limit);
                        } else if (name == "kind") {
                          Poco::StreamCopier::copyToString(part, form.kind, 256);
                          form.kind = Poco::trim(form.kind.substr(0, 64));
                          if (on_kind && !form.blob) on_kind(form.kind);
                        }
                      });
  } catch (...) {
    if (form.blob) context.documents.blobs().discard(*form.blob);
    throw;
  }
  if (!form.blob) throw Error(ErrorCode::kInvalidField, "the 'file' field is missing", "file");
  return form;
}

// Runs `store` on the received bytes; they are removed unless stored.
template <typename Store>
Response storeUpload(ApiContext& context, UploadForm& form, Store&& store) {
  try {
    return Response::json(201, documentJson(store()));
  } catch (...) {
    context.documents.blobs().discard(*form.blob);  // no-op once kept (renamed away)
    throw;
  }
}

}  // namespace

Response uploadDocument(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const std::string file_id = request.params.at("id");
  context.documents.requireUploadToFile(actor, file_id);  // before reading a single byte
  UploadForm form = readUploadForm(context, request, [&](const std::string& kind) {
    context.documents.requireKindOpen(file_id, kind);  // a late report: refused before its bytes
  });
  return storeUpload(context, form, [&] {
    return context.documents.addDocument(actor, file_id, form.kind, form.filename, *form.blob);
  });
}

Response uploadDocumentVersion(ApiContext& context, Request& request) {
  const domain::Actor& actor = request.requireActor();
  const std::string document_id = request.params.at("doc");
  context.documents.requireUploadToDocument(actor, document_id);
  UploadForm form = readUploadForm(context, request);
  return storeUpload(context, form, [&] {
    return context.documents.addVersion(actor, document_id, form.filename, *form.blob);
  });
}

Response listDocuments(ApiContext& context, Request& request) {
  return Response::json(
      200, documentListJson(context.documents.list(request.requireActor(), request.params.at("id"))));
}

Response documentContent(ApiContext& context, Request& request) {
  Poco::Int64 number = 0;
  if (!Poco::NumberParser::tryParse64(request.params.at("n"), number)) {
    throw Error(ErrorCode::kInvalidField, "the version must be a number", "n");
  }
  const auto content = context.documents.content(request.requireActor(), request.params.at("doc"), number);
  Response response = Response::file(content.path, content.mime_type);
  response.headers.emplace_back("Content-Disposition", documents::contentDisposition(content.filename));
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

}  // namespace cqpm::http::handlers
