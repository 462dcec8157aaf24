// The CSV import of candidates: parseCsv() on an uploaded file, then
// validateCandidateRows() of the table against a centre with two CQPMs and
// one company, as the import service does before anything is written.

#include <chrono>

#include "fuzz_support.h"
#include "imports/candidate_rows.h"
#include "imports/csv_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cqpm::imports::CandidateImportContext context = [] {
    cqpm::imports::CandidateImportContext made;
    made.today =
        std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{15}};
    made.cqpm_ids = {"qualite", "maintenance-industrielle"};
    made.cqpm_aliases = {{"Animateur qualité", "qualite"}, {"MQ 2019 03 69 0341", "qualite"}};
    made.companies = {{"35600000000048", "company-1"}};
    return made;
  }();
  const std::string text = cqpm::fuzz::asText(data, size);
  cqpm::fuzz::expectRefusals([&] {
    // Small limits as well, so that the record and field caps are reached.
    const auto table =
        cqpm::imports::parseCsv(text, cqpm::imports::CsvLimits{.max_records = 200, .max_field_bytes = 300});
    cqpm::imports::validateCandidateRows(table, context);
  });
  return 0;
}
