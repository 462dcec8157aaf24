#include "certificates/award_certificate.h"

#include <gtest/gtest.h>

#include <cmath>

#include "certificates/certificate_layout.h"
#include "certificates/pdf_probe.h"
#include "certificates/qr_code.h"
#include "common/error.h"

namespace cqpm::certificates {
namespace {

CertificateData wholeCqpm() {
  CertificateData data;
  data.kind = "certificate";
  data.holder_name = "Hélène Dupré-Lœuvre";
  data.cqpm_number = "MQ 2016 04 89 0303";
  data.cqpm_title = "Technicien(ne) en maintenance industrielle";
  data.decision_date = "2025-07-01";
  data.referential_version = 3;
  data.centre_name = "UIMM Lyon-Rhône";
  data.verification_code = "K7QM-4XPA-9RTE";
  data.verification_url = "https://cqpm.example.fr/verify/K7QM-4XPA-9RTE";
  return data;
}

CertificateData blocAttestation() {
  CertificateData data = wholeCqpm();
  data.kind = "bloc_attestation";
  data.blocs = {"BDC0208 — La réalisation de pièces par fabrication additive",
                "BDC0209 — Le contrôle et la finition des pièces"};
  return data;
}

TEST(AwardCertificateTest, CertificateNamesHolderCqpmDateCentreAndVersion) {
  probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, renderCertificatePdf(wholeCqpm())));
  EXPECT_NE(text.find("Certificat de qualification paritaire de la métallurgie"), std::string::npos) << text;
  EXPECT_NE(text.find("Hélène Dupré-Lœuvre"), std::string::npos);
  EXPECT_NE(text.find("CQPM n° MQ 2016 04 89 0303 Technicien(ne) en maintenance industrielle"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Décision du jury paritaire du 1er juillet 2025"), std::string::npos);
  EXPECT_NE(text.find("Centre de certification : UIMM Lyon-Rhône"), std::string::npos);
  EXPECT_NE(text.find("référentiel du CQPM, version 3"), std::string::npos);
  EXPECT_EQ(text.find("Attestation"), std::string::npos);
}

TEST(AwardCertificateTest, CarriesTheCodeAndWhereToCheckIt) {
  probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, renderCertificatePdf(wholeCqpm())));
  EXPECT_NE(text.find("Code de vérification K7QM-4XPA-9RTE"), std::string::npos) << text;
  EXPECT_NE(
      text.find("Vérifiez l'authenticité de ce document sur https://cqpm.example.fr/verify/K7QM-4XPA-9RTE"),
      std::string::npos)
      << text;
}

TEST(AwardCertificateTest, BlocAttestationListsTheBlocs) {
  probe::TempDir dir;
  const std::string text = probe::flat(probe::pdfText(dir, renderCertificatePdf(blocAttestation())));
  EXPECT_NE(text.find("Attestation de validation de blocs de compétences"), std::string::npos) << text;
  EXPECT_NE(text.find("a validé les blocs de compétences suivants du CQPM n° MQ 2016 04 89 0303"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("• BDC0208 — La réalisation de pièces par fabrication additive"), std::string::npos);
  EXPECT_NE(text.find("• BDC0209 — Le contrôle et la finition des pièces"), std::string::npos);
  EXPECT_NE(text.find("K7QM-4XPA-9RTE"), std::string::npos);
}

TEST(AwardCertificateTest, ManyBlocsFlowOntoASecondPageWithTheCodeOnTheLast) {
  CertificateData data = blocAttestation();
  data.blocs.clear();
  for (int i = 0; i < 40; ++i)
    data.blocs.push_back("BDC03" + std::to_string(10 + i) + " — Bloc numéro " + std::to_string(i));
  probe::TempDir dir;
  const std::string pdf = renderCertificatePdf(data);
  EXPECT_EQ(probe::pdfPages(dir, pdf), 2);
  const std::string text = probe::flat(probe::pdfText(dir, pdf));
  EXPECT_NE(text.find("Bloc numéro 39"), std::string::npos);
  EXPECT_NE(text.find("page 2 / 2"), std::string::npos);
}

// The QR code drawn on the page, read back module by module from a raster of the page, is the
// code libqrencode gives for the verification URL (no QR decoder is installed here: comparing the
// matrices checks both the content and that it is really drawn, the right way up).
TEST(AwardCertificateTest, DrawsTheQrCodeOfTheVerificationUrl) {
  namespace layout = certificate_layout;
  const CertificateData data = wholeCqpm();
  const QrMatrix expected = qrMatrix(data.verification_url);
  ASSERT_GT(expected.width, 20);
  probe::TempDir dir;
  const int dpi = 288;
  const probe::GreyImage page = probe::rasterise(dir, renderCertificatePdf(data), dpi);
  const double scale = dpi / 72.0;
  const double module = static_cast<double>(layout::kQrSize) / expected.width;
  const double top = page.height - (layout::kQrY + layout::kQrSize) * scale;  // raster rows grow downwards
  int mismatches = 0;
  for (int row = 0; row < expected.width; ++row) {
    for (int column = 0; column < expected.width; ++column) {
      const int x = static_cast<int>(std::lround((layout::kQrX + (column + 0.5) * module) * scale));
      const int y = static_cast<int>(std::lround(top + (row + 0.5) * module * scale));
      const bool dark = page.at(x, y) < 128;
      if (dark != expected.at(row, column)) ++mismatches;
    }
  }
  EXPECT_EQ(mismatches, 0);
  // And the quiet zone around it is white.
  const int left = static_cast<int>((layout::kQrX - 2 * module) * scale);
  for (int y = static_cast<int>(top); y < static_cast<int>(top + layout::kQrSize * scale); y += 4) {
    EXPECT_GT(page.at(left, y), 128) << "row " << y;
  }
}

TEST(AwardCertificateTest, TheQrMatrixDependsOnTheUrl) {
  const QrMatrix a = qrMatrix("https://cqpm.example.fr/verify/K7QM-4XPA-9RTE");
  const QrMatrix b = qrMatrix("https://cqpm.example.fr/verify/K7QM-4XPA-9RTF");
  ASSERT_EQ(a.width, b.width);
  EXPECT_NE(a.dark, b.dark);
  // Finder pattern in the top-left corner: a dark 7×7 ring around a light ring around a dark 3×3.
  for (int i = 0; i < 7; ++i) {
    EXPECT_TRUE(a.at(0, i));
    EXPECT_TRUE(a.at(6, i));
    EXPECT_TRUE(a.at(i, 0));
    EXPECT_TRUE(a.at(i, 6));
  }
  EXPECT_FALSE(a.at(1, 1));
  EXPECT_TRUE(a.at(3, 3));
}

TEST(AwardCertificateTest, DecodesWithZbarWhenItIsInstalled) {
  if (!probe::available("zbarimg") || !probe::available("pdftoppm")) GTEST_SKIP() << "zbarimg not installed";
  probe::TempDir dir;
  probe::writeFile(dir.file("c.pdf"), renderCertificatePdf(wholeCqpm()));
  probe::run("pdftoppm", {"-png", "-r", "150", "-singlefile", dir.file("c.pdf"), dir.file("c")});
  const std::string decoded = probe::run("zbarimg", {"--raw", "-q", dir.file("c.png")});
  EXPECT_EQ(probe::flat(decoded), wholeCqpm().verification_url);
}

TEST(AwardCertificateTest, RefusesAnUnknownKind) {
  CertificateData data = wholeCqpm();
  data.kind = "diploma";
  try {
    renderCertificatePdf(data);
    FAIL() << "rendered";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidField);
    EXPECT_EQ(e.field(), "kind");
  }
}

TEST(AwardCertificateTest, RefusesAMissingCodeOrUrl) {
  for (const char* field : {"verification_code", "verification_url"}) {
    CertificateData data = wholeCqpm();
    (std::string(field) == "verification_code" ? data.verification_code : data.verification_url).clear();
    try {
      renderCertificatePdf(data);
      FAIL() << "rendered without " << field;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidField);
      EXPECT_EQ(e.field(), field);
    }
  }
}

}  // namespace
}  // namespace cqpm::certificates
