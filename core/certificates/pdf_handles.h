#pragma once

// Owning handles for the C objects of the PDF writer (cairo, Pango, GLib, fontconfig): each
// released by the library's own function when its owner goes.

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>

namespace cqpm::certificates {

struct CairoContextRelease {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};
struct CairoSurfaceRelease {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct GObjectRelease {
  void operator()(gpointer object) const { g_object_unref(object); }
};
struct FontDescriptionRelease {
  void operator()(PangoFontDescription* description) const { pango_font_description_free(description); }
};
struct FcConfigRelease {
  void operator()(FcConfig* config) const { FcConfigDestroy(config); }
};

using CairoContext = std::unique_ptr<cairo_t, CairoContextRelease>;
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceRelease>;
using PangoLayoutHandle = std::unique_ptr<PangoLayout, GObjectRelease>;
using PangoContextHandle = std::unique_ptr<PangoContext, GObjectRelease>;
using PangoFontMapHandle = std::unique_ptr<PangoFontMap, GObjectRelease>;
using FontDescription = std::unique_ptr<PangoFontDescription, FontDescriptionRelease>;
using FontConfiguration = std::unique_ptr<FcConfig, FcConfigRelease>;

}  // namespace cqpm::certificates
