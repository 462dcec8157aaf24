#include "store/candidate_file_store.h"

#include <Poco/UTF8String.h>

#include <algorithm>
#include <functional>

#include "common/unicode_text.h"
#include "store/row_reader.h"

namespace cqpm::store::candidate_file_store {

using domain::CandidateFile;

namespace {

constexpr const char* kSelectFiles =
    "SELECT f.id, f.centre_id, f.company_id, f.candidate_user_id, f.cqpm, f.pathway, f.given_name, "
    "f.family_name, f.email, f.birth_date, f.birth_place, f.sex, f.birth_insee_code, f.registration, "
    "f.bloc_scope, f.modality_plan, "
    "f.referential_version, "
    "f.referential_commit, f.state, f.version, "
    "f.created_at, "
    "f.updated_at, "
    "c.name AS centre_name, co.name AS company_name, "
    "(SELECT dl.due_at FROM file_deadlines dl WHERE dl.file_id = f.id AND dl.kind = 'report') "
    "AS report_due_at, "
    "(SELECT COUNT(*) FROM documents rd WHERE rd.file_id = f.id AND rd.kind = 'report') AS report_documents "
    "FROM candidate_files f JOIN organisations c ON c.id = f.centre_id "
    "LEFT JOIN organisations co ON co.id = f.company_id ";

CandidateFileView readFile(const RowReader& row) {
  CandidateFileView view;
  CandidateFile& file = view.file;
  file.id = row.text("id");
  file.centre_id = row.text("centre_id");
  file.company_id = row.optionalText("company_id");
  file.candidate_user_id = row.optionalText("candidate_user_id");
  file.cqpm = row.text("cqpm");
  file.pathway = domain::parsePathway(row.text("pathway")).value_or(domain::Pathway::kOther);
  file.candidate = {row.text("given_name"),      row.text("family_name"), row.text("email"),
                    row.text("birth_date"),      row.text("birth_place"), row.text("sex"),
                    row.text("birth_insee_code")};
  file.registration_json = row.text("registration");
  file.bloc_scope_json = row.text("bloc_scope");
  file.modality_plan_json = row.optionalText("modality_plan");
  if (auto pinned = row.optionalText("referential_commit")) {
    file.referential_commit = *pinned;
    file.referential_version = row.integer("referential_version");
  }
  file.state = row.text("state");
  file.version = row.integer("version");
  file.created_at = row.text("created_at");
  file.updated_at = row.text("updated_at");
  view.centre_name = row.text("centre_name");
  view.company_name = row.optionalText("company_name");
  view.report_due_at = row.optionalText("report_due_at");
  view.report_uploaded = row.integer("report_documents") > 0;
  return view;
}

// "WHERE ..." and its values. Values are kept in a list that outlives the
// statement, because Poco binds by reference.
class Clauses {
 public:
  void add(const std::string& clause, std::string value) {
    clauses_.push_back(clause);
    values_.push_back(std::move(value));
  }

  void addRaw(const std::string& clause, std::vector<std::string> values) {
    clauses_.push_back(clause);
    for (auto& value : values) values_.push_back(std::move(value));
  }

  void addConstant(const std::string& clause) { clauses_.push_back(clause); }

  std::string where() const {
    if (clauses_.empty()) return {};
    std::string sql = "WHERE ";
    for (std::size_t i = 0; i < clauses_.size(); ++i) sql += (i ? " AND " : "") + clauses_[i];
    return sql + " ";
  }

  void bind(Query& query) const {
    for (const auto& value : values_) query.bind(value);
  }

 private:
  std::vector<std::string> clauses_;
  std::vector<std::string> values_;
};

using KeptCountConditions = Clauses;

std::size_t characterCount(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// An FTS5 string: every character literal, '"' doubled.
std::string ftsPhrase(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// What the conditions serve: the plan that suits them differs.
enum class Purpose {
  kFind,   // one file by id
  kPage,   // a page of files, newest first
  kCount,  // every file that matches, counted
};

// How SQLite finds a page's files when a name or an overdue date filters
// them: through that filter's index (few files match), or walking the files
// in date order and checking it (many match: the page fills early).
struct PageWalk {
  bool name_by_date = false;
  bool overdue_by_date = false;
};

// The conditions on candidate_files `f` of the scope and the filter.
//
// SQLite plans without statistics (nothing runs ANALYZE) and takes an equality
// on an indexed column for selective, even when one centre holds every file;
// a unary '+' keeps it from using that index. A name (through the trigram
// index) or else an overdue date (indexes on the scope and
// pending_report_due_at) drives counts and the pages that PageWalk does not
// walk in date order. PostgreSQL plans from its statistics and gets the plain
// conditions.
class Conditions : public Clauses {
 public:
  Conditions(const access::FileScope& scope, const FileFilter& filter, Purpose purpose, Dialect dialect,
             PageWalk walk = {}) {
    using Kind = access::FileScope::Kind;
    const bool sqlite = dialect == Dialect::kSqlite;
    const bool indexed_name = filter.name_query && characterCount(foldedForSearch(*filter.name_query)) >= 3;
    const bool name_drives = sqlite && indexed_name && !(purpose == Purpose::kPage && walk.name_by_date);
    const bool overdue_plain =
        !sqlite || (!name_drives && !(purpose == Purpose::kPage && walk.overdue_by_date));
    const std::string scope_column = name_drives ? "+f." : "f.";
    switch (scope.kind) {
      case Kind::kEverything:
        break;
      case Kind::kCentre:
        add(scope_column + "centre_id = ?", scope.key);
        break;
      case Kind::kCompany:
        add(scope_column + "company_id = ?", scope.key);
        break;
      case Kind::kCandidate:
        add("f.candidate_user_id = ?", scope.key);
        break;
      case Kind::kCommission:
        add("f.id IN (SELECT ec.file_id FROM evaluation_commissions ec WHERE ec.evaluator_id = ?)",
            scope.key);
        break;
      case Kind::kJurySessions:
        add("f.id IN (SELECT jf.file_id FROM jury_session_files jf JOIN jury_members jm ON jm.session_id = "
            "jf.session_id WHERE jm.user_id = ?)",
            scope.key);
        break;
      case Kind::kJuryOverseen:
        addConstant("f.id IN (SELECT jf.file_id FROM jury_session_files jf)");
        break;
      case Kind::kNothing:
        addConstant("1 = 0");
        break;
    }
    if (purpose != Purpose::kCount && filter.state) add("f.state = ?", *filter.state);
    if (filter.cqpm) add("f.cqpm = ?", *filter.cqpm);
    if (filter.pathway) add("f.pathway = ?", *filter.pathway);
    if (filter.overdue_at) {
      add(std::string(overdue_plain ? "f" : "+f") + ".pending_report_due_at <= ?", *filter.overdue_at);
    }
    if (filter.name_query) {
      const std::string folded = foldedForSearch(*filter.name_query);
      // On SQLite the trigram index (migration 0020) narrows the files to
      // those holding every trigram of the text, for 3 characters or more;
      // LIKE keeps the answer exact. PostgreSQL's pg_trgm index serves LIKE itself.
      if (sqlite && indexed_name) {
        add(std::string(name_drives ? "f" : "+f") +
                ".id IN (SELECT file_id FROM candidate_files_search WHERE candidate_files_search MATCH ?)",
            ftsPhrase(folded));
      }
      add("f.search_name LIKE ? ESCAPE '\\'", "%" + escapeLike(folded) + "%");
    }
  }

 private:
  static std::string escapeLike(const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c == '%' || c == '_' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  }
};

// The where clause on candidate_file_counts (migration 0020) that answers
// countByState for this scope and filter, or nullopt when the kept counts
// cannot (a name, an overdue date, or a scope other than a column of the table:
// those count the files themselves, fewer and through their own indexes).
std::optional<KeptCountConditions> keptCounts(const access::FileScope& scope, const FileFilter& filter) {
  if (filter.name_query || filter.overdue_at) return std::nullopt;
  using Kind = access::FileScope::Kind;
  KeptCountConditions kept;
  switch (scope.kind) {
    case Kind::kEverything:
      break;
    case Kind::kCentre:
      kept.add("centre_id = ?", scope.key);
      break;
    case Kind::kCompany:
      kept.add("company_id = ?", scope.key);
      break;
    default:
      return std::nullopt;
  }
  if (filter.cqpm) kept.add("cqpm = ?", *filter.cqpm);
  if (filter.pathway) kept.add("pathway = ?", *filter.pathway);
  return kept;
}

// What candidate_file_counts counts of one file.
struct CountedAs {
  std::string centre_id;
  std::string company_id;  // '' without company
  std::string cqpm;
  std::string pathway;
  std::string state;
};

// Adds `delta` (+1, -1) to the count of the files counted as `as`.
void bump(SqlSession& sql, const CountedAs& as, std::int64_t delta) {
  Poco::Int64 files = delta;
  auto stmt = sql.query(
      "INSERT INTO candidate_file_counts (centre_id, company_id, cqpm, pathway, state, files) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (centre_id, company_id, cqpm, pathway, state) "
      "DO UPDATE SET files = candidate_file_counts.files + excluded.files");
  stmt.bind(as.centre_id).bind(as.company_id).bind(as.cqpm).bind(as.pathway).bind(as.state).bind(files);
  stmt.execute();
}

// How the file is counted while at `version`; nullopt when it is missing or at another version.
std::optional<CountedAs> countedAs(SqlSession& sql, const std::string& id, std::int64_t version) {
  std::string key = id;
  Poco::Int64 at = version;
  auto stmt = sql.query(
      "SELECT centre_id, company_id, cqpm, pathway, state FROM candidate_files WHERE id = ? AND version = ?");
  stmt.bind(key).bind(at);
  std::optional<CountedAs> found;
  forEachRow(stmt, [&](const RowReader& row) {
    found = CountedAs{row.text("centre_id"), row.optionalText("company_id").value_or(""), row.text("cqpm"),
                      row.text("pathway"), row.text("state")};
  });
  return found;
}

// Above this many matching files, a page is walked in date order: it fills
// within a few thousand files, where looking each match up would cost as many
// lookups as matches. Counted over every file (a cheap estimate for a scope).
constexpr std::int64_t kWalkAboveMatches = 1000;

PageWalk pageWalk(SqlSession& sql, const FileFilter& filter) {
  PageWalk walk;
  if (sql.dialect() != Dialect::kSqlite) return walk;
  auto matches = [&](const std::string& sql_text, std::string value) {
    return sql.query(sql_text).bind(std::move(value)).integer("n");
  };
  if (filter.name_query) {
    const std::string folded = foldedForSearch(*filter.name_query);
    walk.name_by_date =
        characterCount(folded) >= 3 &&
        matches("SELECT COUNT(*) AS n FROM candidate_files_search WHERE candidate_files_search MATCH ?",
                ftsPhrase(folded)) > kWalkAboveMatches;
  }
  if (filter.overdue_at) {
    walk.overdue_by_date =
        matches("SELECT COUNT(*) AS n FROM candidate_files WHERE pending_report_due_at <= ?",
                *filter.overdue_at) > kWalkAboveMatches;
  }
  return walk;
}

// What a file without a report deadline sorts as: after every deadline in
// both directions. ISO-8601 instants, so that any collation (PostgreSQL's
// may be a locale's) orders them as the plain text they are.
std::string missingDeadline(const FileOrder& order) { return order.descending ? "" : "9999-12-31T23:59:59Z"; }

// The SQL value on candidate_files `f` that `order` sorts by; search_name is
// kept as foldedForSearch(given + " " + family) by insert and correctCandidate.
std::string sortExpression(const FileOrder& order) {
  switch (order.key) {
    case FileSortKey::kCreated:
      return "f.created_at";
    case FileSortKey::kUpdated:
      return "f.updated_at";
    case FileSortKey::kName:
      return "f.search_name";
    case FileSortKey::kCqpm:
      return "f.cqpm";
    case FileSortKey::kState:
      return "f.state";
    case FileSortKey::kReportDue:
      return "COALESCE((SELECT sd.due_at FROM file_deadlines sd WHERE sd.file_id = f.id AND sd.kind = "
             "'report'), '" +
             missingDeadline(order) + "')";
  }
  return "f.created_at";
}

}  // namespace

void insert(SqlSession& sql, const CandidateFile& file) {
  std::string id = file.id, centre = file.centre_id, cqpm = file.cqpm,
              pathway(domain::pathwayName(file.pathway)), given = file.candidate.given_name,
              family = file.candidate.family_name, email = file.candidate.email,
              birth = file.candidate.birth_date, birth_place = file.candidate.birth_place,
              sex = file.candidate.sex, birth_insee_code = file.candidate.birth_insee_code,
              search = foldedForSearch(given + " " + family), state = file.state, created = file.created_at,
              updated = file.updated_at, registration = file.registration_json,
              bloc_scope = file.bloc_scope_json;
  Poco::Nullable<std::string> company, candidate_user, modality_plan;
  if (file.modality_plan_json) modality_plan = *file.modality_plan_json;
  if (file.company_id) company = *file.company_id;
  if (file.candidate_user_id) candidate_user = *file.candidate_user_id;
  Poco::Int64 version = file.version;
  auto stmt = sql.query(
      "INSERT INTO candidate_files (id, centre_id, company_id, candidate_user_id, cqpm, pathway, given_name, "
      "family_name, email, birth_date, birth_place, sex, birth_insee_code, search_name, registration, "
      "bloc_scope, modality_plan, state, version, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt.bind(id)
      .bind(centre)
      .bind(company)
      .bind(candidate_user)
      .bind(cqpm)
      .bind(pathway)
      .bind(given)
      .bind(family)
      .bind(email)
      .bind(birth)
      .bind(birth_place)
      .bind(sex)
      .bind(birth_insee_code)
      .bind(search)
      .bind(registration)
      .bind(bloc_scope)
      .bind(modality_plan)
      .bind(state)
      .bind(version)
      .bind(created)
      .bind(updated);
  stmt.execute();
  bump(sql, {centre, file.company_id.value_or(""), cqpm, pathway, state}, +1);
}

std::optional<std::string> attachCandidate(SqlSession& sql, const std::string& file_id,
                                           const std::string& user_id) {
  std::string file = file_id, user = user_id;
  auto update = sql.query(
      "UPDATE candidate_files SET candidate_user_id = ? WHERE id = ? AND candidate_user_id IS NULL");
  update.bind(user).bind(file);
  if (update.execute() != 1) return std::nullopt;
  std::optional<std::string> centre;
  auto stmt = sql.query("SELECT centre_id FROM candidate_files WHERE id = ?");
  stmt.bind(file);
  forEachRow(stmt, [&](const RowReader& row) { centre = row.text("centre_id"); });
  return centre;
}

bool centreKnowsCandidate(SqlSession& sql, const std::string& centre_id, const std::string& user_id) {
  std::string centre = centre_id, user = user_id;
  return sql.query("SELECT COUNT(*) AS n FROM candidate_files WHERE centre_id = ? AND candidate_user_id = ?")
             .bind(centre)
             .bind(user)
             .integer("n") > 0;
}

std::optional<CandidateFileView> find(SqlSession& sql, const std::string& id,
                                      const access::FileScope& scope) {
  Conditions conditions(scope, FileFilter{}, Purpose::kFind, sql.dialect());
  conditions.add("f.id = ?", id);
  auto stmt = sql.query(kSelectFiles + conditions.where());
  conditions.bind(stmt);
  std::optional<CandidateFileView> found;
  forEachRow(stmt, [&](const RowReader& row) { found = readFile(row); });
  return found;
}

std::vector<CandidateFileView> list(SqlSession& sql, const access::FileScope& scope, const FileFilter& filter,
                                    const std::optional<FileCursor>& after, int limit,
                                    const FileOrder& order) {
  Conditions conditions(scope, filter, Purpose::kPage, sql.dialect(), pageWalk(sql, filter));
  const std::string key = sortExpression(order);
  if (after) {
    const std::string beyond = order.descending ? " < ?" : " > ?";
    conditions.addRaw("(" + key + beyond + " OR (" + key + " = ? AND f.id" + beyond + "))",
                      {after->key, after->key, after->id});
  }
  // The page's ids first, from the conditions alone; the names, deadline and
  // report columns are then read for those files only (computed before the
  // sort, they cost as much as the files matching, not the page).
  const std::string direction = order.descending ? " DESC" : " ASC";
  const std::string sort = "ORDER BY " + key + direction + ", f.id" + direction + " ";
  auto stmt = sql.query(std::string(kSelectFiles) + "WHERE f.id IN (SELECT f.id FROM candidate_files f " +
                        conditions.where() + sort + "LIMIT " + std::to_string(limit) + ") " + sort);
  conditions.bind(stmt);
  std::vector<CandidateFileView> files;
  forEachRow(stmt, [&](const RowReader& row) { files.push_back(readFile(row)); });
  return files;
}

std::string sortValueOf(const CandidateFileView& view, const FileOrder& order) {
  const CandidateFile& file = view.file;
  switch (order.key) {
    case FileSortKey::kCreated:
      return file.created_at;
    case FileSortKey::kUpdated:
      return file.updated_at;
    case FileSortKey::kName:
      return foldedForSearch(file.candidate.given_name + " " + file.candidate.family_name);
    case FileSortKey::kCqpm:
      return file.cqpm;
    case FileSortKey::kState:
      return file.state;
    case FileSortKey::kReportDue:
      return view.report_due_at.value_or(missingDeadline(order));
  }
  return file.created_at;
}

std::map<std::string, std::int64_t> countByState(SqlSession& sql, const access::FileScope& scope,
                                                 const FileFilter& filter) {
  std::map<std::string, std::int64_t> counts;
  if (auto kept = keptCounts(scope, filter)) {
    auto stmt = sql.query("SELECT state, CAST(SUM(files) AS BIGINT) AS n FROM candidate_file_counts " +
                          kept->where() + "GROUP BY state");
    kept->bind(stmt);
    forEachRow(stmt, [&](const RowReader& row) {
      if (const std::int64_t n = row.integer("n"); n > 0) counts[row.text("state")] = n;
    });
    return counts;
  }
  Conditions conditions(scope, filter, Purpose::kCount, sql.dialect());
  // On SQLite, grouping by the bare column makes it walk the state index over
  // every file rather than group what the conditions' index found (see Conditions).
  const std::string group = sql.dialect() == Dialect::kSqlite ? "+f.state" : "f.state";
  auto stmt = sql.query("SELECT f.state AS state, COUNT(*) AS n FROM candidate_files f " +
                        conditions.where() + "GROUP BY " + group);
  conditions.bind(stmt);
  forEachRow(stmt, [&](const RowReader& row) { counts[row.text("state")] = row.integer("n"); });
  return counts;
}

namespace {

// Compare-and-swap of some columns of one file: `columns` ("state = ?, ...") take
// `values` in order, the version moves on and updated_at is set; true when the
// file was still at `expected_version`.
bool casUpdate(SqlSession& sql, const std::string& columns, std::vector<std::string> values,
               const std::string& id, std::int64_t expected_version, const std::string& updated_at) {
  values.push_back(updated_at);
  values.push_back(id);
  Poco::Int64 version = expected_version;
  auto stmt = sql.query("UPDATE candidate_files SET " + columns +
                        ", version = version + 1, updated_at = ? WHERE id = ? AND version = ?");
  for (auto& value : values) stmt.bind(value);
  stmt.bind(version);
  return stmt.execute() == 1;
}

// casUpdate of a column candidate_file_counts counts by: the file moves from
// its count to the one `recount` gives, in the same transaction.
bool casUpdateCounted(SqlSession& sql, const std::string& column, const std::string& value,
                      const std::string& id, std::int64_t expected_version, const std::string& updated_at,
                      const std::function<void(CountedAs&)>& recount) {
  // Read before the update: the version check then proves nothing changed in between.
  const auto before = countedAs(sql, id, expected_version);
  if (!before) return false;
  if (!casUpdate(sql, column + " = ?", {value}, id, expected_version, updated_at)) return false;
  CountedAs after = *before;
  recount(after);
  bump(sql, *before, -1);
  bump(sql, after, +1);
  return true;
}

}  // namespace

bool updateState(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                 const std::string& new_state, const std::string& updated_at) {
  return casUpdateCounted(sql, "state", new_state, id, expected_version, updated_at,
                          [&](CountedAs& as) { as.state = new_state; });
}

void refreshPendingReport(SqlSession& sql, const std::string& file_id) {
  std::string id = file_id;
  auto stmt = sql.query(
      "UPDATE candidate_files SET pending_report_due_at = (SELECT dl.due_at FROM file_deadlines dl "
      "WHERE dl.file_id = candidate_files.id AND dl.kind = 'report' AND NOT EXISTS (SELECT 1 FROM documents "
      "rd "
      "WHERE rd.file_id = candidate_files.id AND rd.kind = 'report')) WHERE id = ?");
  stmt.bind(id);
  stmt.execute();
}

bool pinReferential(SqlSession& sql, const std::string& id, std::int64_t version, const std::string& commit) {
  std::string key = id, commit_id = commit;
  Poco::Int64 number = version;
  auto stmt =
      sql.query("UPDATE candidate_files SET referential_version = ?, referential_commit = ? WHERE id = ?");
  stmt.bind(number).bind(commit_id).bind(key);
  return stmt.execute() == 1;
}

bool updateModalityPlan(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                        const std::string& plan_json, const std::string& updated_at) {
  return casUpdate(sql, "modality_plan = ?", {plan_json}, id, expected_version, updated_at);
}

bool correctCandidate(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                      const domain::Candidate& candidate, const std::string& registration_json,
                      const std::string& updated_at) {
  return casUpdate(sql,
                   "given_name = ?, family_name = ?, email = ?, birth_date = ?, birth_place = ?, sex = ?, "
                   "birth_insee_code = ?, search_name = ?, registration = ?",
                   {candidate.given_name, candidate.family_name, candidate.email, candidate.birth_date,
                    candidate.birth_place, candidate.sex, candidate.birth_insee_code,
                    foldedForSearch(candidate.given_name + " " + candidate.family_name), registration_json},
                   id, expected_version, updated_at);
}

bool setBlocScope(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                  const std::string& bloc_scope_json, const std::string& updated_at) {
  return casUpdate(sql, "bloc_scope = ?", {bloc_scope_json}, id, expected_version, updated_at);
}

bool moveToCentre(SqlSession& sql, const std::string& id, std::int64_t expected_version,
                  const std::string& centre_id, const std::string& updated_at) {
  if (!casUpdateCounted(sql, "centre_id", centre_id, id, expected_version, updated_at,
                        [&](CountedAs& as) { as.centre_id = centre_id; }))
    return false;
  // The file's stays count for its centre now, as its files and outcomes do.
  sql.query("UPDATE stage_stays SET centre_id = ? WHERE file_id = ?").bind(centre_id).bind(id).execute();
  return true;
}

void lockForNumbering(SqlSession& sql, const std::string& file_id) {
  if (sql.dialect() != Dialect::kPostgres) return;
  // NO KEY UPDATE: waits for another such lock or an UPDATE of the file, not
  // for the key-share locks that inserts referencing the file take.
  sql.query("SELECT id FROM candidate_files WHERE id = ? FOR NO KEY UPDATE").bind(file_id).execute();
}

}  // namespace cqpm::store::candidate_file_store
