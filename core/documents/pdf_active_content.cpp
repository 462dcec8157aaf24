#include "documents/pdf_active_content.h"

#include <filesystem>
#include <memory>
#include <qpdf/FileInputSource.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>
#include <stdexcept>
#include <vector>

#include "documents/pdf_object_header.h"

namespace cqpm::documents {

namespace {

// qpdf parses about 40 us per object here (60,000 objects: 2.4 s): this bounds a check to seconds.
constexpr std::size_t kPdfMaxObjects = 100'000;
constexpr std::size_t kPdfMaxObjectStreamBytes = std::size_t{64} << 20;
// A parse reads each byte about once, a repair about three times.
constexpr std::uint64_t kPdfReadBudgetPerByte = 8;
constexpr std::uint64_t kPdfReadBudgetBase = std::uint64_t{8} << 20;
constexpr const char* kRepairTooLong = "it is damaged in a way whose repair would take too long";

/// Thrown when a limit of the inspection is reached: the file is then unreadable, not retried.
class PdfLimitReached : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The file, read through qpdf's FileInputSource with every byte counted.
/// qpdf's repair of a damaged file reads the bytes after each line again up
/// to the next token, which a long run of comment lines makes quadratic (a
/// 1 MiB file of them took 100 s, a 20 MiB one would take days): reading
/// stops past a budget proportional to the file's size, a few times what any
/// parse or repair of a real PDF reads. qpdf swallows some exceptions while
/// repairing, so the overrun is remembered and checked afterwards too.
class BudgetedFileInput : public InputSource {
 public:
  BudgetedFileInput(const std::string& path, std::uint64_t budget) : file_(path.c_str()), budget_(budget) {}

  qpdf_offset_t findAndSkipNextEOL() override {
    charge(0);
    const qpdf_offset_t before = file_.tell();
    const qpdf_offset_t after = file_.findAndSkipNextEOL();
    used_ += static_cast<std::uint64_t>(after > before ? after - before : 0);
    return after;
  }
  std::string const& getName() const override { return file_.getName(); }
  qpdf_offset_t tell() override { return file_.tell(); }
  void seek(qpdf_offset_t offset, int whence) override { file_.seek(offset, whence); }
  void rewind() override { file_.rewind(); }
  size_t read(char* buffer, size_t length) override {
    charge(length);
    last_offset = file_.tell();  // as FileInputSource::read does: the tokenizer's buffer relies on it
    return file_.read(buffer, length);
  }
  void unreadCh(char ch) override { file_.unreadCh(ch); }

  bool exceeded() const { return used_ > budget_; }

 private:
  void charge(std::size_t bytes) {
    used_ += bytes;
    if (exceeded()) throw PdfLimitReached(kRepairTooLong);
  }

  FileInputSource file_;
  std::uint64_t budget_;
  std::uint64_t used_ = 0;
};

PdfInspection inspectObjects(QPDF& pdf, bool repaired);

/// Opens `path` in a fresh qpdf (repairing it if `repair`) through a
/// BudgetedFileInput and inspects it; qpdf reads objects lazily, so the
/// budget covers the inspection too. Throws PdfLimitReached when the budget
/// ran out, even if qpdf caught the exception on its way.
PdfInspection inspectWithinBudget(const std::string& path, bool repair) {
  std::error_code ignored;
  const std::uint64_t size = std::filesystem::file_size(path, ignored);
  auto input = std::make_shared<BudgetedFileInput>(path, kPdfReadBudgetPerByte * size + kPdfReadBudgetBase);
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(repair);
    pdf.processInputSource(input);
    PdfInspection inspection = inspectObjects(pdf, repair);
    if (input->exceeded()) throw PdfLimitReached(kRepairTooLong);
    return inspection;
  } catch (const PdfLimitReached&) {
    throw;
  } catch (...) {
    if (input->exceeded()) throw PdfLimitReached(kRepairTooLong);  // whatever qpdf made of our exception
    throw;
  }
}

/// Counts decoded bytes and stops the decoding past the budget: qpdf catches
/// what a pipeline throws (the decoding ends there, reported as failed), so
/// the overrun is remembered and checked after each stream.
class DecodedBytesBudget : public Pipeline {
 public:
  DecodedBytesBudget() : Pipeline("decoded bytes budget", nullptr) {}
  void write(unsigned char const*, size_t length) override {
    used_ += length;
    if (exceeded()) throw std::length_error("decoded bytes budget exceeded");
  }
  void finish() override {}
  bool exceeded() const { return used_ > kPdfMaxObjectStreamBytes; }

 private:
  std::size_t used_ = 0;
};

/// What an entry named `key`, holding `value`, makes a reader run; null when nothing.
const char* activeEntry(const std::string& key, QPDFObjectHandle value) {
  if (key == "/JS" || key == "/JavaScript") return "JavaScript";
  if (key == "/XFA") return "XFA";
  if (key == "/S" && value.isName()) {
    const std::string action = value.getName();
    if (action == "/JavaScript") return "JavaScript";
    if (action == "/Launch") return "Launch";
  }
  return nullptr;
}

/// The first active entry in `object` or its direct children. Indirect
/// children are not followed: each is an object of the table, inspected on its own.
const char* activeContentIn(const QPDFObjectHandle& object) {
  std::vector<QPDFObjectHandle> pending{object};
  while (!pending.empty()) {
    QPDFObjectHandle current = pending.back();
    pending.pop_back();
    if (current.isStream()) current = current.getDict();
    if (current.isDictionary()) {
      for (auto [key, value] : current.ditems()) {
        if (const char* found = activeEntry(key, value)) return found;
        if (!value.isIndirect()) pending.push_back(value);
      }
    } else if (current.isArray()) {
      for (const auto& item : current.aitems()) {
        if (!item.isIndirect()) pending.push_back(item);
      }
    }
  }
  return nullptr;
}

/// `repaired`: qpdf rebuilt the cross-reference table, which indexes the plain
/// objects only: the objects packed in an object stream that no entry of the
/// table points into would go unseen, while a reader's repair may unpack them.
PdfInspection inspectObjects(QPDF& pdf, bool repaired) {
  const auto table = pdf.getXRefTable();
  if (table.size() > kPdfMaxObjects) throw PdfLimitReached("it has more than 100,000 objects");
  // Objects packed in object streams are parsed from the decoded stream:
  // decode each once under the budget before qpdf does it without one.
  std::set<int> object_streams;
  for (const auto& [id, entry] : table) {
    if (entry.getType() == 2) object_streams.insert(entry.getObjStreamNumber());
  }
  DecodedBytesBudget budget;
  for (const int number : object_streams) {
    QPDFObjectHandle stream = pdf.getObject(number, 0);
    if (stream.isStream()) stream.pipeStreamData(&budget, 0, qpdf_dl_specialized, true);
    if (budget.exceeded()) throw PdfLimitReached("its object streams decode to more than 64 MiB");
  }
  for (QPDFObjectHandle object : pdf.getAllObjects()) {
    if (repaired && object.isStream() && object.getDict().getKey("/Type").isNameAndEquals("/ObjStm") &&
        !object_streams.contains(object.getObjectID())) {
      throw PdfLimitReached("it is damaged, and objects packed in its object streams are lost in the repair");
    }
    if (const char* found = activeContentIn(object)) {
      return {
          PdfInspection::Verdict::kActiveContent, found,
          "object " + std::to_string(object.getObjectID()) + " " + std::to_string(object.getGeneration())};
    }
  }
  if (const char* found = activeContentIn(pdf.getTrailer())) {
    return {PdfInspection::Verdict::kActiveContent, found, "the trailer"};
  }
  return {};
}

PdfInspection unreadable(const std::string& why) { return {PdfInspection::Verdict::kUnreadable, why, ""}; }

}  // namespace

PdfInspection inspectPdf(const std::string& path) {
  try {
    return inspectWithinBudget(path, false);
  } catch (const PdfLimitReached& e) {
    return unreadable(e.what());
  } catch (const std::exception&) {
    // Damaged: repaired below, as a reader would.
  }
  if (!hasPdfObjectHeader(path)) return {};
  try {
    return inspectWithinBudget(path, true);
  } catch (const PdfLimitReached& e) {
    return unreadable(e.what());
  } catch (const QPDFExc& e) {
    if (e.getErrorCode() == qpdf_e_password) return unreadable("it is protected by a password");
    return unreadable("it is damaged beyond repair (" + e.getMessageDetail() + ")");
  } catch (const std::exception& e) {
    return unreadable(std::string("it is damaged beyond repair (") + e.what() + ")");
  }
}

}  // namespace cqpm::documents
