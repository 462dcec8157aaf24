#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/candidate_file.h"
#include "imports/csv_table.h"

// The candidate import's columns and the validation of each data line of the file into a typed
// record, or into errors that name the line and the column.

namespace cqpm::imports {

/// The columns of the candidate import, in the template's order, by their canonical names: the
/// first kRequiredCandidateColumns must be in the file; the others (the civil status the Caisse des
/// Dépôts matches a holder on, accrochage/) may be left out, or left empty on a line.
inline constexpr std::array<std::string_view, 9> kCandidateColumns = {"nom",
                                                                      "prenom",
                                                                      "date_naissance",
                                                                      "email",
                                                                      "cqpm",
                                                                      "parcours",
                                                                      "siret_entreprise",
                                                                      "sexe",
                                                                      "code_insee_naissance"};
inline constexpr std::size_t kRequiredCandidateColumns = 7;

/// The ages, in whole years on the day of the import, a candidate may have (both included).
inline constexpr int kMinimumCandidateAge = 15;
inline constexpr int kMaximumCandidateAge = 80;

/// What the lines are checked against, supplied by the caller for the importing centre.
struct CandidateImportContext {
  /// The day of the import (in Europe/Paris): ages are computed at it.
  std::chrono::year_month_day today;
  /// The ids of the CQPMs the centre may register candidates for ("qualite", ...).
  std::set<std::string> cqpm_ids;
  /// Other spellings of a CQPM that a file may use instead of its id (its title, its official code)
  /// -> its id. Aliases of an id outside `cqpm_ids` are refused like unknown names.
  std::map<std::string, std::string> cqpm_aliases;
  /// The centre's companies: SIRET -> company id. Keys are normalised with normaliseSiret (so
  /// "356 000 000 00048" works too); a key that does not normalise never matches.
  std::map<std::string, std::string> companies;
};

/// One valid data line, ready to open a candidate file.
struct CandidateRow {
  /// The line of the file where the record starts.
  std::size_t line = 0;
  /// Names and e-mail trimmed, as written otherwise; birth_date as YYYY-MM-DD.
  domain::Candidate candidate;
  /// The CQPM id (an element of CandidateImportContext::cqpm_ids).
  std::string cqpm;
  domain::Pathway pathway = domain::Pathway::kEmployee;
  /// The company of the SIRET; absent exactly for VAE.
  std::optional<std::string> company_id;
  /// The SIRET's 14 digits; absent exactly for VAE.
  std::optional<std::string> siret;
};

/// One thing wrong with the file, for the centre's staff.
struct ImportError {
  /// The line of the file (1 for the header).
  std::size_t line = 0;
  /// The column at fault as the file's header names it (trimmed); the canonical name for a missing
  /// column; empty when the whole line is at fault (a duplicate, too many fields).
  std::string column;
  /// In French, without the line or column: « la date de naissance « 31/02/1990 » n'existe pas ».
  std::string message;
};

/// The outcome of validating a whole file.
struct CandidateRows {
  /// The lines without any error, in file order.
  std::vector<CandidateRow> rows;
  /// Every error of every line: by line, then in the header's column order, line-wide errors last.
  std::vector<ImportError> errors;
};

/// Validates every data record of `table` against the columns below and `context`, reporting every
/// error of every line (it never stops at the first). A line is either in `rows` or has at least one
/// error. Pure (reads its arguments only), thread-safe; 10,000 lines take 15-30 ms on our 2-vCPU
/// VM, parsing included (bench_import_validation).
///
/// Header (errors on the header's line, normally 1): names are matched ignoring case, accents,
/// spaces, underscores, hyphens and apostrophes (« Date de naissance » = « date_naissance »), under
/// the canonical name or an alias below. Every column is required, in any order: each one missing is
/// an error « colonne obligatoire absente », each unknown or unnamed one an error naming it, a column
/// given twice an error. The lines are still checked for the columns that were recognised.
///
/// Columns (header name, then aliases), and what each cell must hold; cells are first trimmed of
/// spaces and no-break spaces:
/// - `nom` (« nom de famille », `family_name`): the family name. Required, at most 100 characters, no
///   control character (tab, line break inside quotes...).
/// - `prenom` (`given_name`): the given name. The same rules.
/// - `date_naissance` (« date de naissance », `birth_date`): required, `jj/mm/aaaa` or `j/m/aaaa`, a
///   real calendar date (29/02/2000 yes, 29/02/2001 no); the candidate is 15 to 80 years old (whole
///   years) on `context.today`.
/// - `email` (`e-mail`, `courriel`, « adresse e-mail »): required, at most 254 bytes, exactly one @
///   with something before it, no space nor control character, a domain holding a dot (neither first
///   nor last, no "..").
/// - `cqpm`: required, an id of `context.cqpm_ids` or an alias of `context.cqpm_aliases` (a title,
///   an official code), matched ignoring case, accents, spaces and punctuation.
/// - `parcours` (`pathway`): required, matched ignoring case, accents, spaces and punctuation:
///   `salarie` (« salarié », « salariée », `employee`), `vae`, `demandeur_emploi` (« demandeur
///   d'emploi », `job_seeker`), `autre` (`other`).
/// - `siret_entreprise` (`siret`, « siret de l'entreprise »): required unless `parcours` is vae, and
///   empty for vae; 14 digits once spaces are removed; a valid SIRET (isValidSiret: Luhn, or La
///   Poste's rule); one of `context.companies`, else « entreprise inconnue de ce centre ». A SIRET that
///   Excel turned into a number (« 7,32829E+13 ») gets a message saying so.
///
/// Lines: a line with more non-empty fields than the header has columns is an error (column empty).
/// A line whose nom, prenom (ignoring case, accents and repeated spaces), date_naissance and cqpm are
/// those of an earlier line is an error naming the earlier line (column empty); the earlier one
/// stays valid. Accent folding is a local table of Latin letters (Latin-1 and Latin Extended-A,
/// ș, ț, and combining accents), not ICU; other scripts are compared as written.
CandidateRows validateCandidateRows(const CsvTable& table, const CandidateImportContext& context);

}  // namespace cqpm::imports
