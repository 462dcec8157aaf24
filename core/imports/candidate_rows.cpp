#include "imports/candidate_rows.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <unordered_map>
#include <utility>

#include "common/siret.h"
#include "common/unicode_text.h"
#include "domain/civil_status.h"

namespace cqpm::imports {
namespace {

using domain::Pathway;

constexpr std::size_t kMaxNameCharacters = 100;
constexpr std::size_t kMaxEmailBytes = 254;
constexpr std::size_t kQuotedValueCharacters = 40;
constexpr std::size_t kWholeLine = std::numeric_limits<std::size_t>::max();

// The code point at text[pos], moving pos past it. A byte that does not start a well-formed sequence
// is returned as U+FFFD and skipped alone (csv_table has already refused such text).
char32_t decodeUtf8(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || text.size() - pos < length) {
    ++pos;
    return 0xFFFD;
  }
  char32_t code_point = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  pos += length;
  return code_point;
}

bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F; }

// Case, diacritics and scripts folded by ICU, as the name search folds them (common/unicode_text.h);
// typographic apostrophes as '; runs of spaces as one space, none at either end.
std::string foldText(std::string_view text) {
  const std::string by_icu = foldedForSearch(text);
  const std::string_view source = by_icu;
  std::string folded;
  folded.reserve(source.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < source.size();) {
    const std::size_t start = pos;
    const char32_t c = decodeUtf8(source, pos);
    if (isSpace(c)) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space) folded.push_back(' ');
    pending_space = false;
    if (c == 0x2019 || c == 0x2018 || c == 0x2BC) {
      folded.push_back('\'');
    } else {
      folded.append(source.substr(start, pos - start));
    }
  }
  return folded;
}

// foldText keeping only a-z and 0-9: « Date de naissance » and "date_naissance" differ only by "de".
std::string foldKey(std::string_view text) {
  std::string key = foldText(text);
  std::erase_if(key, [](char c) { return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')); });
  return key;
}

std::string_view trim(std::string_view text) {
  while (true) {
    if (text.starts_with(' ') || text.starts_with('\t')) {
      text.remove_prefix(1);
    } else if (text.starts_with("\xC2\xA0")) {
      text.remove_prefix(2);
    } else if (text.starts_with("\xE2\x80\xAF")) {
      text.remove_prefix(3);
    } else {
      break;
    }
  }
  while (true) {
    if (text.ends_with(' ') || text.ends_with('\t')) {
      text.remove_suffix(1);
    } else if (text.ends_with("\xC2\xA0")) {
      text.remove_suffix(2);
    } else if (text.ends_with("\xE2\x80\xAF")) {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  return text;
}

std::size_t characterCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// C0 controls (tab, line breaks...), DEL, C1 controls.
bool hasControlCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
  }
  return false;
}

// « value », cut to a readable length.
std::string inFrenchQuotes(std::string_view value) {
  std::size_t end = 0;
  std::size_t characters = 0;
  while (end < value.size() && characters < kQuotedValueCharacters) {
    decodeUtf8(value, end);
    ++characters;
  }
  std::string text = "« ";
  text.append(value.substr(0, end));
  if (end < value.size()) text.append("…");
  return text + " »";
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

enum Column : std::size_t {
  kNom,
  kPrenom,
  kDateNaissance,
  kEmail,
  kCqpm,
  kParcours,
  kSiret,
  kSexe,
  kCodeInsee,
  kColumnCount
};

// Folded header name (canonical or alias) -> column.
const std::unordered_map<std::string, Column>& columnsByKey() {
  static const std::unordered_map<std::string, Column> kColumns = [] {
    const std::pair<Column, std::string_view> aliases[] = {
        {kNom, "nom de famille"},
        {kNom, "family_name"},
        {kPrenom, "given_name"},
        {kDateNaissance, "date de naissance"},
        {kDateNaissance, "birth_date"},
        {kEmail, "courriel"},
        {kEmail, "adresse e-mail"},
        {kParcours, "pathway"},
        {kSiret, "siret"},
        {kSiret, "siret de l'entreprise"},
        {kSexe, "sex"},
        {kCodeInsee, "birth_insee_code"},
        {kCodeInsee, "code insee"},
        {kCodeInsee, "code insee du lieu de naissance"},
    };
    std::unordered_map<std::string, Column> columns;
    for (std::size_t c = 0; c < kColumnCount; ++c) columns.emplace(foldKey(kCandidateColumns[c]), Column(c));
    for (const auto& [column, alias] : aliases) columns.emplace(foldKey(alias), column);
    return columns;
  }();
  return kColumns;
}

// Which field of a record holds each column, and the header's names as written (trimmed).
struct HeaderLayout {
  std::array<std::optional<std::size_t>, kColumnCount> position;
  std::vector<std::string> names;
};

HeaderLayout readHeader(const CsvRecord& header, std::vector<ImportError>& errors) {
  HeaderLayout layout;
  const std::string expected = joined({kCandidateColumns.begin(), kCandidateColumns.end()});
  const auto& columns = columnsByKey();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name(trim(header.fields[i]));
    layout.names.push_back(name);
    if (name.empty()) {
      errors.push_back({header.line, "", "la colonne " + std::to_string(i + 1) + " n'a pas de nom"});
      continue;
    }
    const auto found = columns.find(foldKey(name));
    if (found == columns.end()) {
      errors.push_back(
          {header.line, name,
           "colonne inconnue " + inFrenchQuotes(name) + " (colonnes attendues : " + expected + ")"});
    } else if (const auto& earlier = layout.position[found->second]) {
      errors.push_back({header.line, name,
                        "la colonne " + inFrenchQuotes(name) + " est en double (déjà colonne " +
                            std::to_string(*earlier + 1) + ", " + inFrenchQuotes(layout.names[*earlier]) +
                            ")"});
    } else {
      layout.position[found->second] = i;
    }
  }
  for (std::size_t c = 0; c < kRequiredCandidateColumns; ++c) {
    if (!layout.position[c]) {
      const std::string name(kCandidateColumns[c]);
      errors.push_back({header.line, name, "colonne obligatoire absente : " + inFrenchQuotes(name)});
    }
  }
  return layout;
}

struct Lookups {
  std::unordered_map<std::string, std::string> cqpm_by_key;  // folded id or alias -> id
  std::string cqpm_list;                                     // "maintenance-industrielle, qualite"
  std::unordered_map<std::string, std::string> company_by_siret;
};

Lookups prepareLookups(const CandidateImportContext& context) {
  Lookups lookups;
  std::vector<std::string> ids(context.cqpm_ids.begin(), context.cqpm_ids.end());
  lookups.cqpm_list = joined(ids);
  for (const std::string& id : ids) lookups.cqpm_by_key.emplace(foldKey(id), id);
  for (const auto& [alias, id] : context.cqpm_aliases) {
    if (context.cqpm_ids.contains(id)) lookups.cqpm_by_key.emplace(foldKey(alias), id);
  }
  for (const auto& [siret, company] : context.companies) {
    if (auto digits = normaliseSiret(siret)) lookups.company_by_siret.emplace(std::move(*digits), company);
  }
  return lookups;
}

std::string checkName(std::string_view value, std::string_view label) {
  const std::string subject = "le " + std::string(label);
  if (value.empty()) return subject + " est obligatoire";
  if (hasControlCharacter(value)) {
    return subject + " contient un caractère de contrôle (tabulation, saut de ligne...)";
  }
  if (const std::size_t count = characterCount(value); count > kMaxNameCharacters) {
    return subject + " dépasse " + std::to_string(kMaxNameCharacters) + " caractères (" +
           std::to_string(count) + ")";
  }
  return {};
}

// Digits only, at most `max` of them and at least one.
std::optional<unsigned> smallNumber(std::string_view text, std::size_t min_digits, std::size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits) return std::nullopt;
  unsigned value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value;
}

std::string isoDate(std::chrono::year_month_day date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

std::string frenchDate(std::chrono::year_month_day date) {
  char text[16];
  std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return text;
}

std::string checkBirthDate(std::string_view value, std::chrono::year_month_day today, std::string& iso) {
  if (value.empty()) return "la date de naissance est obligatoire";
  const std::size_t first = value.find('/');
  const std::size_t second = first == std::string_view::npos ? first : value.find('/', first + 1);
  std::optional<unsigned> day, month, year;
  if (second != std::string_view::npos) {
    day = smallNumber(value.substr(0, first), 1, 2);
    month = smallNumber(value.substr(first + 1, second - first - 1), 1, 2);
    year = smallNumber(value.substr(second + 1), 4, 4);
  }
  if (!day || !month || !year) {
    return "date de naissance " + inFrenchQuotes(value) + " : attendu jj/mm/aaaa, par exemple 28/02/1994";
  }
  const std::chrono::year_month_day birth{std::chrono::year(static_cast<int>(*year)),
                                          std::chrono::month(*month), std::chrono::day(*day)};
  if (!birth.ok()) return "la date de naissance " + inFrenchQuotes(value) + " n'existe pas";
  if (birth > today) return "la date de naissance " + inFrenchQuotes(value) + " est dans le futur";
  int age = static_cast<int>(today.year()) - static_cast<int>(birth.year());
  if (std::pair{today.month(), today.day()} < std::pair{birth.month(), birth.day()}) --age;
  if (age < kMinimumCandidateAge || age > kMaximumCandidateAge) {
    return "âge hors limites : " + std::to_string(age) + " ans au " + frenchDate(today) +
           ", il faut avoir de " + std::to_string(kMinimumCandidateAge) + " à " +
           std::to_string(kMaximumCandidateAge) + " ans";
  }
  iso = isoDate(birth);
  return {};
}

std::string checkEmail(std::string_view value) {
  if (value.empty()) return "l'adresse e-mail est obligatoire";
  if (value.size() > kMaxEmailBytes) {
    return "l'adresse e-mail dépasse " + std::to_string(kMaxEmailBytes) + " caractères";
  }
  const std::string subject = "l'adresse e-mail " + inFrenchQuotes(value);
  if (hasControlCharacter(value) || value.find(' ') != std::string_view::npos ||
      value.find("\xC2\xA0") != std::string_view::npos ||
      value.find("\xE2\x80\xAF") != std::string_view::npos) {
    return subject + " contient un espace ou un caractère de contrôle";
  }
  const std::size_t at = value.find('@');
  if (at == std::string_view::npos || value.find('@', at + 1) != std::string_view::npos) {
    return subject + " doit contenir un seul @";
  }
  if (at == 0) return subject + " n'a rien avant le @";
  const std::string_view domain = value.substr(at + 1);
  const std::size_t dot = domain.find('.');
  if (dot == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return subject + " n'a pas de domaine valide après le @ (par exemple entreprise.fr)";
  }
  return {};
}

std::string checkCqpm(std::string_view value, const Lookups& lookups, std::string& id) {
  if (value.empty()) return "le CQPM est obligatoire";
  const auto found = lookups.cqpm_by_key.find(foldKey(value));
  if (found == lookups.cqpm_by_key.end()) {
    return "CQPM " + inFrenchQuotes(value) + " inconnu de ce centre (CQPM possibles : " + lookups.cqpm_list +
           ")";
  }
  id = found->second;
  return {};
}

std::string checkPathway(std::string_view value, std::optional<Pathway>& pathway) {
  static const std::unordered_map<std::string, Pathway> kPathways = {
      {"salarie", Pathway::kEmployee},
      {"salariee", Pathway::kEmployee},
      {"employee", Pathway::kEmployee},
      {"vae", Pathway::kVae},
      {"demandeuremploi", Pathway::kJobSeeker},
      {"demandeurdemploi", Pathway::kJobSeeker},
      {"jobseeker", Pathway::kJobSeeker},
      {"autre", Pathway::kOther},
      {"other", Pathway::kOther},
  };
  if (value.empty()) return "le parcours est obligatoire";
  const auto found = kPathways.find(foldKey(value));
  if (found == kPathways.end()) {
    return "parcours " + inFrenchQuotes(value) +
           " inconnu (parcours possibles : salarie, vae, demandeur_emploi, autre)";
  }
  pathway = found->second;
  return {};
}

// Optional: empty leaves it unrecorded. F or M, or the word written out.
std::string checkSex(std::string_view value, std::string& sex) {
  static const std::unordered_map<std::string, std::string> kSexes = {
      {"f", "F"}, {"m", "M"}, {"feminin", "F"}, {"masculin", "M"}, {"femme", "F"}, {"homme", "M"}};
  if (value.empty()) return {};
  const auto found = kSexes.find(foldKey(value));
  if (found == kSexes.end()) return "sexe " + inFrenchQuotes(value) + " : attendu F ou M (état civil)";
  sex = found->second;
  return {};
}

// Optional: empty leaves it unrecorded. Corsica's letters may be typed in lower case.
std::string checkBirthInseeCode(std::string_view value, std::string& code) {
  if (value.empty()) return {};
  std::string upper(value);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!domain::isBirthInseeCode(upper)) {
    return "code INSEE " + inFrenchQuotes(value) +
           " : attendu les 5 caractères de la commune de naissance (69123, 2A004), ou 99 suivi du code du "
           "pays pour une naissance à l'étranger (99350)";
  }
  code = std::move(upper);
  return {};
}

// 35600000000048 -> "356 000 000 00048"
std::string groupedSiret(const std::string& digits) {
  return digits.substr(0, 3) + " " + digits.substr(3, 3) + " " + digits.substr(6, 3) + " " + digits.substr(9);
}

// `pathway` is nullopt when the line's parcours is unknown: the SIRET is then checked only if given.
std::string checkSiret(std::string_view value, std::optional<Pathway> pathway, const Lookups& lookups,
                       CandidateRow& row) {
  if (pathway == Pathway::kVae) {
    return value.empty() ? std::string() : "le SIRET doit rester vide pour un parcours VAE";
  }
  if (value.empty()) {
    return pathway ? "le SIRET de l'entreprise est obligatoire, sauf pour un parcours VAE" : std::string();
  }
  if (value.find("E+") != std::string_view::npos || value.find("e+") != std::string_view::npos) {
    return "le SIRET " + inFrenchQuotes(value) +
           " a été converti en nombre par Excel : mettez la colonne au format Texte et saisissez à nouveau "
           "les 14 chiffres";
  }
  const std::optional<std::string> digits = normaliseSiret(value);
  if (!digits) return "le SIRET " + inFrenchQuotes(value) + " doit compter 14 chiffres";
  if (!isValidSiret(*digits))
    return "le SIRET " + inFrenchQuotes(value) + " n'est pas valide (faute de frappe ?)";
  const auto company = lookups.company_by_siret.find(*digits);
  if (company == lookups.company_by_siret.end()) {
    return "entreprise inconnue de ce centre (SIRET " + groupedSiret(*digits) + ")";
  }
  row.siret = *digits;
  row.company_id = company->second;
  return {};
}

struct Problem {
  std::size_t position;  // the field at fault, kWholeLine for the whole line
  std::string message;
};

class LineValidator {
 public:
  LineValidator(const CsvTable& table, const HeaderLayout& layout, const CandidateImportContext& context)
      : table_(table), layout_(layout), context_(context), lookups_(prepareLookups(context)) {}

  void validate(const CsvRecord& record, CandidateRows& out) {
    problems_.clear();
    CandidateRow row;
    row.line = record.line;
    const auto cell = [&](Column column) -> std::optional<std::string_view> {
      const auto& position = layout_.position[column];
      if (!position) return std::nullopt;
      if (*position >= record.fields.size()) return std::string_view();
      return trim(record.fields[*position]);
    };
    const auto check = [&](Column column, std::string problem) {
      if (problem.empty()) return true;
      problems_.push_back({*layout_.position[column], std::move(problem)});
      return false;
    };

    bool identified = true;  // nom, prenom, date_naissance and cqpm all valid: duplicates can be told
    if (const auto value = cell(kNom); value && check(kNom, checkName(*value, "nom"))) {
      row.candidate.family_name = toNfc(*value);
    } else {
      identified = false;
    }
    if (const auto value = cell(kPrenom); value && check(kPrenom, checkName(*value, "prénom"))) {
      row.candidate.given_name = toNfc(*value);
    } else {
      identified = false;
    }
    if (const auto value = cell(kDateNaissance)) {
      identified = check(kDateNaissance, checkBirthDate(*value, context_.today, row.candidate.birth_date)) &&
                   identified;
    } else {
      identified = false;
    }
    if (const auto value = cell(kEmail); value && check(kEmail, checkEmail(*value))) {
      row.candidate.email = *value;
    }
    if (const auto value = cell(kCqpm)) {
      identified = check(kCqpm, checkCqpm(*value, lookups_, row.cqpm)) && identified;
    } else {
      identified = false;
    }
    std::optional<Pathway> pathway;
    if (const auto value = cell(kParcours)) check(kParcours, checkPathway(*value, pathway));
    if (const auto value = cell(kSiret)) check(kSiret, checkSiret(*value, pathway, lookups_, row));
    if (const auto value = cell(kSexe)) check(kSexe, checkSex(*value, row.candidate.sex));
    if (const auto value = cell(kCodeInsee))
      check(kCodeInsee, checkBirthInseeCode(*value, row.candidate.birth_insee_code));

    if (record.fields.size() > table_.header.fields.size()) {
      problems_.push_back({kWholeLine, "la ligne a " + std::to_string(record.fields.size()) +
                                           " champs mais l'en-tête n'a que " +
                                           std::to_string(table_.header.fields.size()) +
                                           " colonnes (une valeur qui contient « " + table_.delimiter +
                                           " » doit être entre guillemets)"});
    }
    if (identified) checkDuplicate(row);

    const bool complete =
        std::all_of(layout_.position.begin(), layout_.position.begin() + kRequiredCandidateColumns,
                    [](const auto& position) { return position.has_value(); });
    if (problems_.empty() && complete) {
      row.pathway = *pathway;
      out.rows.push_back(std::move(row));
      return;
    }
    std::stable_sort(problems_.begin(), problems_.end(),
                     [](const Problem& a, const Problem& b) { return a.position < b.position; });
    for (Problem& problem : problems_) {
      std::string column = problem.position == kWholeLine ? std::string() : layout_.names[problem.position];
      out.errors.push_back({record.line, std::move(column), std::move(problem.message)});
    }
  }

 private:
  void checkDuplicate(const CandidateRow& row) {
    std::string key = foldText(row.candidate.family_name);
    key += '\x1F';
    key += foldText(row.candidate.given_name);
    key += '\x1F';
    key += row.candidate.birth_date;
    key += '\x1F';
    key += row.cqpm;
    const auto [earlier, inserted] = first_line_.emplace(std::move(key), row.line);
    if (!inserted) {
      problems_.push_back({kWholeLine, "ce candidat figure déjà ligne " + std::to_string(earlier->second) +
                                           " (mêmes nom, prénom, date de naissance et CQPM)"});
    }
  }

  const CsvTable& table_;
  const HeaderLayout& layout_;
  const CandidateImportContext& context_;
  const Lookups lookups_;
  std::vector<Problem> problems_;
  std::unordered_map<std::string, std::size_t> first_line_;  // identity -> first line holding it
};

}  // namespace

CandidateRows validateCandidateRows(const CsvTable& table, const CandidateImportContext& context) {
  CandidateRows result;
  const HeaderLayout layout = readHeader(table.header, result.errors);
  LineValidator validator(table, layout, context);
  result.rows.reserve(table.records.size());
  for (const CsvRecord& record : table.records) validator.validate(record, result);
  return result;
}

}  // namespace cqpm::imports
