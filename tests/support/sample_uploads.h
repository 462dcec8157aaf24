#pragma once

#include <string>

// Bytes and bodies for upload tests, shared by the API fixture and the
// tests that drive the real binary (crash, deployment).

namespace cqpm::testing {

/// A small PDF that libmagic reads as application/pdf.
inline const std::string kPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n";
/// A PNG signature and header chunk: libmagic reads it as image/png.
inline const std::string kPng =
    std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde", 33);

/// A multipart/form-data body with a `kind` field and a `file` part (each left out when empty).
inline std::string multipart(const std::string& boundary, const std::string& kind,
                             const std::string& filename, const std::string& bytes) {
  std::string body;
  if (!kind.empty()) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n";
  }
  if (!filename.empty()) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
            "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n";
  }
  return body + "--" + boundary + "--\r\n";
}

}  // namespace cqpm::testing
