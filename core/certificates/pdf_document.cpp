#include "certificates/pdf_document.h"

#include "certificates/cp1252_text.h"
#include "common/error.h"

namespace cqpm::certificates {
namespace {

void recordHpdfError(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
  auto* failure = static_cast<HpdfFailure*>(user_data);
  if (failure->error == HPDF_OK) {
    failure->error = error_no;
    failure->detail = detail_no;
  }
}

std::string hex(HPDF_STATUS status) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string text = "0x";
  for (int shift = 12; shift >= 0; shift -= 4) text += kDigits[(status >> shift) & 0xF];
  return text;
}

}  // namespace

PdfDocument::PdfDocument(std::string_view title_utf8)
    : failure_(std::make_unique<HpdfFailure>()), doc_(HPDF_New(&recordHpdfError, failure_.get())) {
  if (!doc_) throw Error(ErrorCode::kInternal, "libharu could not create a PDF document");
  HPDF_SetCompressionMode(doc_.get(), HPDF_COMP_ALL);
  fonts_.regular = HPDF_GetFont(doc_.get(), "Helvetica", "WinAnsiEncoding");
  fonts_.bold = HPDF_GetFont(doc_.get(), "Helvetica-Bold", "WinAnsiEncoding");
  fonts_.italic = HPDF_GetFont(doc_.get(), "Helvetica-Oblique", "WinAnsiEncoding");
  fonts_.mono = HPDF_GetFont(doc_.get(), "Courier-Bold", "WinAnsiEncoding");
  HPDF_SetInfoAttr(doc_.get(), HPDF_INFO_TITLE, toCp1252(title_utf8).c_str());
  HPDF_SetInfoAttr(doc_.get(), HPDF_INFO_CREATOR, "CQPM Hub");
  check("loading the fonts");
}

HPDF_Page PdfDocument::addPage() {
  HPDF_Page page = HPDF_AddPage(doc_.get());
  HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  check("adding a page");
  pages_.push_back(page);
  return page;
}

void PdfDocument::check(std::string_view step) const {
  if (failure_->error == HPDF_OK) return;
  throw Error(ErrorCode::kInternal, "libharu failed while " + std::string(step) + " (error " +
                                        hex(failure_->error) + ", detail " +
                                        std::to_string(failure_->detail) + ")");
}

std::string PdfDocument::bytes() {
  check("writing the pages");
  HPDF_SaveToStream(doc_.get());
  check("saving the document");
  const HPDF_UINT32 size = HPDF_GetStreamSize(doc_.get());
  std::string out(size, '\0');
  HPDF_UINT32 read = size;
  const HPDF_STATUS status = HPDF_ReadFromStream(doc_.get(), reinterpret_cast<HPDF_BYTE*>(out.data()), &read);
  // HPDF_STREAM_EOF is how a complete read ends, not a failure.
  if ((status != HPDF_OK && status != HPDF_STREAM_EOF) || read != size) {
    throw Error(ErrorCode::kInternal, "libharu could not read back the saved PDF");
  }
  return out;
}

float textWidth(HPDF_Font font, float size, std::string_view text) {
  const HPDF_TextWidth measured =
      HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.data()), text.size());
  return static_cast<float>(measured.width) * size / 1000.0f;
}

}  // namespace cqpm::certificates
