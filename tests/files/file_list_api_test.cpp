#include <Poco/JSON/Array.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/unicode_text.h"
#include "http/api_fixture.h"
#include "store/candidate_file_store.h"

namespace cqpm::testing {
namespace {

using FileListApiTest = ApiTest;

using Items = std::vector<Poco::JSON::Object::Ptr>;

// Every file of the list walked page by page (limit 3) with `query` ("sort=...&order=...").
Items walk(const HttpClient& client, const std::string& token, const std::string& query) {
  Items items;
  std::string cursor;
  for (int pages = 0; pages < 50; ++pages) {
    const auto answer =
        client.get("/api/v1/files?limit=3&" + query + (cursor.empty() ? "" : "&cursor=" + cursor), token);
    EXPECT_EQ(answer.status, 200) << query << ": " << answer.body;
    if (answer.status != 200) break;
    const auto page = answer.json();
    const auto array = page->getArray("items");
    for (std::size_t i = 0; i < array->size(); ++i)
      items.push_back(array->getObject(static_cast<unsigned>(i)));
    if (page->isNull("next_cursor")) break;
    cursor = page->getValue<std::string>("next_cursor");
  }
  return items;
}

std::string text(const Poco::JSON::Object::Ptr& file, const std::string& name) {
  return file->isNull(name) ? "" : file->getValue<std::string>(name);
}

std::vector<std::string> idsOf(const Items& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(text(item, "id"));
  return ids;
}

// The value a sort orders `file` by, as the store compares it (files without
// a report deadline last in both directions).
std::string sortValue(const Poco::JSON::Object::Ptr& file, const std::string& sort, bool descending) {
  if (sort == "name") {
    const auto candidate = file->getObject("candidate");
    return foldedForSearch(candidate->getValue<std::string>("given_name") + " " +
                           candidate->getValue<std::string>("family_name"));
  }
  if (sort == "report_due_at" && file->isNull("report_due_at"))
    return descending ? "" : "9999-12-31T23:59:59Z";
  return text(file, sort);
}

TEST_P(FileListApiTest, EverySortWalksEveryFileOnceInItsOrder) {
  const std::string token = client().login("centre");
  const auto all = client().get("/api/v1/files?limit=100", token).json()->getArray("items");
  ASSERT_GE(all->size(), 6u);
  bool deadlines_seen = false;
  for (const std::string sort : {"created_at", "updated_at", "name", "cqpm", "state", "report_due_at"}) {
    for (const bool descending : {false, true}) {
      const std::string query = "sort=" + sort + "&order=" + (descending ? "desc" : "asc");
      const Items items = walk(client(), token, query);
      auto ids = idsOf(items);
      std::sort(ids.begin(), ids.end());
      EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end()) << query << ": a file served twice";
      EXPECT_EQ(ids.size(), all->size()) << query;
      // Byte order is the database's order on SQLite; a PostgreSQL locale may
      // order text differently, but never ISO dates nor the files without one.
      const bool byte_order =
          GetParam() == "sqlite" || sort == "created_at" || sort == "updated_at" || sort == "report_due_at";
      for (std::size_t i = 1; byte_order && i < items.size(); ++i) {
        auto key = [&](std::size_t at) {
          return std::make_pair(sortValue(items[at], sort, descending), text(items[at], "id"));
        };
        EXPECT_TRUE(descending ? key(i - 1) > key(i) : key(i - 1) < key(i))
            << query << " at " << i << ": " << key(i - 1).first << " then " << key(i).first;
      }
      if (sort == "report_due_at" && !items.empty()) {
        deadlines_seen = !items.front()->isNull("report_due_at");
        EXPECT_TRUE(items.back()->isNull("report_due_at")) << query << ": files without a deadline come last";
      }
    }
  }
  EXPECT_TRUE(deadlines_seen) << "the demo holds report deadlines";
  // Ascending is descending reversed, whatever the collation.
  for (const std::string sort : {"name", "cqpm", "state"}) {
    auto ascending = idsOf(walk(client(), token, "sort=" + sort + "&order=asc"));
    const auto descending = idsOf(walk(client(), token, "sort=" + sort + "&order=desc"));
    std::reverse(ascending.begin(), ascending.end());
    EXPECT_EQ(ascending, descending) << sort;
  }
}

TEST_P(FileListApiTest, SortsKeepTheFiltersAndScope) {
  const std::string token = client().login("centre");
  for (const auto& item : walk(client(), token, "state=draft&sort=name"))
    EXPECT_EQ(text(item, "state"), "draft");
  const std::string company = client().login("entreprise");
  const auto mine = client().get("/api/v1/files?limit=100", company).json()->getArray("items")->size();
  EXPECT_EQ(walk(client(), company, "sort=report_due_at").size(), mine);
}

TEST_P(FileListApiTest, BadSortsOrdersAndCursorsAreRefusedNamingTheField) {
  const std::string token = client().login("centre");
  struct Case {
    std::string query;
    std::string field;
  };
  for (const Case& c : std::vector<Case>{{"sort=birth_date", "sort"},
                                         {"sort=NAME", "sort"},
                                         {"sort=name;DROP", "sort"},
                                         {"order=up", "order"},
                                         {"sort=name&order=ASC", "order"}}) {
    for (const std::string path : {"/api/v1/files?", "/api/v1/files.csv?"}) {
      const auto answer = client().get(path + c.query, token);
      EXPECT_EQ(answer.status, 400) << path << c.query;
      EXPECT_EQ(answer.errorField(), c.field) << path << c.query;
    }
  }
  // A cursor of one sort is refused by another rather than read wrongly.
  const auto page = client().get("/api/v1/files?limit=2&sort=name", token).json();
  const std::string cursor = page->getValue<std::string>("next_cursor");
  EXPECT_EQ(client().get("/api/v1/files?limit=2&sort=name&cursor=" + cursor, token).status, 200);
  const auto other = client().get("/api/v1/files?limit=2&sort=cqpm&cursor=" + cursor, token);
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(other.errorField(), "cursor");
  EXPECT_EQ(client().get("/api/v1/files?limit=2&sort=name&order=desc&cursor=" + cursor, token).errorField(),
            "cursor");
}

// The CSV's data rows, split on CRLF (the demo's names hold no line breaks).
std::vector<std::string> csvLines(const std::string& body) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < body.size()) {
    const auto end = body.find("\r\n", start);
    if (end == std::string::npos) break;
    lines.push_back(body.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

TEST_P(FileListApiTest, CsvExportHoldsTheFilteredFilesInTheListsOrder) {
  const std::string token = client().login("centre");
  const auto answer = client().get("/api/v1/files.csv?sort=name&order=desc&pathway=employee", token);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(answer.headers.at("cache-control"), "private, no-store");
  EXPECT_NE(answer.headers.at("content-disposition").find("attachment; filename=\"dossiers-"),
            std::string::npos);
  ASSERT_EQ(answer.body.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM first";
  const auto lines = csvLines(answer.body.substr(3));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "Nom;Prénom;Courriel;CQPM;Parcours;État;Centre;Entreprise;Échéance du rapport;Rapport en retard;"
            "Créé le;Mis à jour le;Identifiant du dossier");
  const Items listed = walk(client(), token, "sort=name&order=desc&pathway=employee");
  ASSERT_EQ(lines.size(), listed.size() + 1);
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const std::string& line = lines[i + 1];
    EXPECT_EQ(line.substr(line.rfind(';') + 1), text(listed[i], "id")) << "row " << i;
    EXPECT_NE(line.find(";Salarié(e);"), std::string::npos) << line;
    EXPECT_NE(line.find(listed[i]->getValue<bool>("overdue") ? ";Oui;" : ";Non;"), std::string::npos) << line;
  }
}

TEST_P(FileListApiTest, CsvExportIsScopedLikeTheList) {
  const std::string company = client().login("entreprise");
  const auto listed = walk(client(), company, "sort=created_at");
  const auto answer = client().get("/api/v1/files.csv", company);
  ASSERT_EQ(answer.status, 200);
  EXPECT_EQ(csvLines(answer.body).size(), listed.size() + 1);
  EXPECT_EQ(client().get("/api/v1/files.csv", "").status, 401);
  const auto overdue = client().get("/api/v1/files.csv?overdue=true", client().login("centre"));
  ASSERT_EQ(overdue.status, 200);
  const auto late = csvLines(overdue.body);
  for (std::size_t i = 1; i < late.size(); ++i)
    EXPECT_NE(late[i].find(";Oui;"), std::string::npos) << late[i];
}

INSTANTIATE_TEST_SUITE_P(Backends, FileListApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
