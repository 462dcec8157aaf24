#pragma once

#include <pango/pango.h>

#include "certificates/pdf_handles.h"

namespace cqpm::certificates {

/// The faces the documents are set in. Sans for the text, serif for a certificate's titles, mono
/// for codes a person types again. All DejaVu (Debian's fonts-dejavu-core and -extra): one family
/// that holds Latin with all its extensions, Greek, Cyrillic, Hebrew and Arabic, so every name is
/// printed in the same type whatever its script (see docs/unicode.md for the choice).
enum class Face { kRegular, kBold, kItalic, kMono, kSerif, kSerifBold };

/// Where the documents' fonts are installed (Debian's fonts-dejavu packages).
inline constexpr const char* kFontDirectory = "/usr/share/fonts/truetype/dejavu";

/// A Pango font map that sees only the fonts of kFontDirectory, never the machine's other fonts:
/// the same text gives the same PDF on every server. Cheap (fontconfig reads the system's cache
/// of that folder); one per document, since Pango objects are not shared between threads.
/// Throws Error{kInternal} if the folder holds no font.
PangoFontMapHandle documentFontMap();

/// The Pango description of `face` at `size` points.
FontDescription fontOf(Face face, float size);

}  // namespace cqpm::certificates
