#pragma once

#include <string>

namespace cqpm::certificates {

/// What a generated document says of itself, for archives: written both in the PDF's Info
/// dictionary and as XMP metadata.
struct DocumentMetadata {
  std::string title;
  std::string subject;
  std::string author;   // the certification centre, or the platform
  std::string created;  // ISO 8601: "2026-12-02", "2026-12-02T09:15:00Z" or with an offset
  std::string language = "fr-FR";
};

/// `pdf` (as cairo wrote it) made an archival document with qpdf: the Info dictionary and XMP
/// metadata from `metadata`, PDF/A-2b identification, an sRGB output intent (profile made by
/// LittleCMS), the language, and a file identifier derived from the content (the same document
/// gives the same bytes). Throws Error{kInternal} if qpdf cannot read `pdf`, and
/// Error{kInvalidField, field "created"} if the date is not ISO 8601.
std::string makeArchival(const std::string& pdf, const DocumentMetadata& metadata);

/// The PDF date ("D:20261202091500Z", "D:20261202101500+01'00'", "D:20261202") of an ISO 8601
/// date or date-time. Throws Error{kInvalidField, field "created"} if it is not one.
std::string pdfDate(const std::string& iso8601);

}  // namespace cqpm::certificates
