#pragma once

#include <string>
#include <vector>

namespace cqpm::certificates {

/// What a certificate or a bloc attestation shows.
struct CertificateData {
  std::string kind;  // "certificate" (whole CQPM) | "bloc_attestation"
  std::string holder_name;
  std::string holder_birth_date;  // YYYY-MM-DD; empty on awards issued before it was printed
  std::string cqpm_number;
  std::string cqpm_title;
  std::vector<std::string> blocs;  // awarded blocs, "BDC0208 — title"
  std::string decision_date;       // YYYY-MM-DD
  std::string session_place;       // where the jury sat; empty: not printed
  int referential_version = 0;
  std::string centre_name;
  std::string verification_code;   // e.g. "K7QM-4XPA-9RTE"
  std::string verification_url;    // absolute URL of /verify/{code}, encoded in the QR code
  std::string decision_sha256;     // juries::decisionSeal; empty: not printed
  std::string referential_commit;  // the commit of the referential version; empty: not printed
};

/// The certificate or bloc attestation as PDF bytes (A4 portrait, French), with the verification
/// code printed and a QR code of `verification_url`. Pure function, thread-safe.
/// Throws Error{kInvalidField, field "kind"} for an unknown kind, Error{kInternal} if cairo, qpdf or
/// libqrencode fails.
std::string renderCertificatePdf(const CertificateData& certificate);

}  // namespace cqpm::certificates
