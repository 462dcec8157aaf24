#pragma once

#include <string>
#include <vector>

#include "certificates/pdf_document.h"

namespace cqpm::certificates {

/// A QR code as a square of modules, row by row from the top; true is dark.
struct QrMatrix {
  int width = 0;
  std::vector<bool> dark;  // width * width
  bool at(int row, int column) const { return dark[static_cast<std::size_t>(row) * width + column]; }
};

/// The QR code of `text` (byte mode, error correction M, smallest version that holds it), from
/// libqrencode. Thread-safe. Throws Error{kInternal} if it cannot be encoded (too long).
QrMatrix qrMatrix(const std::string& text);

/// Draws `matrix` with filled black rectangles on `page`: its lower-left corner at (`x`, `y`) in PDF
/// coordinates, `size` points wide and high, quiet zone not included (leave 4 modules clear).
void drawQrCode(const PdfPage& page, const QrMatrix& matrix, float x, float y, float size);

}  // namespace cqpm::certificates
