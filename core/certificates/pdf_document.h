#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "certificates/pdf_archival.h"
#include "certificates/pdf_handles.h"

namespace cqpm::certificates {

/// One A4 portrait page being drawn. Coordinates given to the writer's functions are PDF points
/// from the lower-left corner (as in the PDF file); cairo's own run from the top, `cairoY` turns
/// one into the other.
struct PdfPage {
  cairo_t* context = nullptr;  // borrowed from the document
  float width = 0.0f;
  float height = 0.0f;
  double cairoY(float pdf_y) const { return static_cast<double>(height - pdf_y); }
};

/// One PDF being written with cairo and Pango: pages are recorded as they are drawn and written
/// out by `bytes`, so that something known only at the end (the page count of "page 2 / 5") can
/// still be drawn on every page. Fonts are embedded as subsets (cairo), text is shaped by
/// HarfBuzz through Pango (any script, right-to-left included), and the file is made an archival
/// PDF with its metadata (pdf_archival.h). Not thread-safe; one per rendering.
class PdfDocument {
 public:
  /// Throws Error{kInternal} if the fonts cannot be loaded.
  explicit PdfDocument(DocumentMetadata metadata);
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;
  ~PdfDocument();

  /// Appends an A4 portrait page; it stays drawable until `bytes`.
  PdfPage addPage();
  /// Every page added so far, in order.
  std::vector<PdfPage> pages() const;

  /// The Pango context that lays out text for these pages (points as units).
  PangoContext* pango() const { return pango_.get(); }

  /// Throws Error{kInternal} naming `step` if cairo recorded an error on a page.
  void check(std::string_view step) const;

  /// The finished PDF file as bytes. Throws Error{kInternal} if cairo or qpdf fails.
  std::string bytes();

 private:
  struct RecordedPage {
    CairoSurface surface;
    CairoContext context;
  };
  DocumentMetadata metadata_;
  PangoFontMapHandle font_map_;
  PangoContextHandle pango_;
  std::vector<RecordedPage> pages_;
};

}  // namespace cqpm::certificates
