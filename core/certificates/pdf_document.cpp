#include "certificates/pdf_document.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <utility>

#include "certificates/pdf_fonts.h"
#include "common/error.h"

namespace cqpm::certificates {
namespace {

// A4 in points.
constexpr double kA4Width = 595.276;
constexpr double kA4Height = 841.89;

cairo_status_t appendTo(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void throwIfFailed(cairo_status_t status, std::string_view step) {
  if (status == CAIRO_STATUS_SUCCESS) return;
  throw Error(ErrorCode::kInternal,
              "cairo failed while " + std::string(step) + ": " + cairo_status_to_string(status));
}

}  // namespace

PdfDocument::PdfDocument(DocumentMetadata metadata)
    : metadata_(std::move(metadata)),
      font_map_(documentFontMap()),
      pango_(pango_font_map_create_context(font_map_.get())) {
  if (!pango_) throw Error(ErrorCode::kInternal, "Pango could not create a context");
  pango_context_set_language(pango_.get(), pango_language_from_string(metadata_.language.c_str()));
  // Glyph positions in whole points would make justified text uneven; keep them exact.
  pango_context_set_round_glyph_positions(pango_.get(), FALSE);
}

PdfDocument::~PdfDocument() = default;

PdfPage PdfDocument::addPage() {
  const cairo_rectangle_t extents{0.0, 0.0, kA4Width, kA4Height};
  CairoSurface surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
  CairoContext context(cairo_create(surface.get()));
  throwIfFailed(cairo_status(context.get()), "adding a page");
  pages_.push_back(RecordedPage{std::move(surface), std::move(context)});
  return pages().back();
}

std::vector<PdfPage> PdfDocument::pages() const {
  std::vector<PdfPage> pages;
  pages.reserve(pages_.size());
  for (const RecordedPage& page : pages_) {
    pages.push_back(PdfPage{page.context.get(), static_cast<float>(kA4Width), static_cast<float>(kA4Height)});
  }
  return pages;
}

void PdfDocument::check(std::string_view step) const {
  for (const RecordedPage& page : pages_) throwIfFailed(cairo_status(page.context.get()), step);
}

std::string PdfDocument::bytes() {
  check("drawing the pages");
  std::string pdf;
  {
    CairoSurface surface(cairo_pdf_surface_create_for_stream(&appendTo, &pdf, kA4Width, kA4Height));
    throwIfFailed(cairo_surface_status(surface.get()), "creating the PDF");
    CairoContext context(cairo_create(surface.get()));
    for (RecordedPage& page : pages_) {
      page.context.reset();  // ends the recording
      cairo_set_source_surface(context.get(), page.surface.get(), 0.0, 0.0);
      cairo_paint(context.get());
      cairo_show_page(context.get());
    }
    throwIfFailed(cairo_status(context.get()), "writing the pages");
    context.reset();
    cairo_surface_finish(surface.get());
    throwIfFailed(cairo_surface_status(surface.get()), "finishing the PDF");
  }
  pages_.clear();
  return makeArchival(pdf, metadata_);
}

}  // namespace cqpm::certificates
