#include "documents/type_sniffer.h"

#include <magic.h>

#include <map>
#include <vector>

#include "common/error.h"

namespace cqpm::documents {

TypeSniffer::TypeSniffer() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
  if (!cookie_) throw Error(ErrorCode::kInternal, "libmagic could not start");
  if (magic_load(cookie_, nullptr) != 0) {
    const std::string message = magic_error(cookie_) ? magic_error(cookie_) : "no database";
    magic_close(cookie_);
    throw Error(ErrorCode::kInternal, "libmagic could not load its database: " + message);
  }
  // libmagic reads up to 7 MiB of a file into memory by default: the memory of
  // an upload would then grow with its size. The types allowed are told by
  // their first bytes (PDF, PNG, JPEG headers; the first entries of an ODF or
  // OOXML zip), so 1 MiB is plenty.
  const std::size_t bytes_max = std::size_t{1} << 20;
  magic_setparam(cookie_, MAGIC_PARAM_BYTES_MAX, &bytes_max);
}

TypeSniffer::~TypeSniffer() { magic_close(cookie_); }

std::string TypeSniffer::mimeTypeOf(const std::string& path) {
  std::lock_guard lock(mutex_);
  const char* type = magic_file(cookie_, path.c_str());
  if (!type)
    throw Error(ErrorCode::kInternal,
                std::string("libmagic: ") + (magic_error(cookie_) ? magic_error(cookie_) : "failed"));
  return type;
}

const std::vector<std::string>& extensionsOf(const std::string& mime_type) {
  // PDF, ODF and OOXML office documents, and pictures: what reports and evidence are.
  static const std::map<std::string, std::vector<std::string>> kAllowed{
      {"application/pdf", {"pdf"}},
      {"application/vnd.oasis.opendocument.text", {"odt"}},
      {"application/vnd.oasis.opendocument.spreadsheet", {"ods"}},
      {"application/vnd.oasis.opendocument.presentation", {"odp"}},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", {"docx"}},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {"xlsx"}},
      {"application/vnd.openxmlformats-officedocument.presentationml.presentation", {"pptx"}},
      {"image/png", {"png"}},
      {"image/jpeg", {"jpg", "jpeg"}},
  };
  static const std::vector<std::string> kNone;
  const auto found = kAllowed.find(mime_type);
  return found == kAllowed.end() ? kNone : found->second;
}

}  // namespace cqpm::documents
