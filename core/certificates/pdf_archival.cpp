#include "certificates/pdf_archival.h"

#include <cctype>
#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>
#include <stdexcept>
#include <string_view>

#include "certificates/srgb_profile.h"
#include "common/error.h"

namespace cqpm::certificates {
namespace {

constexpr const char* kProducer = "CQPM Hub (cairo, Pango, qpdf)";
constexpr const char* kSrgbCondition = "sRGB IEC61966-2.1";

std::string escapedForXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// XMP as PDF/A wants it: the same title, author, dates and producer as the Info dictionary.
std::string xmpPacket(const DocumentMetadata& metadata) {
  const std::string date = escapedForXml(metadata.created);
  std::string xmp =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
      "   <dc:format>application/pdf</dc:format>\n"
      "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
      escapedForXml(metadata.title) + "</rdf:li></rdf:Alt></dc:title>\n";
  if (!metadata.author.empty()) {
    xmp += "   <dc:creator><rdf:Seq><rdf:li>" + escapedForXml(metadata.author) +
           "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!metadata.subject.empty()) {
    xmp += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escapedForXml(metadata.subject) +
           "</rdf:li></rdf:Alt></dc:description>\n";
  }
  xmp += "   <dc:language><rdf:Bag><rdf:li>" + escapedForXml(metadata.language) +
         "</rdf:li></rdf:Bag></dc:language>\n";
  if (!date.empty()) {
    xmp += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n   <xmp:ModifyDate>" + date +
           "</xmp:ModifyDate>\n   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  }
  xmp += std::string("   <xmp:CreatorTool>CQPM Hub</xmp:CreatorTool>\n   <pdf:Producer>") + kProducer +
         "</pdf:Producer>\n"
         "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n"
         "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
  return xmp;
}

QPDFObjectHandle outputIntent(QPDF& pdf) {
  QPDFObjectHandle profile = QPDFObjectHandle::newStream(&pdf, srgbIccProfile());
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
  QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFA1"));
  intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString(kSrgbCondition));
  intent.replaceKey("/Info", QPDFObjectHandle::newString(kSrgbCondition));
  intent.replaceKey("/DestOutputProfile", profile);
  return pdf.makeIndirectObject(intent);
}

QPDFObjectHandle infoDictionary(QPDF& pdf, const DocumentMetadata& metadata) {
  QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
  info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(metadata.title));
  if (!metadata.author.empty())
    info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(metadata.author));
  if (!metadata.subject.empty())
    info.replaceKey("/Subject", QPDFObjectHandle::newUnicodeString(metadata.subject));
  info.replaceKey("/Creator", QPDFObjectHandle::newString("CQPM Hub"));
  info.replaceKey("/Producer", QPDFObjectHandle::newString(kProducer));
  if (!metadata.created.empty()) {
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdfDate(metadata.created)));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdfDate(metadata.created)));
  }
  return pdf.makeIndirectObject(info);
}

bool digitsAt(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return false;
  }
  return true;
}

[[noreturn]] void badDate(const std::string& iso8601) {
  throw Error(ErrorCode::kInvalidField,
              "created must be an ISO 8601 date or date-time, not '" + iso8601 + "'", "created");
}

}  // namespace

std::string pdfDate(const std::string& iso8601) {
  // YYYY-MM-DD, optionally THH:MM[:SS] then Z or ±HH:MM.
  const std::string_view text = iso8601;
  if (!digitsAt(text, 0, 4) || text.size() < 10 || text[4] != '-' || !digitsAt(text, 5, 2) ||
      text[7] != '-' || !digitsAt(text, 8, 2)) {
    badDate(iso8601);
  }
  std::string out = "D:" + iso8601.substr(0, 4) + iso8601.substr(5, 2) + iso8601.substr(8, 2);
  if (text.size() == 10) return out;
  if (text[10] != 'T' || !digitsAt(text, 11, 2) || text.size() < 16 || text[13] != ':' ||
      !digitsAt(text, 14, 2)) {
    badDate(iso8601);
  }
  out += iso8601.substr(11, 2) + iso8601.substr(14, 2);
  std::size_t at = 16;
  if (at < text.size() && text[at] == ':') {
    if (!digitsAt(text, at + 1, 2)) badDate(iso8601);
    out += iso8601.substr(at + 1, 2);
    at += 3;
    while (at < text.size() && (text[at] == '.' || std::isdigit(static_cast<unsigned char>(text[at])) != 0))
      ++at;
  } else {
    out += "00";
  }
  if (at == text.size()) return out;
  if (text[at] == 'Z' && at + 1 == text.size()) return out + "Z";
  if ((text[at] == '+' || text[at] == '-') && at + 6 == text.size() && digitsAt(text, at + 1, 2) &&
      text[at + 3] == ':' && digitsAt(text, at + 4, 2)) {
    return out + text[at] + iso8601.substr(at + 1, 2) + "'" + iso8601.substr(at + 4, 2) + "'";
  }
  badDate(iso8601);
}

std::string makeArchival(const std::string& pdf, const DocumentMetadata& metadata) {
  const std::string creation = metadata.created.empty() ? std::string() : pdfDate(metadata.created);
  try {
    QPDF document;
    document.setSuppressWarnings(true);
    document.processMemoryFile("generated.pdf", pdf.data(), pdf.size());
    QPDFObjectHandle root = document.getRoot();
    QPDFObjectHandle metadata_stream = QPDFObjectHandle::newStream(&document, xmpPacket(metadata));
    metadata_stream.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata_stream.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", metadata_stream);
    root.replaceKey("/OutputIntents", QPDFObjectHandle::newArray({outputIntent(document)}));
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(metadata.language));
    document.getTrailer().replaceKey("/Info", infoDictionary(document, metadata));

    QPDFWriter writer(document);
    writer.setOutputMemory();
    // The identifier is a hash of the content: the same document always gives the same bytes.
    writer.setDeterministicID(true);
    writer.write();
    const std::shared_ptr<Buffer> written = writer.getBufferSharedPointer();
    return {reinterpret_cast<const char*>(written->getBuffer()), written->getSize()};
  } catch (const Error&) {
    throw;
  } catch (const std::exception& failure) {
    throw Error(ErrorCode::kInternal, std::string("qpdf could not finish the document: ") + failure.what());
  }
}

}  // namespace cqpm::certificates
