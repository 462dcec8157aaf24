#pragma once

namespace cqpm::certificates::certificate_layout {

// Where the certificate draws its QR code, in PDF points from the lower-left corner of an A4 page
// (595 × 842). Published so the tests can find the code on a rendered page.
inline constexpr float kQrX = 64.0f;
inline constexpr float kQrY = 72.0f;
inline constexpr float kQrSize = 120.0f;

// The body text stops above the QR code's zone (quiet zone included).
inline constexpr float kBodyBottom = kQrY + kQrSize + 36.0f;

}  // namespace cqpm::certificates::certificate_layout
