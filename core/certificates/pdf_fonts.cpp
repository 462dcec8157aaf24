#include "certificates/pdf_fonts.h"

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <string>

#include "common/error.h"

namespace cqpm::certificates {
namespace {

// The configuration is written rather than loaded from the system's fonts.conf: only our folder,
// and the system's cache folder (filled by fc-cache when the fonts package was installed) so that
// nothing is scanned or written at run time.
FontConfiguration documentFontConfiguration() {
  FontConfiguration config(FcConfigCreate());
  if (!config) throw Error(ErrorCode::kInternal, "fontconfig could not create a configuration");
  const std::string xml = std::string("<fontconfig><dir>") + kFontDirectory +
                          "</dir><cachedir>/var/cache/fontconfig</cachedir></fontconfig>";
  if (FcConfigParseAndLoadFromMemory(config.get(), reinterpret_cast<const FcChar8*>(xml.c_str()), FcTrue) !=
          FcTrue ||
      FcConfigBuildFonts(config.get()) != FcTrue) {
    throw Error(ErrorCode::kInternal,
                "fontconfig could not read the fonts of " + std::string(kFontDirectory));
  }
  FcFontSet* fonts = FcConfigGetFonts(config.get(), FcSetSystem);
  if (fonts == nullptr || fonts->nfont == 0) {
    throw Error(ErrorCode::kInternal, std::string("no font found in ") + kFontDirectory +
                                          " (install Debian's fonts-dejavu-core and fonts-dejavu-extra)");
  }
  return config;
}

const char* familyOf(Face face) {
  switch (face) {
    case Face::kMono:
      return "DejaVu Sans Mono";
    case Face::kSerif:
    case Face::kSerifBold:
      return "DejaVu Serif";
    case Face::kRegular:
    case Face::kBold:
    case Face::kItalic:
      break;
  }
  return "DejaVu Sans";
}

}  // namespace

PangoFontMapHandle documentFontMap() {
  PangoFontMapHandle map(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
  if (!map) throw Error(ErrorCode::kInternal, "Pango could not create a font map");
  const FontConfiguration config = documentFontConfiguration();
  // The font map takes its own reference to the configuration.
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map.get()), config.get());
  // One Pango unit of size is then one PDF point.
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map.get()), 72.0);
  return map;
}

FontDescription fontOf(Face face, float size) {
  FontDescription description(pango_font_description_new());
  pango_font_description_set_family(description.get(), familyOf(face));
  const bool bold = face == Face::kBold || face == Face::kSerifBold || face == Face::kMono;
  pango_font_description_set_weight(description.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(description.get(),
                                   face == Face::kItalic ? PANGO_STYLE_OBLIQUE : PANGO_STYLE_NORMAL);
  pango_font_description_set_size(description.get(), static_cast<int>(size * PANGO_SCALE));
  return description;
}

}  // namespace cqpm::certificates
