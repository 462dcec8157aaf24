#include "imports/candidate_import.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "common/error.h"
#include "common/json_text.h"

namespace cqpm::imports {

namespace {

using Poco::JSON::Object;

std::optional<std::string> optionalOf(const Object::Ptr& object, const std::string& name) {
  if (!object->has(name) || object->isNull(name)) return std::nullopt;
  return object->getValue<std::string>(name);
}

void setOptional(Object::Ptr object, const std::string& name, const std::optional<std::string>& value) {
  if (value) object->set(name, *value);
}

}  // namespace

std::string importContentJson(const std::vector<ImportedRow>& rows, const std::vector<ImportError>& errors) {
  Poco::JSON::Array::Ptr row_array = new Poco::JSON::Array;
  for (const auto& imported : rows) {
    const CandidateRow& row = imported.row;
    Object::Ptr json = new Object;
    json->set("line", static_cast<Poco::Int64>(row.line));
    json->set("given_name", row.candidate.given_name);
    json->set("family_name", row.candidate.family_name);
    json->set("email", row.candidate.email);
    json->set("birth_date", row.candidate.birth_date);
    json->set("cqpm", row.cqpm);
    json->set("cqpm_title", imported.cqpm_title);
    json->set("pathway", std::string(domain::pathwayName(row.pathway)));
    setOptional(json, "company_id", row.company_id);
    setOptional(json, "company_name", imported.company_name);
    setOptional(json, "siret", row.siret);
    setOptional(json, "file_id", imported.file_id);
    row_array->add(json);
  }
  Poco::JSON::Array::Ptr error_array = new Poco::JSON::Array;
  for (const auto& error : errors) {
    Object::Ptr json = new Object;
    json->set("line", static_cast<Poco::Int64>(error.line));
    json->set("column", error.column);
    json->set("message", error.message);
    error_array->add(json);
  }
  Object::Ptr content = new Object;
  content->set("rows", row_array);
  content->set("errors", error_array);
  return toJsonText(content);
}

void readImportContent(const std::string& json, std::vector<ImportedRow>& rows,
                       std::vector<ImportError>& errors) {
  try {
    const auto content = Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
    const auto row_array = content->getArray("rows");
    for (std::size_t i = 0; i < row_array->size(); ++i) {
      const auto json_row = row_array->getObject(static_cast<unsigned>(i));
      ImportedRow imported;
      CandidateRow& row = imported.row;
      row.line = json_row->getValue<std::size_t>("line");
      row.candidate.given_name = json_row->getValue<std::string>("given_name");
      row.candidate.family_name = json_row->getValue<std::string>("family_name");
      row.candidate.email = json_row->getValue<std::string>("email");
      row.candidate.birth_date = json_row->getValue<std::string>("birth_date");
      row.cqpm = json_row->getValue<std::string>("cqpm");
      row.pathway =
          domain::parsePathway(json_row->getValue<std::string>("pathway")).value_or(domain::Pathway::kOther);
      row.company_id = optionalOf(json_row, "company_id");
      row.siret = optionalOf(json_row, "siret");
      imported.cqpm_title = json_row->getValue<std::string>("cqpm_title");
      imported.company_name = optionalOf(json_row, "company_name");
      imported.file_id = optionalOf(json_row, "file_id");
      rows.push_back(std::move(imported));
    }
    const auto error_array = content->getArray("errors");
    for (std::size_t i = 0; i < error_array->size(); ++i) {
      const auto json_error = error_array->getObject(static_cast<unsigned>(i));
      errors.push_back({json_error->getValue<std::size_t>("line"),
                        json_error->getValue<std::string>("column"),
                        json_error->getValue<std::string>("message")});
    }
  } catch (const Poco::Exception& e) {
    throw Error(ErrorCode::kInternal, "a stored candidate import cannot be read: " + e.displayText());
  }
}

}  // namespace cqpm::imports
