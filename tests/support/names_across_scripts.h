#pragma once

// People's names in the scripts of those the branch certifies, each as written (NFC) and as
// someone types it on a French keyboard without the diacritics: the names issue 17 is about.
// Shared by the PDF, search, carry-over, CSV and e-mail tests.

#include <string>
#include <vector>

namespace cqpm::testing {

struct NameAcrossScripts {
  std::string script;
  std::string given_name;
  std::string family_name;
  std::string typed_plainly;  // a search a person types for this family name, without diacritics
};

inline const std::vector<NameAcrossScripts>& namesAcrossScripts() {
  static const std::vector<NameAcrossScripts> names = {
      {"Vietnamese, Polish, Romanian", "Văn Đức", "Nguyễn-Łukasiewicz Ţurcanu", "nguyen-lukasiewicz turcanu"},
      {"Vietnamese", "Thị Hương", "Trần", "TRAN"},
      {"Polish", "Łucja", "Żółkiewska", "zolkiewska"},
      {"Romanian (comma below)", "Ștefan", "Țăranu", "taranu"},
      {"Turkish", "İsmail", "Işık Çağlayan", "isik caglayan"},
      {"German", "Jürgen", "Größmann", "grossmann"},
      {"French", "Hélène", "Dupré-Lœuvre", "dupre-loeuvre"},
      {"Greek", "Νικόλαος", "Παπαδόπουλος", "παπαδοπουλος"},
      {"Cyrillic", "Дмитрий", "Щукин", "щукин"},
      {"Hebrew (right to left)", "מרים", "כהן", "כהן"},
      {"Arabic (right to left)", "محمد", "العربي", "العربي"},
  };
  return names;
}

}  // namespace cqpm::testing
