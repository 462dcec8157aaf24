#include "http/document_presenters.h"

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr documentJson(const documents::Document& document) {
  Object::Ptr json = new Object;
  json->set("id", document.id);
  json->set("file_id", document.file_id);
  json->set("kind", document.kind);
  json->set("created_at", document.created_at);
  Array::Ptr versions = new Array;
  for (const auto& version : document.versions) {
    Object::Ptr item = new Object;
    item->set("number", version.number);
    item->set("sha256", version.sha256);
    item->set("size", version.size);
    item->set("mime_type", version.mime_type);
    item->set("filename", version.filename);
    Object::Ptr uploader = new Object;
    uploader->set("id", version.uploaded_by);
    uploader->set("display_name", version.uploader_name);
    item->set("uploaded_by", uploader);
    item->set("uploaded_at", version.uploaded_at);
    // Once the retention policy removed the bytes: when (the download then answers 410).
    item->set("purged_at", nullable(version.purged_at));
    versions->add(item);
  }
  json->set("versions", versions);
  return json;
}

Object::Ptr documentListJson(const std::vector<documents::Document>& documents) {
  Array::Ptr items = arrayOf(documents, documentJson);
  Object::Ptr body = new Object;
  body->set("items", items);
  return body;
}

}  // namespace cqpm::http
