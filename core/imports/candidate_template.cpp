#include "imports/candidate_template.h"

#include "imports/candidate_rows.h"

namespace cqpm::imports {
namespace {

constexpr std::string_view kExampleLine =
    "Lefèvre;Léa;14/03/1998;lea.lefevre@exemple.fr;qualite;salarie;123 456 789 00015;F;69123";

}  // namespace

std::string candidateTemplateCsv() {
  std::string text = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < kCandidateColumns.size(); ++i) {
    if (i > 0) text += ';';
    text += kCandidateColumns[i];
  }
  text += "\r\n";
  text += kExampleLine;
  text += "\r\n";
  return text;
}

}  // namespace cqpm::imports
