#pragma once

#include <functional>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <string>
#include <vector>

// PDFs for the upload checks: real ones written by libqpdf (one page of text,
// optionally with an action added, objects optionally packed in compressed
// object streams), and hand-written ones for what a writer would never produce
// (#-escaped names, a damaged cross-reference table).

namespace cqpm::testing {

/// Writes the PDF `writer` was set up for, in memory (setOutputMemory).
inline std::string writtenBytes(QPDFWriter& writer) {
  writer.write();
  const auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

/// What a sample PDF gets besides its page: `extend(pdf, catalog, page)` adds entries.
using PdfExtension = std::function<void(QPDF& pdf, QPDFObjectHandle catalog, QPDFObjectHandle page)>;

/// A one-page PDF ("Rapport d'activite" in Helvetica) written by libqpdf; with
/// `object_streams`, every object that may be is packed into compressed
/// object streams (only the streams themselves stay outside).
inline std::string writtenPdf(const PdfExtension& extend = {}, bool object_streams = false) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle page = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
      "/BaseFont /Helvetica >> >> >> >>"));
  page.replaceKey("/Contents", pdf.newStream("BT /F1 14 Tf 72 770 Td (Rapport d'activite) Tj ET"));
  QPDFPageDocumentHelper(pdf).addPage(page, false);
  QPDFObjectHandle catalog = pdf.getRoot();
  if (extend) extend(pdf, catalog, pdf.getAllPages().at(0));
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setStaticID(true);
  writer.setObjectStreamMode(object_streams ? qpdf_o_generate : qpdf_o_disable);
  return writtenBytes(writer);
}

/// Adds `action` (a dictionary in PDF syntax) as an indirect object under `key` of `holder`.
inline void addAction(QPDF& pdf, QPDFObjectHandle holder, const std::string& key, const std::string& action) {
  holder.replaceKey(key, pdf.makeIndirectObject(QPDFObjectHandle::parse(action)));
}

/// `plain` encrypted (AES-256) with `user_password` (empty: it opens without one).
inline std::string encryptedPdf(const std::string& plain, const std::string& user_password) {
  QPDF pdf;
  pdf.processMemoryFile("plain", plain.data(), plain.size());
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setR6EncryptionParameters(user_password.c_str(), "owner secret", true, true, true, true, true, true,
                                   qpdf_r3p_full, true);
  return writtenBytes(writer);
}

/// A PDF written by hand from `objects` (the body of objects 1, 2...; object 1
/// is the catalog), with an exact cross-reference table unless `damaged`
/// (then startxref points nowhere and readers must repair the file).
inline std::string handWrittenPdf(const std::vector<std::string>& objects, bool damaged = false) {
  std::string pdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    std::string number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(damaged ? xref + 7 : xref) + "\n%%EOF\n";
  return pdf;
}

/// A page for hand-written PDFs whose catalog is object 1 and page tree object 2.
inline const std::string kHandWrittenPages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
inline const std::string kHandWrittenPage = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

}  // namespace cqpm::testing
