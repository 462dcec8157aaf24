#include "certificates/award_certificate.h"

#include <algorithm>

#include "certificates/certificate_layout.h"
#include "certificates/french_dates.h"
#include "certificates/pdf_document.h"
#include "certificates/qr_code.h"
#include "certificates/text_flow.h"
#include "common/error.h"

namespace cqpm::certificates {
namespace {

namespace layout = certificate_layout;

// The type hierarchy: the branch and centre small above, the document's title and the holder's
// name in serif, the certification in between, facts in small sans.
const TextStyle kBranch{Face::kBold, 9.0f, 0.0f, 2.0f, true};
const TextStyle kCentre{Face::kRegular, 11.0f, 0.0f, 22.0f, true};
const TextStyle kTitle{Face::kSerifBold, 20.0f, 0.0f, 22.0f, true};
const TextStyle kLead{Face::kRegular, 11.5f, 0.0f, 10.0f, true};
const TextStyle kHolder{Face::kSerifBold, 24.0f, 0.0f, 8.0f, true};
const TextStyle kCqpm{Face::kBold, 12.0f, 0.0f, 2.0f, true};
const TextStyle kCqpmTitle{Face::kSerif, 15.0f, 0.0f, 16.0f, true};
const TextStyle kBloc{Face::kRegular, 10.5f, 30.0f, 3.0f};
const TextStyle kFacts{Face::kRegular, 10.0f, 0.0f, 3.0f, true};
const TextStyle kSigned{Face::kRegular, 11.0f, 0.0f, 2.0f, true};
const TextStyle kSignedBy{Face::kItalic, 10.0f, 0.0f, 0.0f, true};

void requireField(const std::string& value, const char* field) {
  if (value.empty()) throw Error(ErrorCode::kInvalidField, std::string(field) + " is required", field);
}

void drawFrame(const PdfPage& page) {
  cairo_t* context = page.context;
  cairo_set_source_rgb(context, 0.13, 0.25, 0.45);
  cairo_set_line_width(context, 2.0);
  cairo_rectangle(context, 22.0, 22.0, page.width - 44.0, page.height - 44.0);
  cairo_stroke(context);
  cairo_set_line_width(context, 0.6);
  cairo_rectangle(context, 27.0, 27.0, page.width - 54.0, page.height - 54.0);
  cairo_stroke(context);
}

/// A short centred rule under the header, in the frame's colour.
void drawHeaderRule(const PdfPage& page, float y) {
  cairo_set_source_rgb(page.context, 0.13, 0.25, 0.45);
  cairo_set_line_width(page.context, 1.0);
  cairo_move_to(page.context, page.width / 2 - 60.0, page.cairoY(y));
  cairo_line_to(page.context, page.width / 2 + 60.0, page.cairoY(y));
  cairo_stroke(page.context);
}

/// The QR code and, to its right, the code and where to check it.
void drawVerification(const PdfDocument& document, const PdfPage& page, const CertificateData& certificate) {
  drawQrCode(page, qrMatrix(certificate.verification_url), layout::kQrX, layout::kQrY, layout::kQrSize);
  const float x = layout::kQrX + layout::kQrSize + 28.0f;
  const float width = page.width - 64.0f - x;
  float top = layout::kQrY + layout::kQrSize;
  top -=
      drawTextAt(document, page, "Code de vérification", {Face::kRegular, 10.0f, 0.0f, 8.0f}, x, top, width);
  top -= drawTextAt(document, page, certificate.verification_code, {Face::kMono, 17.0f, 0.0f, 8.0f}, x, top,
                    width);
  // The address on a line of its own: cut after "https://" it could not be typed again.
  top -= drawTextAt(document, page,
                    "Vérifiez l'authenticité de ce document sur\n" + certificate.verification_url,
                    {Face::kRegular, 9.5f, 0.0f, 8.0f}, x, top, width);
  if (!certificate.decision_sha256.empty()) {
    // The seal in two halves of 32 digits: whole lines a person can compare with the verification page.
    const std::string& seal = certificate.decision_sha256;
    top -= drawTextAt(document, page, "Sceau de la décision (SHA-256)", {Face::kRegular, 8.0f, 0.0f, 1.0f}, x,
                      top, width);
    drawTextAt(document, page, seal.substr(0, 32) + "\n" + seal.substr(32), {Face::kMono, 7.5f, 0.0f, 0.0f},
               x, top, width);
  }
}

/// `style` made smaller, down to `min_size`, until `text` holds on one line: a name or a title
/// reads better whole than broken (a longer one still wraps at `min_size`).
TextStyle fittedToOneLine(const TextFlow& flow, const std::string& text, TextStyle style, float min_size) {
  while (style.size > min_size && flow.layout(text, style).size() > 1)
    style.size = std::max(min_size, style.size - 1.0f);
  return style;
}

std::vector<Line> concatenated(std::vector<Line> first, const std::vector<Line>& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

std::string juryMeeting(const CertificateData& certificate) {
  std::string meeting =
      "Le jury paritaire de délibération, réuni le " + frenchLongDate(certificate.decision_date);
  if (!certificate.session_place.empty()) meeting += " à " + certificate.session_place;
  return meeting + ", atteste que";
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
  const std::string number =
      certificate.cqpm_number.empty() ? std::string("non renseigné") : certificate.cqpm_number;
  DocumentMetadata metadata;
  metadata.title = title + " — " + certificate.holder_name;
  metadata.subject = "CQPM n° " + number + " " + certificate.cqpm_title + ", décision du jury paritaire du " +
                     frenchLongDate(certificate.decision_date) + ", code de vérification " +
                     certificate.verification_code;
  metadata.author = certificate.centre_name;
  metadata.created = certificate.decision_date;
  PdfDocument document(metadata);
  Margins margins;
  margins.top = 70.0f;
  margins.left = margins.right = 72.0f;
  margins.bottom = layout::kBodyBottom;
  TextFlow flow(document, margins);

  flow.paragraph("BRANCHE PROFESSIONNELLE DE LA MÉTALLURGIE", kBranch);
  flow.paragraph(certificate.centre_name, kCentre);
  drawHeaderRule(flow.page(), flow.cursor() + 10.0f);
  flow.gap(8.0f);
  flow.paragraph(title, kTitle);
  flow.paragraph(juryMeeting(certificate), kLead);
  flow.paragraph(certificate.holder_name, fittedToOneLine(flow, certificate.holder_name, kHolder, 14.0f));
  if (!certificate.holder_birth_date.empty()) {
    flow.paragraph("né(e) le " + frenchLongDate(certificate.holder_birth_date), kLead);
  }
  flow.gap(6.0f);
  if (whole_cqpm) {
    flow.paragraph("a obtenu le certificat de qualification paritaire de la métallurgie", kLead);
  } else {
    flow.paragraph(certificate.blocs.size() > 1 ? "a validé les blocs de compétences suivants du"
                                                : "a validé le bloc de compétences suivant du",
                   kLead);
  }
  flow.paragraph("CQPM n° " + number, kCqpm);
  flow.paragraph(certificate.cqpm_title, kCqpmTitle);
  if (!whole_cqpm) {
    for (const std::string& bloc : certificate.blocs) flow.paragraph("• " + bloc, kBloc);
    flow.gap(12.0f);
  }
  flow.paragraph("Décision du jury paritaire du " + frenchLongDate(certificate.decision_date), kFacts);
  flow.paragraph("Centre de certification : " + certificate.centre_name, kFacts);
  std::string referential =
      "Évalué selon le référentiel du CQPM, version " + std::to_string(certificate.referential_version);
  if (!certificate.referential_commit.empty()) {
    referential += " (commit " + certificate.referential_commit.substr(0, 12) + ")";
  }
  flow.paragraph(referential, kFacts);
  flow.gap(26.0f);
  const std::string where =
      certificate.session_place.empty() ? "Fait" : "Fait à " + certificate.session_place;
  flow.draw(concatenated(flow.layout(where + ", le " + frenchLongDate(certificate.decision_date), kSigned),
                         flow.layout("Pour le jury paritaire de délibération", kSignedBy)));

  for (const PdfPage& page : document.pages()) drawFrame(page);
  drawVerification(document, flow.page(), certificate);
  document.check("drawing the certificate");
  const std::string code = certificate.verification_code;
  drawFooters(document, [&](int page, int count) {
    return "Code de vérification " + code + " — page " + std::to_string(page) + " / " + std::to_string(count);
  });
  return document.bytes();
}

}  // namespace cqpm::certificates
