#include "imports/csv_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/error.h"

namespace cqpm::imports {
namespace {

using Fields = std::vector<std::string>;

// The error parseCsv throws for `text`; a test failure if it throws none.
Error parseError(std::string_view text, const CsvLimits& limits = {}) {
  try {
    parseCsv(text, limits);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return Error(ErrorCode::kInternal, "no error");
}

std::size_t lineOf(const Error& error) {
  return error.details() ? error.details()->getValue<std::size_t>("line") : 0;
}

std::vector<std::size_t> linesOf(const CsvTable& table) {
  std::vector<std::size_t> lines;
  for (const CsvRecord& record : table.records) lines.push_back(record.line);
  return lines;
}

TEST(CsvTableTest, ReadsFrenchExcelFileWithByteOrderMarkAndCrlf) {
  const CsvTable table = parseCsv("\xEF\xBB\xBFnom;prénom\r\nDurand;Inès\r\nMartin;Lucas\r\n");
  EXPECT_EQ(table.delimiter, ';');
  EXPECT_EQ(table.header.line, 1u);
  EXPECT_EQ(table.header.fields, (Fields{"nom", "prénom"}));
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.records[0].fields, (Fields{"Durand", "Inès"}));
  EXPECT_EQ(table.records[1].fields, (Fields{"Martin", "Lucas"}));
  EXPECT_EQ(linesOf(table), (std::vector<std::size_t>{2, 3}));
}

TEST(CsvTableTest, ReadsFileWithoutByteOrderMark) {
  const CsvTable table = parseCsv("nom;prénom\nDurand;Inès\n");
  EXPECT_EQ(table.header.fields, (Fields{"nom", "prénom"}));
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, (Fields{"Durand", "Inès"}));
}

TEST(CsvTableTest, DetectsTheDelimiterThatSplitsTheHeaderIntoMoreColumns) {
  struct Case {
    std::string text;
    char delimiter;
    Fields header;
  };
  const std::vector<Case> cases = {
      {"a;b;c\n1;2;3\n", ';', {"a", "b", "c"}},
      {"a,b,c\n1,2,3\n", ',', {"a", "b", "c"}},
      {"a;b,c;d\n", ';', {"a", "b,c", "d"}},
      {"a,b;c,d\n", ',', {"a", "b;c", "d"}},
      {"a;b,c\n", ';', {"a", "b,c"}},                   // a tie: ';'
      {"nom\n", ';', {"nom"}},                          // one column: ';'
      {"\"a;b\",c,d\n", ',', {"a;b", "c", "d"}},        // delimiters inside quotes do not count
      {"\n,,,\n \na,b\n", ',', {"a", "b"}},             // blank lines before the header are skipped
      {"a,b\n1;2;3;4;5\n", ',', {"a", "b"}},            // only the header line decides
      {"\"x\ny\";a;b,c\n", ';', {"x\ny", "a", "b,c"}},  // a quoted line break does not end the header
  };
  for (const Case& c : cases) {
    const CsvTable table = parseCsv(c.text);
    EXPECT_EQ(table.delimiter, c.delimiter) << c.text;
    EXPECT_EQ(table.header.fields, c.header) << c.text;
  }
}

TEST(CsvTableTest, AcceptsCrlfLfAndCrLineEnds) {
  for (const std::string end : {"\r\n", "\n", "\r"}) {
    std::string text;
    for (const std::string_view part : {"a;b", "1;2", "", "3;4"}) text.append(part).append(end);
    const CsvTable table = parseCsv(text);
    EXPECT_EQ(table.header.fields, (Fields{"a", "b"}));
    ASSERT_EQ(table.records.size(), 2u);
    EXPECT_EQ(table.records[1].fields, (Fields{"3", "4"}));
    EXPECT_EQ(linesOf(table), (std::vector<std::size_t>{2, 4}));
  }
}

TEST(CsvTableTest, ReadsTheLastLineWithoutLineEnd) {
  const CsvTable table = parseCsv("a;b\r\n1;2");
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, (Fields{"1", "2"}));
}

TEST(CsvTableTest, UnquotesFieldsHoldingDelimitersQuotesAndLineBreaks) {
  struct Case {
    std::string field;
    std::string value;
  };
  const std::vector<Case> cases = {
      {"\"Durand; fils\"", "Durand; fils"},
      {"\"Dit \"\"le Grand\"\"\"", "Dit \"le Grand\""},
      {"\"\"", ""},
      {"\"\"\"\"", "\""},
      {"\"1 rue\nbâtiment B\"", "1 rue\nbâtiment B"},
      {"\"1 rue\r\nbâtiment B\"", "1 rue\r\nbâtiment B"},
      {"\"a,b\"", "a,b"},
      {"ab\"c", "ab\"c"},  // a quote inside an unquoted field is kept
      {"\"ab\"c", "abc"},  // text after the closing quote is kept
  };
  for (const Case& c : cases) {
    const CsvTable table = parseCsv("a;b;c\nx;" + c.field + ";z\n");
    ASSERT_EQ(table.records.size(), 1u) << c.field;
    EXPECT_EQ(table.records[0].fields, (Fields{"x", c.value, "z"})) << c.field;
  }
}

TEST(CsvTableTest, NumbersRecordsByTheFileLineWhereTheyStart) {
  const CsvTable table = parseCsv("a;b\r\n\"x\r\ny\r\nz\";1\r\n\r\n2;\"3\n4\"\r\n5;6\r\n");
  EXPECT_EQ(linesOf(table), (std::vector<std::size_t>{2, 6, 8}));
  EXPECT_EQ(table.records[0].fields, (Fields{"x\r\ny\r\nz", "1"}));
  EXPECT_EQ(table.records[2].fields, (Fields{"5", "6"}));
}

TEST(CsvTableTest, SkipsBlankLinesAndLinesOfEmptyFields) {
  const CsvTable table =
      parseCsv("\r\n  \r\na;b;c\r\n;;\r\n\r\n1;2;3\r\n \t; ;\r\n\"\";\"\";\r\n4;5;6\r\n\r\n");
  EXPECT_EQ(table.header.line, 3u);
  EXPECT_EQ(linesOf(table), (std::vector<std::size_t>{6, 9}));
}

TEST(CsvTableTest, DropsTrailingEmptyFieldsBeyondTheHeader) {
  const CsvTable table = parseCsv("a;b;;;\r\n1;2;;;;\r\n1;;\r\n;2;;\r\n");
  EXPECT_EQ(table.header.fields, (Fields{"a", "b"}));
  ASSERT_EQ(table.records.size(), 3u);
  EXPECT_EQ(table.records[0].fields, (Fields{"1", "2"}));
  EXPECT_EQ(table.records[1].fields, (Fields{"1", ""}));
  EXPECT_EQ(table.records[2].fields, (Fields{"", "2"}));
}

TEST(CsvTableTest, KeepsNonEmptyExtraFieldsAndShortRecords) {
  const CsvTable table = parseCsv("a;b\n1;2;3;;\n1\n");
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.records[0].fields, (Fields{"1", "2", "3"}));
  EXPECT_EQ(table.records[1].fields, (Fields{"1"}));
}

TEST(CsvTableTest, KeepsFieldsAsWrittenWithoutTrimming) {
  const CsvTable table = parseCsv("a;b\n Durand ;\xC2\xA0Inès\n");
  EXPECT_EQ(table.records[0].fields, (Fields{" Durand ", "\xC2\xA0Inès"}));
}

TEST(CsvTableTest, AcceptsEveryLengthOfUtf8Sequence) {
  const CsvTable table = parseCsv("a\né ü\nŒuvre €\n😀 \xF4\x8F\xBF\xBF\n");
  EXPECT_EQ(table.records.size(), 3u);
}

TEST(CsvTableTest, RefusesWindows1252TextNamingTheLine) {
  const Error error = parseError(
      "nom;prenom\r\nDurand;Ines\r\nMartin;Lucas\r\nLef\xE8vre;L\xE9"
      "a\r\n");
  EXPECT_EQ(error.code(), ErrorCode::kUnprocessable);
  EXPECT_STREQ(error.what(),
               "ligne 4 : le texte n'est pas en UTF-8 (enregistrez le fichier en « CSV UTF-8 »)");
  EXPECT_EQ(lineOf(error), 4u);
}

TEST(CsvTableTest, RefusesEveryMalformedUtf8SequenceAtItsLine) {
  const std::vector<std::string> bad = {
      "\x80",              // a continuation byte alone
      "\xC3",              // cut short at the end of the text
      "\xC3(",             // cut short by an ASCII byte
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong '/', 3 bytes
      "\xED\xA0\x80",      // a UTF-16 surrogate
      "\xF0\x80\x80\xAF",  // overlong '/', 4 bytes
      "\xF4\x90\x80\x80",  // beyond U+10FFFF
      "\xF5\x80\x80\x80",  // never a lead byte
      "\xFF\xFE",          // a UTF-16 byte order mark
  };
  for (const std::string& bytes : bad) {
    const Error error = parseError("a;b\r\n1;2\r\n\"x\r\ny" + bytes + "\";3\r\n");
    EXPECT_EQ(error.code(), ErrorCode::kUnprocessable);
    EXPECT_EQ(lineOf(error), 4u) << "bytes of length " << bytes.size();
  }
}

TEST(CsvTableTest, RefusesInvalidUtf8InTheHeader) {
  const Error error = parseError("\xFF\xFEn\0o\0m\0");
  EXPECT_EQ(lineOf(error), 1u);
}

TEST(CsvTableTest, RefusesAnUnterminatedQuoteNamingTheLineItOpens) {
  const Error error = parseError("a;b\r\n1;2\r\n\"Durand;3\r\n4;5\r\n6;7\r\n");
  EXPECT_EQ(error.code(), ErrorCode::kUnprocessable);
  EXPECT_EQ(lineOf(error), 3u);
  EXPECT_EQ(std::string(error.what()).rfind("ligne 3 : guillemet non fermé", 0), 0u) << error.what();
}

TEST(CsvTableTest, RefusesAFieldLongerThanTheLimit) {
  const CsvLimits limits{.max_records = 10, .max_field_bytes = 10};
  EXPECT_NO_THROW(parseCsv("a;b\n1;" + std::string(10, 'x') + "\n", limits));
  EXPECT_NO_THROW(parseCsv("a;b\n1;\"" + std::string(9, 'x') + "\"\"\"\n", limits));  // 10 once unquoted

  const Error error = parseError("a;b\n1;2\n3;" + std::string(11, 'x') + "\n", limits);
  EXPECT_EQ(error.code(), ErrorCode::kUnprocessable);
  EXPECT_EQ(lineOf(error), 3u);
  EXPECT_STREQ(error.what(), "ligne 3 : un champ dépasse 10 octets");
}

TEST(CsvTableTest, RefusesFieldsOfMoreThanOneThousandBytesByDefault) {
  EXPECT_NO_THROW(parseCsv("a\n" + std::string(1000, 'x') + "\n"));
  const Error error = parseError("a\n" + std::string(1001, 'x') + "\n");
  EXPECT_STREQ(error.what(), "ligne 2 : un champ dépasse 1 000 octets");
}

TEST(CsvTableTest, SuspectsAnUnclosedQuoteWhenAQuotedFieldIsTooLong) {
  const CsvLimits limits{.max_records = 100, .max_field_bytes = 20};
  std::string text = "a;b\n\"1;2\n";
  for (int i = 0; i < 10; ++i) text += "3;4\n";
  text += "5;\"6\"\n";
  const Error error = parseError(text, limits);
  EXPECT_EQ(lineOf(error), 2u);
  EXPECT_NE(std::string(error.what()).find("un guillemet n'est-il pas fermé"), std::string::npos)
      << error.what();
}

TEST(CsvTableTest, RefusesMoreDataRecordsThanTheLimit) {
  const CsvLimits limits{.max_records = 3, .max_field_bytes = 100};
  EXPECT_EQ(parseCsv("a\n1\n\n2\n;\n3\n\n", limits).records.size(), 3u);  // blank lines do not count

  const Error error = parseError("a\n1\n\n2\n3\n4\n5\n", limits);
  EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(lineOf(error), 6u);
  EXPECT_EQ(error.details()->getValue<std::size_t>("max_records"), 3u);
  EXPECT_STREQ(error.what(),
               "ligne 6 : le fichier contient plus de 3 lignes de candidats : découpez-le en "
               "plusieurs fichiers");
}

TEST(CsvTableTest, AcceptsTenThousandDataRecordsByDefaultAndNotOneMore) {
  std::string text = "a;b\r\n";
  for (int i = 0; i < 10'000; ++i) text += "x;y\r\n";
  EXPECT_EQ(parseCsv(text).records.size(), 10'000u);
  const Error error = parseError(text + "x;y\r\n");
  EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(lineOf(error), 10'002u);
  EXPECT_NE(std::string(error.what()).find("plus de 10 000 lignes"), std::string::npos) << error.what();
}

TEST(CsvTableTest, RefusesAFileWithoutHeader) {
  for (const std::string text : {"", "\xEF\xBB\xBF", "\r\n\r\n", ";;;\r\n", "  \n"}) {
    const Error error = parseError(text);
    EXPECT_EQ(error.code(), ErrorCode::kUnprocessable);
    EXPECT_EQ(lineOf(error), 1u);
    EXPECT_STREQ(error.what(),
                 "ligne 1 : le fichier est vide : sa première ligne doit donner le nom des colonnes");
  }
}

TEST(CsvTableTest, ReadsAHeaderOnlyFileAsNoRecords) {
  const CsvTable table = parseCsv(
      "\xEF\xBB\xBF"
      "a;b\r\n");
  EXPECT_EQ(table.header.fields, (Fields{"a", "b"}));
  EXPECT_TRUE(table.records.empty());
}

}  // namespace
}  // namespace cqpm::imports
