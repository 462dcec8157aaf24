#pragma once

#include <string>
#include <vector>

namespace cqpm::certificates {

/// One line of a jury session's results export. Every field is UTF-8 text as it should appear.
struct ResultRow {
  std::string family_name, given_name, birth_date, cqpm_number, cqpm_title, outcome_fr,
      blocs /* "BDC0208, BDC0209" */, referential_version, decided_at, verification_code;
};

/// CSV that opens correctly in French Excel (common/french_csv.h), header row in French. Pure.
std::string renderResultsCsv(const std::vector<ResultRow>& rows);

}  // namespace cqpm::certificates
