#include "imports/csv_table.h"

#include <Poco/JSON/Object.h>

#include <algorithm>

#include "common/error.h"

namespace cqpm::imports {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Length of the UTF-8 sequence starting at text[pos] (a byte >= 0x80), or 0 when it is not UTF-8: a
// stray continuation byte, an overlong form, a surrogate, beyond U+10FFFF, or cut short.
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
  } else {
    return 0;
  }
  if (text.size() - pos < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return 0;
  }
  const auto second = static_cast<unsigned char>(text[pos + 1]);
  if (lead == 0xE0 && second < 0xA0) return 0;  // overlong
  if (lead == 0xED && second > 0x9F) return 0;  // UTF-16 surrogate
  if (lead == 0xF0 && second < 0x90) return 0;  // overlong
  if (lead == 0xF4 && second > 0x8F) return 0;  // beyond U+10FFFF
  return length;
}

// 10000 -> "10 000", as French writes numbers.
std::string frenchNumber(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text.push_back(' ');
    text.push_back(digits[i]);
  }
  return text;
}

[[noreturn]] void fail(ErrorCode code, std::size_t line, const std::string& what,
                       Poco::JSON::Object::Ptr details = new Poco::JSON::Object) {
  details->set("line", line);
  throw Error(code, "ligne " + std::to_string(line) + " : " + what, {}, details);
}

// The delimiter that splits the first non-blank line (outside quotes) into more columns; ';' on a
// tie. A line holding only spaces and delimiters is blank.
char detectDelimiter(std::string_view text) {
  std::size_t semicolons = 0;
  std::size_t commas = 0;
  bool in_quotes = false;
  bool content = false;
  for (char c : text) {
    if (c == '"') {
      in_quotes = !in_quotes;
      content = true;
    } else if (in_quotes) {
      continue;
    } else if (c == ';') {
      ++semicolons;
    } else if (c == ',') {
      ++commas;
    } else if (c == '\r' || c == '\n') {
      if (content) break;
      semicolons = commas = 0;
    } else if (c != ' ' && c != '\t') {
      content = true;
    }
  }
  return commas > semicolons ? ',' : ';';
}

bool isBlank(const CsvRecord& record) {
  return std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& field) {
    return field.find_first_not_of(" \t") == std::string::npos;
  });
}

void dropTrailingEmptyFields(CsvRecord& record, std::size_t keep) {
  while (record.fields.size() > keep && record.fields.back().empty()) record.fields.pop_back();
}

// Reads records one after the other, validating UTF-8 and counting lines as it goes.
class RecordReader {
 public:
  RecordReader(std::string_view text, char delimiter, std::size_t max_field_bytes)
      : text_(text), delimiter_(delimiter), max_field_bytes_(max_field_bytes) {}

  // Reads the next record into `record` (its previous fields are cleared); false at the end.
  bool next(CsvRecord& record) {
    if (pos_ >= text_.size()) return false;
    record.line = line_;
    record.fields.clear();
    while (true) {
      std::string& field = record.fields.emplace_back();
      const std::size_t field_line = line_;
      const bool quoted = pos_ < text_.size() && text_[pos_] == '"';
      if (quoted) {
        ++pos_;
        readQuoted(field, field_line);
      }
      readUnquoted(field);
      if (field.size() > max_field_bytes_) {
        fail(ErrorCode::kUnprocessable, field_line,
             quoted ? "le champ entre guillemets qui commence à cette ligne dépasse " +
                          frenchNumber(max_field_bytes_) + " octets (un guillemet n'est-il pas fermé ?)"
                    : "un champ dépasse " + frenchNumber(max_field_bytes_) + " octets");
      }
      if (pos_ >= text_.size()) return true;
      if (text_[pos_] == delimiter_) {
        ++pos_;
        continue;
      }
      skipLineEnd();
      return true;
    }
  }

 private:
  // From just after an opening quote to just after its closing quote.
  void readQuoted(std::string& field, std::size_t field_line) {
    std::size_t start = pos_;
    while (true) {
      if (pos_ >= text_.size()) {
        fail(ErrorCode::kUnprocessable, field_line,
             "guillemet non fermé : le champ entre guillemets qui commence à cette ligne ne se termine "
             "pas");
      }
      const char c = text_[pos_];
      if (c == '"') {
        field.append(text_, start, pos_ - start);
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field.push_back('"');
          pos_ += 2;
          start = pos_;
          continue;
        }
        ++pos_;
        return;
      }
      if (c == '\r' || c == '\n') {
        skipLineEnd();
      } else {
        skipCharacter();
      }
    }
  }

  // Up to the next delimiter or line end, or the end of the text.
  void readUnquoted(std::string& field) {
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == delimiter_ || c == '\r' || c == '\n') break;
      skipCharacter();
    }
    field.append(text_, start, pos_ - start);
  }

  void skipCharacter() {
    if (static_cast<unsigned char>(text_[pos_]) < 0x80) {
      ++pos_;
      return;
    }
    const std::size_t length = utf8SequenceLength(text_, pos_);
    if (length == 0) {
      fail(ErrorCode::kUnprocessable, line_,
           "le texte n'est pas en UTF-8 (enregistrez le fichier en « CSV UTF-8 »)");
    }
    pos_ += length;
  }

  // CRLF, LF or CR: one line end.
  void skipLineEnd() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  std::string_view text_;
  char delimiter_;
  std::size_t max_field_bytes_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

}  // namespace

CsvTable parseCsv(std::string_view text, const CsvLimits& limits) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  CsvTable table;
  table.delimiter = detectDelimiter(text);
  RecordReader reader(text, table.delimiter, limits.max_field_bytes);
  CsvRecord record;
  bool has_header = false;
  while (reader.next(record)) {
    if (isBlank(record)) continue;
    if (!has_header) {
      dropTrailingEmptyFields(record, 0);
      table.header = std::move(record);
      has_header = true;
      continue;
    }
    dropTrailingEmptyFields(record, table.header.fields.size());
    if (table.records.size() == limits.max_records) {
      Poco::JSON::Object::Ptr details = new Poco::JSON::Object;
      details->set("max_records", limits.max_records);
      fail(ErrorCode::kPayloadTooLarge, record.line,
           "le fichier contient plus de " + frenchNumber(limits.max_records) +
               " lignes de candidats : découpez-le en plusieurs fichiers",
           details);
    }
    table.records.push_back(std::move(record));
  }
  if (!has_header) {
    fail(ErrorCode::kUnprocessable, 1,
         "le fichier est vide : sa première ligne doit donner le nom des colonnes");
  }
  return table;
}

}  // namespace cqpm::imports
