#include "http/import_presenters.h"

#include <Poco/JSON/Array.h>

#include <set>

#include "common/json_text.h"

namespace cqpm::http {

using Poco::JSON::Object;

namespace {}  // namespace

Object::Ptr candidateImportJson(const imports::CandidateImport& import) {
  Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
  for (const auto& error : import.errors) {
    Object::Ptr json = new Object;
    json->set("line", static_cast<Poco::Int64>(error.line));
    json->set("column", error.column);
    json->set("message", error.message);
    errors->add(json);
  }
  Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
  for (const auto& imported : import.rows) {
    const auto& row = imported.row;
    Object::Ptr json = new Object;
    json->set("line", static_cast<Poco::Int64>(row.line));
    json->set("family_name", row.candidate.family_name);
    json->set("given_name", row.candidate.given_name);
    json->set("birth_date", row.candidate.birth_date);
    json->set("email", row.candidate.email);
    json->set("cqpm", row.cqpm);
    json->set("cqpm_title", imported.cqpm_title);
    json->set("pathway", std::string(domain::pathwayName(row.pathway)));
    if (row.company_id) {
      Object::Ptr company = new Object;
      company->set("id", *row.company_id);
      company->set("name", imported.company_name.value_or(""));
      json->set("company", company);
    } else {
      json->set("company", Poco::Dynamic::Var());
    }
    json->set("file_id", nullable(imported.file_id));
    rows->add(json);
  }
  std::set<std::size_t> lines_in_error;
  for (const auto& error : import.errors) lines_in_error.insert(error.line);
  Object::Ptr json = new Object;
  json->set("id", import.id);
  json->set("state", import.state);
  json->set("filename", nullable(import.filename));
  json->set("created_at", import.created_at);
  json->set("confirmed_at", nullable(import.confirmed_at));
  json->set("line_count", import.line_count);
  json->set("valid_count", static_cast<Poco::Int64>(import.rows.size()));
  json->set("error_count", static_cast<Poco::Int64>(lines_in_error.size()));
  json->set("can_confirm", import.canConfirm());
  json->set("errors", errors);
  json->set("rows", rows);
  return json;
}

}  // namespace cqpm::http
