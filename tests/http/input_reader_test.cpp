#include <functional>

#include "api_fixture.h"
#include "common/input_rules.h"

// One way to read input (http/json_body.h): every handler that reads an integer or a
// free text answers 400/422 naming the field for hostile values, never 500, and never
// echoes the bad bytes.
namespace cqpm::testing {
namespace {

// A draft file and a registered one (version 2) of the first centre.
class InputReaderTest : public ApiTest {
 protected:
  void makeFiles(const std::string& centre) {
    draft_ = createFile(centre, "Entrée")->getValue<std::string>("id");
    registered_ = createFile(centre, "Inscrit")->getValue<std::string>("id");
    EXPECT_EQ(fire(centre, registered_, "register", 1).status, 200);
  }
  std::string draft_;
  std::string registered_;
};

// An endpoint and the body that puts `value` (raw JSON) in the field under test.
struct FieldCase {
  std::string name;
  std::string method;
  std::string path;  ///< "{file}" is replaced by a draft file's id, "{registered}" by a registered one
  std::string login;
  std::function<std::string(const std::string&)> body;
  std::string field;
  bool takes_numeric_strings = false;  ///< the field takes a number as text too ("5"), by design
};

const std::string kLongText = "\"" + std::string(66000, 'x') + "\"";

// Hostile integers: 2^63, 2^64, 1e300, -2^63-1, a string, a boolean, a fraction.
const std::vector<std::string> kBadIntegers{
    "9223372036854775808", "18446744073709551616", "1e300", "-9223372036854775809", "\"12\"", "true", "1.5"};
// Hostile texts: far too long, NUL, a bell, a C1 control, a byte that is not UTF-8, an
// overlong encoding. (A lone surrogate escape is refused by Poco's parser as invalid JSON:
// JsonBodyTest.MalformedBodiesAreInvalidJson.)
const std::vector<std::string> kBadTexts{kLongText, "\"a\\u0000b\"", "\"a\\u0007b\"", "\"a\\u009bb\"",
                                         // octal escapes: a hex one would take the b in
                                         "\"a\377b\"", "\"a\300\257b\""};

class Fields {
 public:
  explicit Fields(HttpClient client) : client_(client) {}

  void expectRefused(const FieldCase& item, const std::string& value, const std::string& draft,
                     const std::string& registered) const {
    std::string path = item.path;
    for (const auto& [slot, id] : {std::pair{"{file}", draft}, std::pair{"{registered}", registered}}) {
      if (const auto at = path.find(slot); at != std::string::npos)
        path.replace(at, std::string(slot).size(), id);
    }
    std::map<std::string, std::string> headers{{"Content-Type", "application/json"}};
    if (!item.login.empty()) headers["Authorization"] = "Bearer " + token(item.login);
    const auto answer = client_.request(item.method, path, item.body(value), headers);
    const std::string shown = value.size() > 40 ? value.substr(0, 40) + "..." : value;
    EXPECT_TRUE(answer.status == 400 || answer.status == 422)
        << item.name << " with " << shown << ": " << answer.status << " " << answer.body.substr(0, 300);
    EXPECT_EQ(answer.errorField(), item.field)
        << item.name << " with " << shown << ": " << answer.body.substr(0, 300);
    EXPECT_TRUE(isValidUtf8(answer.body)) << item.name << ": the error echoes bad bytes";
    EXPECT_EQ(answer.body.find('\0'), std::string::npos) << item.name;
  }

  std::string token(const std::string& login) const {
    auto& cached = tokens_[login];
    if (cached.empty()) cached = client_.login(login);
    return cached;
  }

 private:
  HttpClient client_;
  mutable std::map<std::string, std::string> tokens_;
};

std::string newFile(const std::string& field_json) {
  return R"({"cqpm":"qualite","pathway":"job_seeker","candidate":{"given_name":"A","family_name":"B",)"
         R"("email":"a@b.fr","birth_date":"1990-01-01"},)" +
         field_json + "}";
}

std::vector<FieldCase> integerCases() {
  return {
      {"new file's blocs", "POST", "/api/v1/files", "centre",
       [](const std::string& v) { return newFile(R"("blocs":[)" + v + "]"); }, "blocs[0]"},
      {"transition's expected_version", "POST", "/api/v1/files/{file}/transitions", "centre",
       [](const std::string& v) {
         return R"({"transition":"register","payload":{},"expected_version":)" + v + "}";
       },
       "expected_version"},
      {"correction's expected_version", "POST", "/api/v1/files/{file}/corrections", "centre",
       [](const std::string& v) { return R"({"reason":"Faute","expected_version":)" + v + "}"; },
       "expected_version"},
      {"plan's expected_version", "PUT", "/api/v1/files/{file}/modalities", "centre",
       [](const std::string& v) { return R"({"competencies":[],"expected_version":)" + v + "}"; },
       "expected_version"},
      {"plan entry's competency", "PUT", "/api/v1/files/{registered}/modalities", "centre",
       [](const std::string& v) {
         return R"({"expected_version":2,"competencies":[{"modality":"real_situation","planned_date":)"
                R"("2027-01-15","place":"Atelier","evaluators":[],"competency":)" +
                v + "}]}";
       },
       "competencies[0].competency"},
      {"comment's competency", "POST", "/api/v1/files/{file}/comments", "centre",
       [](const std::string& v) { return R"({"body":"Bien","competency":)" + v + "}"; }, "competency", true},
      {"carry-over's expected_version", "PUT", "/api/v1/files/{file}/carry-over", "centre",
       [](const std::string& v) { return R"({"blocs":[],"expected_version":)" + v + "}"; },
       "expected_version"},
      {"carry-over's blocs", "PUT", "/api/v1/files/{file}/carry-over", "centre",
       [](const std::string& v) { return R"({"expected_version":1,"blocs":[)" + v + "]}"; }, "blocs[0]"},
      {"referential move's version", "POST", "/api/v1/files/{file}/referential", "centre",
       [](const std::string& v) { return R"({"expected_version":1,"version":)" + v + "}"; }, "version"},
      // Read before any authorisation: a candidate reaches it.
      {"jury decision's blocs", "POST", "/api/v1/jury-sessions/none/files/{file}/decision", "candidat",
       [](const std::string& v) { return R"({"outcome":"blocs_awarded","blocs":[)" + v + "]}"; }, "blocs[0]"},
      {"jury decision's competency number", "POST", "/api/v1/jury-sessions/none/files/{file}/decision",
       "candidat",
       [](const std::string& v) { return R"({"competencies":[{"validated":true,"number":)" + v + "}]}"; },
       "competencies[0].number", true},
      {"proposal's base_version", "POST", "/api/v1/cqpms/qualite/proposals", "gtp-employeur",
       [](const std::string& v) {
         return R"({"reason":"Mise à jour","referential":{},"base_version":)" + v + "}";
       },
       "base_version"},
  };
}

std::vector<FieldCase> textCases() {
  return {
      {"new file's given name", "POST", "/api/v1/files", "centre",
       [](const std::string& v) {
         return R"({"cqpm":"qualite","pathway":"job_seeker","candidate":{"family_name":"B",)"
                R"("email":"a@b.fr","birth_date":"1990-01-01","given_name":)" +
                v + "}}";
       },
       "candidate.given_name"},
      {"jury session's place", "POST", "/api/v1/jury-sessions", "centre",
       [](const std::string& v) { return R"({"date":"2099-03-01","time":"10:00","place":)" + v + "}"; },
       "place"},
      {"jury decision's reason", "POST", "/api/v1/jury-sessions/none/files/{file}/decision", "candidat",
       [](const std::string& v) { return R"({"outcome":"not_certified","reason":)" + v + "}"; }, "reason"},
      {"erratum", "POST", "/api/v1/jury-sessions/none/errata", "centre",
       [](const std::string& v) { return R"({"text":)" + v + "}"; }, "text"},
      {"withdrawal's reason", "POST", "/api/v1/files/{file}/transitions", "centre",
       [](const std::string& v) {
         return R"({"transition":"withdraw","expected_version":1,"payload":{"reason":)" + v + "}}";
       },
       "payload.reason"},
      {"correction's reason", "POST", "/api/v1/files/{file}/corrections", "centre",
       [](const std::string& v) { return R"({"expected_version":1,"reason":)" + v + "}"; }, "reason"},
      {"comment", "POST", "/api/v1/files/{file}/comments", "centre",
       [](const std::string& v) { return R"({"body":)" + v + "}"; }, "body"},
      {"plan entry's place", "PUT", "/api/v1/files/{registered}/modalities", "centre",
       [](const std::string& v) {
         return R"({"expected_version":2,"competencies":[{"competency":1,"modality":"real_situation",)"
                R"("planned_date":"2027-01-15","evaluators":[],"place":)" +
                v + "}]}";
       },
       "competencies[0].place"},
      {"company's name", "POST", "/api/v1/organisations", "centre",
       [](const std::string& v) { return R"({"kind":"company","siret":"73282932000074","name":)" + v + "}"; },
       "name"},
      {"account's display name", "POST", "/api/v1/users", "centre",
       [](const std::string& v) {
         return R"({"login":"eval.neuf","email":"eval.neuf@exemple.fr","role":"evaluator","display_name":)" +
                v + "}";
       },
       "display_name"},
      {"login", "POST", "/api/v1/auth/login", "",
       [](const std::string& v) { return R"({"password":"demo","login":)" + v + "}"; }, "login"},
      {"admissibility reason", "POST", "/api/v1/files/{file}/admissibility", "centre",
       [](const std::string& v) { return R"({"favourable":true,"reason":)" + v + "}"; }, "reason"},
      {"transfer reason", "POST", "/api/v1/files/{file}/transfer", "centre",
       [](const std::string& v) { return R"({"centre_id":"x","reason":)" + v + "}"; }, "reason"},
      {"deadline extension reason", "POST", "/api/v1/files/{file}/deadlines/report/extensions", "centre",
       [](const std::string& v) { return R"({"until":"2027-06-01","reason":)" + v + "}"; }, "reason"},
      {"proposal rejection reason", "POST", "/api/v1/proposals/1/reject", "gtp-employeur",
       [](const std::string& v) { return R"({"reason":)" + v + "}"; }, "reason"},
      {"account deactivation reason", "POST", "/api/v1/users/none/deactivation", "centre",
       [](const std::string& v) { return R"({"reason":)" + v + "}"; }, "reason"},
  };
}

TEST_P(InputReaderTest, HostileIntegersAreRefusedNamingTheField) {
  const Fields fields(client());
  makeFiles(fields.token("centre"));
  for (const FieldCase& item : integerCases()) {
    for (const std::string& value : kBadIntegers) {
      if (item.takes_numeric_strings && value.front() == '"') continue;
      fields.expectRefused(item, value, draft_, registered_);
    }
  }
}

TEST_P(InputReaderTest, HostileTextsAreRefusedNamingTheField) {
  const Fields fields(client());
  makeFiles(fields.token("centre"));
  for (const FieldCase& item : textCases()) {
    for (const std::string& value : kBadTexts) fields.expectRefused(item, value, draft_, registered_);
  }
}

TEST_P(InputReaderTest, DuplicateAndUnknownMembersAreRefusedNamingThem) {
  const Fields fields(client());
  makeFiles(fields.token("centre"));
  const std::string transitions = "/api/v1/files/{file}/transitions";
  const auto literal = [](const std::string& body) { return [body](const std::string&) { return body; }; };
  const std::vector<FieldCase> cases{
      {"duplicate expected_version", "POST", transitions, "centre",
       literal(R"({"transition":"register","expected_version":1,"expected_version":7,"payload":{}})"),
       "expected_version"},
      {"duplicate in the payload", "POST", transitions, "centre",
       literal(R"({"transition":"withdraw","expected_version":1,"payload":{"reason":"a","reason":"b"}})"),
       "payload.reason"},
      {"duplicate in a nested array", "POST", "/api/v1/jury-sessions/none/files/{file}/decision", "candidat",
       literal(R"({"competencies":[{"number":1,"validated":true},{"number":2,"number":3}]})"),
       "competencies[1].number"},
      {"duplicate login", "POST", "/api/v1/auth/login", "",
       literal(R"({"login":"centre","password":"wrong","login":"admin"})"), "login"},
      {"unknown member", "POST", transitions, "centre",
       literal(R"({"transition":"register","expected_version":1,"payload":{},"expected_versoin":2})"),
       "expected_versoin"},
      {"unknown candidate member", "POST", "/api/v1/files", "centre",
       literal(newFile(R"("company_id":null,"candidate_extra":1)")), "candidate_extra"},
      {"unknown verdict member", "POST", "/api/v1/jury-sessions/none/files/{file}/decision", "candidat",
       literal(R"({"competencies":[{"number":1,"validated":true,"score":20}]})"), "competencies[0].score"},
      {"unknown payload member", "POST", transitions, "centre",
       literal(R"({"transition":"withdraw","expected_version":1,"payload":{"reason":"Abandon","junk":1}})"),
       "payload.junk"},
      {"payload on a transition that takes none", "POST", transitions, "centre",
       literal(R"({"transition":"register","expected_version":1,"payload":{"note":"x"}})"), "payload.note"},
      {"a NUL in a key", "POST", transitions, "centre",
       literal(R"({"transition":"register","expected_version":1,"payload":{},"a\u0000b":1})"),
       std::string("a\\u0000b")},
  };
  for (const FieldCase& item : cases) fields.expectRefused(item, "", draft_, registered_);
}

TEST_P(InputReaderTest, AJunkPayloadIsRefusedAndNeverReachesTheHistory) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre)->getValue<std::string>("id");
  const std::string junk(900 * 1024, 'j');
  for (const std::string& payload :
       {R"({"reason":"Abandon","junk":")" + junk + "\"}", R"({"reason":")" + junk + "\"}"}) {
    const auto answer = fire(centre, file, "withdraw", 1, payload);
    EXPECT_EQ(answer.status, 422) << answer.body.substr(0, 300);
    EXPECT_EQ(answer.errorField().rfind("payload", 0), 0u) << answer.body.substr(0, 300);
  }
  const auto events = client().get("/api/v1/files/" + file + "/events", centre);
  ASSERT_EQ(events.status, 200);
  EXPECT_LT(events.body.size(), 20000u);
  EXPECT_EQ(events.body.find("jjjjjjjj"), std::string::npos);
  EXPECT_EQ(client().get("/api/v1/files/" + file, centre).json()->getValue<std::string>("state"), "draft");
  // A reasonable payload still goes through.
  EXPECT_EQ(fire(centre, file, "withdraw", 1, R"({"reason":"Abandon du candidat"})").status, 200);
}

// Data stored before the limits (a 66,000-character place, a 70 kB reason on an immutable
// decision) still gives the minutes: the PDF renders, the texts cut with a note.
TEST_P(InputReaderTest, MinutesWithOverLongStoredTextsStillRender) {
  const std::string centre = client().login("centre");
  const auto sessions = client().get("/api/v1/jury-sessions", centre).json()->getArray("items");
  ASSERT_GT(sessions->size(), 0u);
  const std::string session = sessions->getObject(0)->getValue<std::string>("id");
  std::string place;
  while (place.size() < 66000) place += "Salle ";
  const std::string reason(70 * 1024, 'm');
  server_->server().database().write([&](store::SqlSession& sql) {
    sql.statement("UPDATE jury_sessions SET place = '" + place + "' WHERE id = '" + session + "'").execute();
    sql.statement("UPDATE jury_decisions SET reason = '" + reason +
                  "', overrides_proposal = 1 WHERE session_id = '" + session + "'")
        .execute();
  });
  const auto minutes = client().get("/api/v1/jury-sessions/" + session + "/minutes.pdf", centre);
  EXPECT_EQ(minutes.status, 200) << minutes.body.substr(0, 300);
  EXPECT_EQ(minutes.body.substr(0, 5), "%PDF-");
}

INSTANTIATE_TEST_SUITE_P(Backends, InputReaderTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
