#include "http/handlers/import_handlers.h"

#include "common/text_fields.h"
#include "http/import_presenters.h"
#include "imports/candidate_template.h"

namespace cqpm::http::handlers {

Response candidateImportTemplate(ApiContext&, Request& request) {
  request.requireActor();
  Response response = Response::text(200, imports::candidateTemplateCsv(),
                                     std::string(imports::kCandidateTemplateContentType));
  response.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"" + std::string(imports::kCandidateTemplateFilename) + "\"");
  return response;
}

Response previewCandidateImport(ApiContext& context, Request& request) {
  std::optional<std::string> filename;
  if (const std::string name = request.queryValue("filename"); !name.empty()) {
    requireText(name, "filename", 255);
    filename = name;
  }
  if (request.body.empty())
    throw Error(ErrorCode::kInvalidField, "the body must be the CSV file; it is empty", "file");
  const auto preview = context.imports.preview(request.requireActor(), request.body, filename);
  return Response::json(201, candidateImportJson(preview));
}

Response getCandidateImport(ApiContext& context, Request& request) {
  return Response::json(
      200, candidateImportJson(context.imports.get(request.requireActor(), request.params.at("id"))));
}

Response confirmCandidateImport(ApiContext& context, Request& request) {
  return Response::json(
      200, candidateImportJson(context.imports.confirm(request.requireActor(), request.params.at("id"))));
}

}  // namespace cqpm::http::handlers
