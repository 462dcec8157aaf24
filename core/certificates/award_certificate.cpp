#include "certificates/award_certificate.h"

#include "certificates/certificate_layout.h"
#include "certificates/cp1252_text.h"
#include "certificates/french_dates.h"
#include "certificates/pdf_document.h"
#include "certificates/qr_code.h"
#include "certificates/text_flow.h"
#include "common/error.h"

namespace cqpm::certificates {
namespace {

namespace layout = certificate_layout;

const TextStyle kCentre{Face::kRegular, 11.0f, 0.0f, 26.0f, true};
const TextStyle kTitle{Face::kBold, 20.0f, 0.0f, 28.0f, true};
const TextStyle kLead{Face::kRegular, 12.0f, 0.0f, 10.0f, true};
const TextStyle kHolder{Face::kBold, 22.0f, 0.0f, 14.0f, true};
const TextStyle kCqpm{Face::kBold, 13.0f, 0.0f, 2.0f, true};
const TextStyle kCqpmTitle{Face::kRegular, 12.0f, 0.0f, 16.0f, true};
const TextStyle kBloc{Face::kRegular, 10.5f, 30.0f, 3.0f};
const TextStyle kFacts{Face::kRegular, 11.0f, 0.0f, 4.0f, true};

void requireField(const std::string& value, const char* field) {
  if (value.empty()) throw Error(ErrorCode::kInvalidField, std::string(field) + " is required", field);
}

void drawFrame(HPDF_Page page) {
  const float width = HPDF_Page_GetWidth(page);
  const float height = HPDF_Page_GetHeight(page);
  HPDF_Page_SetRGBStroke(page, 0.13f, 0.25f, 0.45f);
  HPDF_Page_SetLineWidth(page, 2.0f);
  HPDF_Page_Rectangle(page, 22.0f, 22.0f, width - 44.0f, height - 44.0f);
  HPDF_Page_Stroke(page);
  HPDF_Page_SetLineWidth(page, 0.6f);
  HPDF_Page_Rectangle(page, 27.0f, 27.0f, width - 54.0f, height - 54.0f);
  HPDF_Page_Stroke(page);
}

void drawText(HPDF_Page page, HPDF_Font font, float size, float x, float baseline,
              const std::string& cp1252) {
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, size);
  HPDF_Page_TextOut(page, x, baseline, cp1252.c_str());
  HPDF_Page_EndText(page);
}

/// The QR code and, to its right, the code and where to check it.
void drawVerification(PdfDocument& document, HPDF_Page page, const CertificateData& certificate) {
  drawQrCode(page, qrMatrix(certificate.verification_url), layout::kQrX, layout::kQrY, layout::kQrSize);
  const PdfFonts& fonts = document.fonts();
  const float x = layout::kQrX + layout::kQrSize + 28.0f;
  const float width = HPDF_Page_GetWidth(page) - 64.0f - x;
  float baseline = layout::kQrY + layout::kQrSize - 12.0f;
  drawText(page, fonts.regular, 10.0f, x, baseline, toCp1252("Code de vérification"));
  baseline -= 22.0f;
  drawText(page, fonts.mono, 17.0f, x, baseline, toCp1252(certificate.verification_code));
  baseline -= 24.0f;
  const std::string sentence = "Vérifiez l'authenticité de ce document sur " + certificate.verification_url;
  for (const std::string& line : wrapCp1252(fonts.regular, 9.5f, toCp1252(sentence), width)) {
    drawText(page, fonts.regular, 9.5f, x, baseline, line);
    baseline -= leadingOf(9.5f);
  }
}

}  // namespace

std::string renderCertificatePdf(const CertificateData& certificate) {
  const bool whole_cqpm = certificate.kind == "certificate";
  if (!whole_cqpm && certificate.kind != "bloc_attestation") {
    throw Error(ErrorCode::kInvalidField, "kind must be certificate or bloc_attestation", "kind");
  }
  requireField(certificate.verification_code, "verification_code");
  requireField(certificate.verification_url, "verification_url");

  const std::string title = whole_cqpm ? "Certificat de qualification paritaire de la métallurgie"
                                       : "Attestation de validation de blocs de compétences";
  PdfDocument document(title);
  Margins margins;
  margins.top = 72.0f;
  margins.left = margins.right = 64.0f;
  margins.bottom = layout::kBodyBottom;
  TextFlow flow(document, margins);

  flow.paragraph(certificate.centre_name, kCentre);
  flow.paragraph(title, kTitle);
  flow.paragraph("Le jury paritaire de délibération atteste que", kLead);
  flow.paragraph(certificate.holder_name, kHolder);
  if (!certificate.holder_birth_date.empty()) {
    flow.paragraph("né(e) le " + frenchLongDate(certificate.holder_birth_date), kLead);
  }
  if (whole_cqpm) {
    flow.paragraph("a obtenu le certificat de qualification paritaire de la métallurgie", kLead);
  } else {
    flow.paragraph(certificate.blocs.size() > 1 ? "a validé les blocs de compétences suivants du"
                                                : "a validé le bloc de compétences suivant du",
                   kLead);
  }
  flow.paragraph(
      "CQPM n° " + (certificate.cqpm_number.empty() ? std::string("non renseigné") : certificate.cqpm_number),
      kCqpm);
  flow.paragraph(certificate.cqpm_title, kCqpmTitle);
  if (!whole_cqpm) {
    for (const std::string& bloc : certificate.blocs) flow.paragraph("• " + bloc, kBloc);
    flow.gap(12.0f);
  }
  flow.paragraph("Décision du jury paritaire du " + frenchLongDate(certificate.decision_date), kFacts);
  flow.paragraph("Centre de certification : " + certificate.centre_name, kFacts);
  flow.paragraph(
      "Évalué selon le référentiel du CQPM, version " + std::to_string(certificate.referential_version),
      kFacts);

  for (HPDF_Page page : document.pages()) drawFrame(page);
  drawVerification(document, flow.page(), certificate);
  document.check("drawing the certificate");
  const std::string code = certificate.verification_code;
  drawFooters(document, [&](int page, int count) {
    return "Code de vérification " + code + " — page " + std::to_string(page) + " / " + std::to_string(count);
  });
  return document.bytes();
}

}  // namespace cqpm::certificates
