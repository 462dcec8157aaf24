#include "certificates/qr_code.h"

#include <qrencode.h>

#include <memory>

#include "common/error.h"

namespace cqpm::certificates {
namespace {

struct FreeQrCode {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrCodePtr = std::unique_ptr<QRcode, FreeQrCode>;

}  // namespace

QrMatrix qrMatrix(const std::string& text) {
  // Byte mode and case-sensitive: a URL is encoded exactly as written.
  QrCodePtr code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
  if (!code) throw Error(ErrorCode::kInternal, "libqrencode could not encode the verification URL");
  QrMatrix matrix;
  matrix.width = code->width;
  const auto modules = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  matrix.dark.reserve(modules);
  // Bit 0 of each byte is the module's colour; the other bits describe its role.
  for (std::size_t i = 0; i < modules; ++i) matrix.dark.push_back((code->data[i] & 1) != 0);
  return matrix;
}

void drawQrCode(const PdfPage& page, const QrMatrix& matrix, float x, float y, float size) {
  const float module = size / static_cast<float>(matrix.width);
  cairo_set_source_rgb(page.context, 0.0, 0.0, 0.0);
  for (int row = 0; row < matrix.width; ++row) {
    // PDF y grows upwards; the matrix's first row is the top one.
    const float row_y = y + static_cast<float>(matrix.width - 1 - row) * module;
    int column = 0;
    while (column < matrix.width) {
      if (!matrix.at(row, column)) {
        ++column;
        continue;
      }
      // One rectangle per horizontal run keeps the content stream small.
      const int run_start = column;
      while (column < matrix.width && matrix.at(row, column)) ++column;
      cairo_rectangle(page.context, x + static_cast<float>(run_start) * module, page.cairoY(row_y + module),
                      static_cast<float>(column - run_start) * module, module);
    }
  }
  cairo_fill(page.context);
}

}  // namespace cqpm::certificates
