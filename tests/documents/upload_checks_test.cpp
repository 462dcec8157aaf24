#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>

#include "demo/demo_report.h"
#include "documents/html_markup.h"
#include "documents/pdf_active_content.h"
#include "documents/pdf_samples.h"
#include "support/test_database.h"

// The content checks of uploads, on files: PDFs that a reader would run
// something from (libqpdf walks every object, compressed object streams
// included), and HTML in the first bytes of a PDF or an image (a polyglot).

namespace cqpm::documents {
namespace {

using Verdict = PdfInspection::Verdict;

class UploadChecksTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::makeTempDir("cqpm-upload-checks"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string fileWith(const std::string& bytes) {
    const std::string path = dir_ + "/upload-" + std::to_string(++count_);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  PdfInspection inspect(const std::string& bytes) { return inspectPdf(fileWith(bytes)); }

  std::string dir_;
  int count_ = 0;
};

const testing::PdfExtension kOpenActionScript = [](QPDF& pdf, const QPDFObjectHandle& catalog,
                                                   const QPDFObjectHandle&) {
  testing::addAction(pdf, catalog, "/OpenAction", "<< /S /JavaScript /JS (app.alert\\(1\\)) >>");
};

std::string deflated(const std::string& bytes) {
  Pl_Buffer out("deflated");
  Pl_Flate::setCompressionLevel(1);  // fast: the bytes are all alike anyway
  Pl_Flate flate("deflate", &out, Pl_Flate::a_deflate);
  flate.write(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  flate.finish();
  const auto buffer = out.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

TEST_F(UploadChecksTest, PlainPdfsAreClean) {
  EXPECT_EQ(inspect(testing::writtenPdf()).verdict, Verdict::kClean);
  EXPECT_EQ(inspect(testing::writtenPdf({}, true)).verdict, Verdict::kClean);
  // What the server itself prints (libharu, compressed content, embedded fonts).
  EXPECT_EQ(inspect(demo::demoReportPdf("Camille Martin", "Technicien de maintenance")).verdict,
            Verdict::kClean);
  // Ordinary actions are no active content: a link and an opening view.
  const auto navigation =
      inspect(testing::writtenPdf([](QPDF& pdf, const QPDFObjectHandle& catalog, const QPDFObjectHandle&) {
        testing::addAction(pdf, catalog, "/OpenAction", "<< /S /URI /URI (https://example.org/) >>");
      }));
  EXPECT_EQ(navigation.verdict, Verdict::kClean) << navigation.found;
}

TEST_F(UploadChecksTest, AnOpeningScriptIsFoundInPlainObjectsAndInCompressedObjectStreams) {
  const std::string plain = testing::writtenPdf(kOpenActionScript);
  const std::string packed = testing::writtenPdf(kOpenActionScript, true);
  ASSERT_NE(plain.find("/JavaScript"), std::string::npos);
  ASSERT_EQ(packed.find("/JavaScript"), std::string::npos) << "the action must be compressed";
  for (const auto& bytes : {plain, packed}) {
    const auto found = inspect(bytes);
    EXPECT_EQ(found.verdict, Verdict::kActiveContent);
    EXPECT_EQ(found.found, "JavaScript");
    EXPECT_TRUE(found.where.starts_with("object ")) << found.where;
  }
}

TEST_F(UploadChecksTest, DocumentScriptsLaunchActionsAndXfaFormsAreFound) {
  const auto names = inspect(testing::writtenPdf(
      [](QPDF& pdf, QPDFObjectHandle catalog, const QPDFObjectHandle&) {
        QPDFObjectHandle script = pdf.makeIndirectObject(
            QPDFObjectHandle::parse("<< /Type /Action /S /JavaScript /JS (this.print\\(\\)) >>"));
        QPDFObjectHandle tree = QPDFObjectHandle::newDictionary();
        tree.replaceKey("/Names", QPDFObjectHandle::newArray({QPDFObjectHandle::newString("init"), script}));
        QPDFObjectHandle catalog_names = QPDFObjectHandle::newDictionary();
        catalog_names.replaceKey("/JavaScript", pdf.makeIndirectObject(tree));
        catalog.replaceKey("/Names", catalog_names);
      },
      true));
  EXPECT_EQ(names.verdict, Verdict::kActiveContent);
  EXPECT_EQ(names.found, "JavaScript");

  const auto launch = inspect(testing::writtenPdf(
      [](QPDF&, const QPDFObjectHandle&, QPDFObjectHandle page) {
        // Additional actions of the page, as a direct dictionary nested in the page.
        page.replaceKey("/AA", QPDFObjectHandle::parse("<< /O << /S /Launch /F (calc.exe) >> >>"));
      },
      true));
  EXPECT_EQ(launch.verdict, Verdict::kActiveContent);
  EXPECT_EQ(launch.found, "Launch");

  const auto xfa =
      inspect(testing::writtenPdf([](QPDF& pdf, QPDFObjectHandle catalog, const QPDFObjectHandle&) {
        catalog.replaceKey("/AcroForm", QPDFObjectHandle::parse("<< /Fields [] >>"));
        catalog.getKey("/AcroForm").replaceKey("/XFA", pdf.newStream("<xdp:xdp/>"));
      }));
  EXPECT_EQ(xfa.verdict, Verdict::kActiveContent);
  EXPECT_EQ(xfa.found, "XFA");
}

TEST_F(UploadChecksTest, EscapedNamesAreDecodedBeforeTheyAreCompared) {
  const std::string script = testing::handWrittenPdf(
      {"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> >>",
       testing::kHandWrittenPages, testing::kHandWrittenPage});
  ASSERT_EQ(script.find("/JavaScript"), std::string::npos);
  EXPECT_EQ(inspect(script).verdict, Verdict::kActiveContent);
  const auto launch = inspect(
      testing::handWrittenPdf({"<< /Type /Catalog /Pages 2 0 R >>", testing::kHandWrittenPages,
                               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /A#41 << /O 4 0 R >> >>",
                               "<< /#53 /#4c#61unch /F (cmd.exe) >>"}));
  EXPECT_EQ(launch.verdict, Verdict::kActiveContent);
  EXPECT_EQ(launch.found, "Launch");
  EXPECT_EQ(launch.where, "object 4 0");
}

TEST_F(UploadChecksTest, DamagedFilesAreRepairedAsReadersWouldAndStillChecked) {
  const std::string damaged = testing::handWrittenPdf(
      {"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", testing::kHandWrittenPages,
       testing::kHandWrittenPage, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"},
      true);
  EXPECT_EQ(inspect(damaged).verdict, Verdict::kActiveContent);
  // Compressed object streams behind a broken cross-reference: found, or refused as unreadable; never clean.
  std::string packed = testing::writtenPdf(kOpenActionScript, true);
  const auto startxref = packed.rfind("startxref\n");
  ASSERT_NE(startxref, std::string::npos);
  packed.replace(startxref + 10, packed.find('\n', startxref + 10) - startxref - 10, "17");
  EXPECT_NE(inspect(packed).verdict, Verdict::kClean);
  // Repaired with a classic trailer, objects packed in an object stream are not indexed again:
  // the script hidden in one cannot be seen, so the file is refused rather than passed.
  const std::string packed_script = "5 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>";
  const auto hidden = inspect(testing::handWrittenPdf(
      {"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", testing::kHandWrittenPages,
       testing::kHandWrittenPage,
       "<< /Type /ObjStm /N 1 /First 4 /Length " + std::to_string(packed_script.size()) + " >>\nstream\n" +
           packed_script + "\nendstream"},
      true));
  EXPECT_EQ(hidden.verdict, Verdict::kUnreadable) << hidden.found;
  // A file without any object holds nothing to run (the tests' minimal PDFs): clean.
  EXPECT_EQ(inspect("%PDF-1.4\n" + std::string(5000, 'x') + "\n%%EOF\n").verdict, Verdict::kClean);
  EXPECT_EQ(inspect("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n").verdict,
            Verdict::kClean);
}

TEST_F(UploadChecksTest, ARepairThatWouldReadTheFileOverAndOverIsCutByTheReadBudget) {
  // qpdf's repair reads, for every line, up to the next token: 1 MiB of comment
  // lines made it read gigabytes (100 s). Refused once the budget is spent.
  std::string comments = "%PDF-1.4\n";
  while (comments.size() < (1u << 20)) comments += "% " + std::string(77, 'x') + "\n";
  const auto refused = inspect(comments + "1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n");
  EXPECT_EQ(refused.verdict, Verdict::kUnreadable);
  EXPECT_NE(refused.found.find("repair would take too long"), std::string::npos) << refused.found;
  // A real damaged file of the same size (a stream of binary data, no
  // cross-reference table) is repaired within the budget, and still checked.
  std::string binary(1u << 20, '\0');
  for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 2654435761u) >> 13);
  const std::string stream =
      "<< /Length " + std::to_string(binary.size()) + " >>\nstream\n" + binary + "\nendstream";
  EXPECT_EQ(inspect(testing::handWrittenPdf({"<< /Type /Catalog /Pages 2 0 R >>", testing::kHandWrittenPages,
                                             testing::kHandWrittenPage, stream},
                                            true))
                .verdict,
            Verdict::kClean);
  EXPECT_EQ(inspect(testing::handWrittenPdf(
                        {"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", testing::kHandWrittenPages,
                         testing::kHandWrittenPage, stream, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"},
                        true))
                .verdict,
            Verdict::kActiveContent);
}

TEST_F(UploadChecksTest, ObjectHeadersSplitByCommentsStillCountAsObjects) {
  // A repairing reader finds "4 0 %...\nobj": so must the check (else it would skip the repair).
  const std::string pdf =
      "%PDF-1.7\n4 %c\n0 % comment\nobj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> >>\n"
      "endobj\ntrailer\n<< /Root 4 0 R >>\n%%EOF\n";
  EXPECT_NE(inspect(pdf).verdict, Verdict::kClean);
}

TEST_F(UploadChecksTest, EncryptedPdfsAreCheckedWhenTheyOpenWithoutAPassword) {
  const auto opens = inspect(testing::encryptedPdf(testing::writtenPdf(kOpenActionScript, true), ""));
  EXPECT_EQ(opens.verdict, Verdict::kActiveContent);
  const auto locked = inspect(testing::encryptedPdf(testing::writtenPdf(), "secret"));
  EXPECT_EQ(locked.verdict, Verdict::kUnreadable);
  EXPECT_NE(locked.found.find("password"), std::string::npos) << locked.found;
}

TEST_F(UploadChecksTest, ObjectStreamsThatInflateBeyondTheBudgetAreRefusedQuickly) {
  // One object stream whose 65 MiB of decoded blanks hold a single empty
  // dictionary, indexed by a cross-reference stream (what makes readers decode it).
  const std::string body = deflated("5 0 " + std::string(65u << 20, ' '));
  std::string pdf = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  const auto object = [&](const std::string& text) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + text + "\nendobj\n";
  };
  object("<< /Type /Catalog /Pages 2 0 R /Extra 5 0 R >>");
  object(testing::kHandWrittenPages);
  object(testing::kHandWrittenPage);
  object("<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length " + std::to_string(body.size()) +
         " >>\nstream\n" + body + "\nendstream");
  std::string entries;
  const auto entry = [&](int type, std::size_t field2, int field3) {
    entries += static_cast<char>(type);
    for (int shift = 24; shift >= 0; shift -= 8) entries += static_cast<char>((field2 >> shift) & 0xff);
    entries += static_cast<char>((field3 >> 8) & 0xff);
    entries += static_cast<char>(field3 & 0xff);
  };
  entry(0, 0, 65535);
  for (const std::size_t offset : offsets) entry(1, offset, 0);
  entry(2, 4, 0);           // object 5: the first of object stream 4
  entry(1, pdf.size(), 0);  // object 6: the cross-reference stream itself
  const std::size_t xref = pdf.size();
  pdf += "6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length " + std::to_string(entries.size()) +
         " >>\nstream\n" + entries + "\nendstream\nendobj\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  // The read budget, not the clock, ends the repair: the verdict names it.
  const auto found = inspect(pdf);
  EXPECT_EQ(found.verdict, Verdict::kUnreadable);
  EXPECT_NE(found.found.find("64 MiB"), std::string::npos) << found.found;
}

TEST_F(UploadChecksTest, HtmlInTheSniffedBytesOfAFileIsFound) {
  const std::string png(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(findHtmlMarkup(fileWith(png + "<SCRIPT>alert(1)</script>")), "<script");
  EXPECT_EQ(findHtmlMarkup(fileWith("%PDF-1.4\n%<html><body onload=x>\n")), "<html");
  EXPECT_EQ(findHtmlMarkup(fileWith("%PDF-1.4\n<!DOCTYPE html>")), "<!doctype html");
  EXPECT_EQ(findHtmlMarkup(fileWith(png + "<svg/onload=alert(1)>")), "<svg");
  // Not tags: longer names, and markup past the bytes a browser sniffs.
  EXPECT_EQ(findHtmlMarkup(fileWith(png + "<scripts <htmlx <header")), std::nullopt);
  EXPECT_EQ(findHtmlMarkup(fileWith(png + std::string(kSniffedHeaderBytes, ' ') + "<script>")), std::nullopt);
  EXPECT_EQ(findHtmlMarkup(fileWith(testing::writtenPdf())), std::nullopt);
}

}  // namespace
}  // namespace cqpm::documents
