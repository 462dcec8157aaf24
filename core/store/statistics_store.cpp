#include "store/statistics_store.h"

#include <iterator>
#include <utility>

#include "store/row_reader.h"

namespace cqpm::store::statistics_store {

namespace {

// "<condition> AND f.centre_id = ?" when the scope is one centre, with the
// parameters of the period first; `time_column` is the period's column.
struct ScopedWhere {
  std::string sql;
  std::vector<std::string> params;
};

ScopedWhere periodOf(const StatisticsScope& scope, const std::string& time_column,
                     const std::string& centre_column) {
  ScopedWhere where{time_column + " >= ? AND " + time_column + " < ?", {scope.start, scope.end}};
  if (scope.centre_id) {
    where.sql += " AND " + centre_column + " = ?";
    where.params.push_back(*scope.centre_id);
  }
  return where;
}

Query bound(SqlSession& sql, const std::string& text, const std::vector<std::string>& params) {
  Query query = sql.query(text);
  for (const auto& value : params) query.bind(value);
  return query;
}

// The Paris month of the stored time `column`: a CASE over the months' starts,
// latest first, with its parameters (stored times compare as text). Months
// come from the scope, not from the text of the time, which is UTC.
ScopedWhere parisMonthOf(const StatisticsScope& scope, const std::string& column) {
  if (scope.months.empty()) return {"SUBSTR(" + column + ", 1, 7)", {}};
  // Typed, so that PostgreSQL knows what the parameters are.
  const std::string label = "CAST(? AS TEXT)";
  if (scope.months.size() == 1) return {label, {scope.months.front().month}};
  ScopedWhere month{"CASE", {}};
  for (auto it = scope.months.rbegin(); std::next(it) != scope.months.rend(); ++it) {
    month.sql += " WHEN " + column + " >= ? THEN " + label;
    month.params.push_back(it->starts_at);
    month.params.push_back(it->month);
  }
  month.sql += " ELSE " + label + " END";
  month.params.push_back(scope.months.front().month);
  return month;
}

std::vector<MonthKeyCount> filesByMonthAnd(SqlSession& sql, const StatisticsScope& scope,
                                           const std::string& column) {
  const ScopedWhere month = parisMonthOf(scope, "f.created_at");
  const ScopedWhere where = periodOf(scope, "f.created_at", "f.centre_id");
  std::vector<std::string> params = month.params;
  params.insert(params.end(), where.params.begin(), where.params.end());
  std::vector<MonthKeyCount> counts;
  // Grouped by position: both databases accept it, and the month's CASE is not
  // written (and bound) twice.
  bound(sql,
        "SELECT " + month.sql + " AS month, " + column +
            " AS grouped, COUNT(*) AS files FROM candidate_files f WHERE " + where.sql +
            " GROUP BY 1, 2 ORDER BY 1, 2",
        params)
      .forEachRow([&](const RowReader& row) {
        counts.push_back({row.text("month"), row.text("grouped"), row.integer("files")});
      });
  return counts;
}

}  // namespace

std::vector<MonthKeyCount> filesByMonthAndState(SqlSession& sql, const StatisticsScope& scope) {
  return filesByMonthAnd(sql, scope, "f.state");
}

std::vector<MonthKeyCount> filesByMonthAndCqpm(SqlSession& sql, const StatisticsScope& scope) {
  return filesByMonthAnd(sql, scope, "f.cqpm");
}

std::vector<OutcomeCounts> outcomesByCqpmAndPathway(SqlSession& sql, const StatisticsScope& scope) {
  const ScopedWhere where = periodOf(scope, "e.at", "f.centre_id");
  std::vector<OutcomeCounts> counts;
  // COUNT, not SUM: a BIGINT on both dialects (PostgreSQL sums into NUMERIC).
  bound(sql,
        "SELECT f.cqpm, f.pathway, COUNT(CASE WHEN e.to_state = 'certified' THEN 1 END) AS certified, "
        "COUNT(CASE WHEN e.to_state = 'blocs_awarded' THEN 1 END) AS blocs_awarded, "
        "COUNT(CASE WHEN e.to_state = 'not_certified' THEN 1 END) AS not_certified "
        "FROM file_events e JOIN candidate_files f ON f.id = e.file_id "
        "WHERE e.to_state IN ('certified', 'blocs_awarded', 'not_certified') AND e.from_state = "
        "'in_deliberation' AND " +
            where.sql + " GROUP BY f.cqpm, f.pathway ORDER BY f.cqpm, f.pathway",
        where.params)
      .forEachRow([&](const RowReader& row) {
        counts.push_back({row.text("cqpm"), row.text("pathway"), row.integer("certified"),
                          row.integer("blocs_awarded"), row.integer("not_certified")});
      });
  return counts;
}

std::vector<StageStays> stageStays(SqlSession& sql, const StatisticsScope& scope,
                                   const std::vector<std::string>& stages) {
  // The stays kept as they ended (stage_stays, migration 0027). Per stage, two
  // reads of an index each, whatever the number of stays: the count is a
  // range of (centre, stage, left_at); the median, the middle one or two of
  // the period's stays walked in (centre, stage, seconds) order.
  std::string where = "st.stage = ? AND st.left_at >= ? AND st.left_at < ? AND st.seconds IS NOT NULL";
  std::vector<std::string> params{"", scope.start, scope.end};
  if (scope.centre_id) {
    where += " AND st.centre_id = ?";
    params.push_back(*scope.centre_id);
  }
  std::vector<StageStays> stays;
  for (const std::string& stage : stages) {
    params.front() = stage;
    std::int64_t count = 0;
    bound(sql, "SELECT COUNT(*) AS stays FROM stage_stays st WHERE " + where, params)
        .forEachRow([&](const RowReader& row) { count = row.integer("stays"); });
    if (count == 0) continue;
    // The middle stay of an odd count, the two middle ones of an even count;
    // their mean in whole seconds (an integer division, as before).
    // Bound, not written into the text: one prepared statement whatever the count.
    std::vector<std::int64_t> middle;
    Query walk = bound(
        sql, "SELECT st.seconds FROM stage_stays st WHERE " + where + " ORDER BY st.seconds LIMIT ? OFFSET ?",
        params);
    walk.bind(std::int64_t{count % 2 == 1 ? 1 : 2}).bind(std::int64_t{(count - 1) / 2});
    walk.forEachRow([&](const RowReader& row) { middle.push_back(row.integer("seconds")); });
    if (middle.empty()) continue;  // none: the count and the walk read one snapshot
    stays.push_back({stage, count, (middle.front() + middle.back()) / 2});
  }
  return stays;
}

std::vector<KeyCount> overdueReportsByCqpm(SqlSession& sql, const StatisticsScope& scope,
                                           const std::string& now) {
  ScopedWhere where = periodOf(scope, "f.pending_report_due_at", "f.centre_id");
  where.sql += " AND f.pending_report_due_at <= ?";
  where.params.push_back(now);
  std::vector<KeyCount> counts;
  bound(sql,
        "SELECT f.cqpm, COUNT(*) AS files FROM candidate_files f WHERE f.pending_report_due_at IS NOT NULL "
        "AND " +
            where.sql + " GROUP BY f.cqpm ORDER BY f.cqpm",
        where.params)
      .forEachRow([&](const RowReader& row) {
        counts.push_back({row.text("cqpm"), row.integer("files")});
      });
  return counts;
}

std::vector<JuryMonthCounts> juriesByMonth(SqlSession& sql, const StatisticsScope& scope) {
  // Session days are Paris calendar days: compared with the period's days.
  std::string where = "s.opened_at IS NOT NULL AND s.session_date >= ? AND s.session_date <= ?";
  std::vector<std::string> params{scope.first_day, scope.last_day};
  if (scope.centre_id) {
    where += " AND s.centre_id = ?";
    params.push_back(*scope.centre_id);
  }
  std::vector<JuryMonthCounts> months;
  bound(sql,
        "SELECT SUBSTR(s.session_date, 1, 7) AS month, COUNT(DISTINCT s.id) AS sessions, COUNT(d.id) AS "
        "decided FROM jury_sessions s LEFT JOIN jury_decisions d ON d.session_id = s.id AND d.revoked_at IS "
        "NULL WHERE " +
            where + " GROUP BY SUBSTR(s.session_date, 1, 7) ORDER BY month",
        params)
      .forEachRow([&](const RowReader& row) {
        months.push_back({row.text("month"), row.integer("sessions"), row.integer("decided")});
      });
  return months;
}

std::vector<std::pair<std::string, std::string>> centres(SqlSession& sql) {
  std::vector<std::pair<std::string, std::string>> found;
  sql.query("SELECT id, name FROM organisations WHERE kind = 'centre' ORDER BY name, id")
      .forEachRow([&](const RowReader& row) { found.emplace_back(row.text("id"), row.text("name")); });
  return found;
}

}  // namespace cqpm::store::statistics_store
