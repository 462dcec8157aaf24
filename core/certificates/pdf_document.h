#pragma once

#include <hpdf.h>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cqpm::certificates {

/// What libharu reported through its error callback: the first failure wins, later ones are
/// usually consequences of it.
struct HpdfFailure {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = 0;
};

/// Built-in faces loaded with WinAnsiEncoding (text passed to them is Windows-1252, see
/// cp1252_text.h): Helvetica in three faces, and Courier bold for codes a person types again.
/// Borrowed from the document, valid while it lives.
struct PdfFonts {
  HPDF_Font regular = nullptr;
  HPDF_Font bold = nullptr;
  HPDF_Font italic = nullptr;
  HPDF_Font mono = nullptr;
};

/// One PDF being written: owns the HPDF_Doc (freed on destruction), A4 portrait pages, compressed
/// streams. libharu reports errors through a callback instead of return codes everywhere; this
/// class records them and `check` turns them into Error{kInternal}, so callers check after each
/// step rather than after each call (libharu ignores calls on a document already in error, it does
/// not crash). Not thread-safe; one per rendering.
class PdfDocument {
 public:
  /// Throws Error{kInternal} if libharu cannot allocate the document or load the fonts.
  explicit PdfDocument(std::string_view title_utf8);
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  const PdfFonts& fonts() const { return fonts_; }

  /// Appends an A4 portrait page; the page is borrowed from the document.
  HPDF_Page addPage();
  /// Every page added so far, in order.
  const std::vector<HPDF_Page>& pages() const { return pages_; }

  /// Throws Error{kInternal} naming `step` if libharu recorded an error.
  void check(std::string_view step) const;

  /// The finished PDF file as bytes. Throws Error{kInternal} if libharu failed at any point.
  std::string bytes();

 private:
  struct FreeDoc {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
  };
  // The callback keeps a pointer to the failure record: heap-allocated so its address is stable.
  std::unique_ptr<HpdfFailure> failure_;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, FreeDoc> doc_;
  PdfFonts fonts_;
  std::vector<HPDF_Page> pages_;
};

/// Width in points of Windows-1252 `text` set in `font` at `size`.
float textWidth(HPDF_Font font, float size, std::string_view text);

}  // namespace cqpm::certificates
