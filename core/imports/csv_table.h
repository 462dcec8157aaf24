#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// CSV as French Excel writes it ("CSV UTF-8 (délimité par des points-virgules)"), read into rows of
// text fields. It knows nothing of what the columns mean: see candidate_rows.h.

namespace cqpm::imports {

/// Bounds of one CSV upload. The defaults are those of the candidate import.
struct CsvLimits {
  /// Data records (the header and blank lines not counted) a file may hold.
  std::size_t max_records = 10'000;
  /// Bytes a field may hold once unquoted.
  std::size_t max_field_bytes = 1'000;
};

/// One record of the file: its fields, unquoted, as written (not trimmed).
struct CsvRecord {
  /// The 1-based line of the file where the record starts; a quoted field holding line breaks makes
  /// the next record start further down. The header is normally line 1.
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// A parsed CSV file.
struct CsvTable {
  /// The delimiter detected from the header line: ';' or ','.
  char delimiter = ';';
  /// The first non-blank record, without its trailing empty fields; never empty.
  CsvRecord header;
  /// The data records in file order, blank ones left out. A record may have fewer fields than the
  /// header (the missing ones are absent, not empty strings) or more: empty fields beyond the
  /// header's width are dropped (Excel writes ";;;" for formatted empty columns), non-empty ones kept.
  std::vector<CsvRecord> records;
};

/// Parses `text` as French Excel writes CSV:
///  - UTF-8, with or without a byte order mark (dropped);
///  - delimiter ';' or ',', whichever splits the first non-blank line into more columns, outside
///    quotes (';' on a tie);
///  - RFC 4180 quoting: a field starting with '"' may hold the delimiter, line breaks and doubled
///    quotes ("" for "); leniently, a quote inside an unquoted field, or text after a closing quote,
///    is kept as written, as Excel itself reads them;
///  - records end with CRLF, LF or CR (each counts as one line end); a record whose fields are all
///    empty or spaces (a blank line, ";;;;") is left out; the last line end is optional.
///
/// Throws Error whose message is French, for the centre's staff, names the line (« ligne 4 : … »)
/// and whose details hold {"line": N}, checked in file order, stopping at the first:
///  - kUnprocessable: a byte sequence that is not UTF-8 (a Windows-1252 file from an older Excel is
///    reported, not transcoded), at the line holding it;
///  - kUnprocessable: a quoted field not closed before the end of the file, at the line it opens;
///  - kUnprocessable: a field longer than `limits.max_field_bytes`, at the line it starts;
///  - kPayloadTooLarge: more than `limits.max_records` data records, at the first one too many
///    (details also hold {"max_records": N});
///  - kUnprocessable: no header (the text is empty or blank), at line 1.
/// Pure: reads only `text`, which it does not retain. Thread-safe.
CsvTable parseCsv(std::string_view text, const CsvLimits& limits = {});

}  // namespace cqpm::imports
