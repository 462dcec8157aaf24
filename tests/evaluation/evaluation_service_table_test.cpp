// The evaluation and commission services through their rules, case by case,
// on the typed records they answer (no HTTP, no JSON answers): who may grade,
// which values are refused and which field each refusal names.

#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <optional>

#include "evaluation/competency_etag.h"
#include "support/demo_services.h"

namespace cqpm::testing {
namespace {

using evaluation::CompetencyAnswer;

Poco::JSON::Object::Ptr objectOf(const std::string& json) {
  return Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
}

/// What a case expects outcomeOf to say.
std::string expected(const std::optional<ErrorCode>& code, const std::string& field) {
  return code ? std::string(errorCodeName(*code)) + " " + field : "accepted";
}

// In the demo: Léa's file is under_evaluation with evaluateur1 and evaluateur2
// as its commission and nothing graded; Nicolas's went on to company_opinion;
// Lucas's is modalities_agreed with no commission yet.
class EvaluationServiceTableTest : public DemoServicesTest {
 protected:
  /// The ETag of `competency` of `file` now, as the centre reads it.
  std::string currentEtag(const std::string& file, const std::string& competency) {
    for (const auto& item : server().evaluations().grid(actor("centre"), file).competencies) {
      if (item.competency.number == competency) return item.etag;
    }
    return evaluation::competencyEtag(file, competency, 0);
  }
  std::int64_t currentVersion(const std::string& file, const std::string& competency) {
    for (const auto& item : server().evaluations().grid(actor("centre"), file).competencies) {
      if (item.competency.number == competency) return item.version;
    }
    return -1;
  }
};

/// Which If-Match a case sends.
enum class Tag { kCurrent, kNone, kStale, kOfAnotherCompetency };

struct GradeCase {
  const char* name;
  const char* file;   ///< given name of the demo candidate
  const char* login;  ///< who writes
  const char* competency;
  const char* body;
  Tag tag;
  std::optional<ErrorCode> code;  ///< nullopt: written
  const char* field;
};

TEST_P(EvaluationServiceTableTest, GradingFollowsTheRulesAndRefusalsNameTheField) {
  const std::vector<GradeCase> cases{
      {"a member grades", "Léa Mercier", "evaluateur1", "1",
       R"({"result":"acquired","observations":{"methods":"Sûr"}})", Tag::kCurrent, std::nullopt, ""},
      {"the other member grades", "Léa Mercier", "evaluateur2", "2", R"({"result":"not_acquired"})",
       Tag::kCurrent, std::nullopt, ""},
      {"a member corrects a grade", "Léa Mercier", "evaluateur2", "1", R"({"result":"not_acquired"})",
       Tag::kCurrent, std::nullopt, ""},
      {"the coordinator does not grade", "Léa Mercier", "centre", "1", R"({"result":"acquired"})",
       Tag::kCurrent, ErrorCode::kForbidden, ""},
      {"the company does not grade", "Léa Mercier", "entreprise", "1", R"({"result":"acquired"})",
       Tag::kCurrent, ErrorCode::kForbidden, ""},
      {"an administrator does not grade", "Léa Mercier", "admin", "1", R"({"result":"acquired"})",
       Tag::kCurrent, ErrorCode::kForbidden, ""},
      {"another centre does not see the file", "Léa Mercier", "centre2", "1", R"({"result":"acquired"})",
       Tag::kCurrent, ErrorCode::kNotFound, ""},
      {"an evaluator outside the commission does not see the file", "Lucas Martin", "evaluateur1", "1",
       R"({"result":"acquired"})", Tag::kCurrent, ErrorCode::kNotFound, ""},
      {"the grid closes with the evaluation", "Nicolas Faure", "evaluateur1", "1", R"({"result":"acquired"})",
       Tag::kCurrent, ErrorCode::kInvalidState, ""},
      {"a competency the referential lacks", "Léa Mercier", "evaluateur1", "99", R"({"result":"acquired"})",
       Tag::kCurrent, ErrorCode::kNotFound, "competency"},
      {"no If-Match", "Léa Mercier", "evaluateur1", "3", R"({"result":"acquired"})", Tag::kNone,
       ErrorCode::kPreconditionRequired, "If-Match"},
      {"a stale If-Match", "Léa Mercier", "evaluateur1", "1", R"({"result":"acquired"})", Tag::kStale,
       ErrorCode::kPreconditionFailed, "If-Match"},
      {"the tag of another competency", "Léa Mercier", "evaluateur1", "3", R"({"result":"acquired"})",
       Tag::kOfAnotherCompetency, ErrorCode::kPreconditionFailed, "If-Match"},
      {"no result", "Léa Mercier", "evaluateur1", "3", R"({})", Tag::kCurrent, ErrorCode::kInvalidField,
       "result"},
      {"a result that is no text", "Léa Mercier", "evaluateur1", "3", R"({"result":3})", Tag::kCurrent,
       ErrorCode::kInvalidField, "result"},
      {"a result out of the list", "Léa Mercier", "evaluateur1", "3", R"({"result":"excellent"})",
       Tag::kCurrent, ErrorCode::kUnprocessable, "result"},
      {"observations that are no object", "Léa Mercier", "evaluateur1", "3",
       R"({"result":"acquired","observations":"x"})", Tag::kCurrent, ErrorCode::kInvalidField,
       "observations"},
      {"an observation that is no text", "Léa Mercier", "evaluateur1", "3",
       R"({"result":"acquired","observations":{"methods":5}})", Tag::kCurrent, ErrorCode::kInvalidField,
       "observations.methods"},
      {"a criteria group the competency lacks", "Léa Mercier", "evaluateur1", "3",
       R"({"result":"acquired","observations":{"style":"x"}})", Tag::kCurrent, ErrorCode::kUnprocessable,
       "observations.style"},
      {"an observation with a control character", "Léa Mercier", "evaluateur1", "3",
       R"({"result":"acquired","observations":{"means":"a\u0007b"}})", Tag::kCurrent,
       ErrorCode::kInvalidField, "observations.means"},
      {"evidence that is no list", "Léa Mercier", "evaluateur1", "3",
       R"({"result":"acquired","evidence":"x"})", Tag::kCurrent, ErrorCode::kInvalidField, "evidence"},
      {"evidence that is no id", "Léa Mercier", "evaluateur1", "3", R"({"result":"acquired","evidence":[7]})",
       Tag::kCurrent, ErrorCode::kInvalidField, "evidence[0]"},
      {"evidence from outside the file", "Léa Mercier", "evaluateur1", "3",
       R"({"result":"acquired","evidence":["nope"]})", Tag::kCurrent, ErrorCode::kUnprocessable,
       "evidence[0]"},
  };
  std::map<std::string, std::string> files;
  for (const char* name : {"Léa Mercier", "Lucas Martin", "Nicolas Faure"}) files[name] = demoFile(name);

  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string file = files.at(c.file);
    const domain::Actor writer = actor(c.login);
    std::optional<std::string> if_match;
    switch (c.tag) {
      case Tag::kCurrent:
        if_match = currentEtag(file, c.competency);
        break;
      case Tag::kNone:
        break;
      case Tag::kStale:
        if_match = evaluation::competencyEtag(file, c.competency, currentVersion(file, c.competency) + 5);
        break;
      case Tag::kOfAnotherCompetency:
        if_match = currentEtag(file, "2");
        break;
    }
    const std::int64_t before = currentVersion(file, c.competency);
    std::optional<CompetencyAnswer> answer;
    const std::string outcome = outcomeOf([&] {
      answer = server().evaluations().update(writer, file, c.competency, if_match, objectOf(c.body));
    });
    EXPECT_EQ(outcome, expected(c.code, c.field));
    if (!answer) continue;

    // What a write answers: the competency as it is now, signed by nobody yet.
    const auto& written = answer->competency;
    const auto body = objectOf(c.body);
    EXPECT_EQ(written.competency.number, c.competency);
    EXPECT_EQ(written.result, body->getValue<std::string>("result"));
    EXPECT_EQ(written.version, before + 1);
    EXPECT_EQ(written.etag, evaluation::competencyEtag(file, c.competency, before + 1));
    ASSERT_TRUE(written.updated_by);
    EXPECT_EQ(written.updated_by->id, writer.user_id);
    EXPECT_EQ(written.updated_by->display_name, writer.display_name);
    EXPECT_FALSE(written.updated_at.empty());
    EXPECT_TRUE(written.signatures.empty());
    EXPECT_FALSE(written.evaluated);
    EXPECT_FALSE(answer->created);
    ASSERT_EQ(written.observations.size(), 4u);
    EXPECT_EQ(written.observations[0].first, "methods");
    const auto given = body->getObject("observations");
    EXPECT_EQ(written.observations[0].second, given ? given->getValue<std::string>("methods") : "");
    EXPECT_EQ(currentVersion(file, c.competency), before + 1);
  }
}

TEST_P(EvaluationServiceTableTest, AStaleWriteCarriesTheCurrentContent) {
  const std::string file = demoFile("Léa Mercier");
  const auto first = actor("evaluateur1");
  const auto read = server().evaluations().grid(first, file).competencies.at(0);
  server().evaluations().update(first, file, read.competency.number, read.etag,
                                objectOf(R"({"result":"acquired"})"));
  try {
    server().evaluations().update(actor("evaluateur2"), file, read.competency.number, read.etag,
                                  objectOf(R"({"result":"not_acquired"})"));
    FAIL() << "a stale write went through";
  } catch (const evaluation::StaleCompetency& stale) {
    EXPECT_EQ(stale.code(), ErrorCode::kPreconditionFailed);
    EXPECT_EQ(stale.field(), "If-Match");
    EXPECT_EQ(stale.current().version, read.version + 1);
    EXPECT_EQ(stale.current().result, "acquired");
    EXPECT_EQ(stale.current().updated_by->display_name, "Patrick Girard");
  }
}

struct SignCase {
  const char* name;
  const char* login;
  const char* competency;  ///< "1" holds a result; "3" holds none
  Tag tag;
  std::optional<ErrorCode> code;
  const char* field;
  bool created;            ///< when it goes through: a new signature
  std::size_t signatures;  ///< when it goes through: how many sign the version now
  bool evaluated;
};

TEST_P(EvaluationServiceTableTest, SigningNeedsAMemberAResultAndTheCurrentVersion) {
  const std::string file = demoFile("Léa Mercier");
  server().evaluations().update(actor("evaluateur1"), file, "1", currentEtag(file, "1"),
                                objectOf(R"({"result":"acquired"})"));
  const std::vector<SignCase> cases{
      {"the coordinator does not sign", "centre", "1", Tag::kCurrent, ErrorCode::kForbidden, "", false, 0,
       false},
      {"the jury's side does not sign: the company", "entreprise", "1", Tag::kCurrent, ErrorCode::kForbidden,
       "", false, 0, false},
      {"nothing to sign yet", "evaluateur1", "3", Tag::kCurrent, ErrorCode::kUnprocessable, "result", false,
       0, false},
      {"no If-Match", "evaluateur1", "1", Tag::kNone, ErrorCode::kPreconditionRequired, "If-Match", false, 0,
       false},
      {"a stale version", "evaluateur1", "1", Tag::kStale, ErrorCode::kPreconditionFailed, "If-Match", false,
       0, false},
      {"a first member signs", "evaluateur1", "1", Tag::kCurrent, std::nullopt, "", true, 1, false},
      {"signing again changes nothing", "evaluateur1", "1", Tag::kCurrent, std::nullopt, "", false, 1, false},
      {"the second member makes it count", "evaluateur2", "1", Tag::kCurrent, std::nullopt, "", true, 2,
       true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::optional<std::string> if_match;
    if (c.tag == Tag::kCurrent) if_match = currentEtag(file, c.competency);
    if (c.tag == Tag::kStale) if_match = evaluation::competencyEtag(file, c.competency, 0);
    std::optional<CompetencyAnswer> answer;
    const std::string outcome = outcomeOf(
        [&] { answer = server().evaluations().sign(actor(c.login), file, c.competency, if_match); });
    EXPECT_EQ(outcome, expected(c.code, c.field));
    if (!answer) continue;
    EXPECT_EQ(answer->created, c.created);
    EXPECT_EQ(answer->competency.signatures.size(), c.signatures);
    EXPECT_EQ(answer->competency.evaluated, c.evaluated);
    EXPECT_EQ(answer->competency.version, 1);
  }
}

TEST_P(EvaluationServiceTableTest, TheGridTellsEachReaderWhatTheyMayDo) {
  const std::string file = demoFile("Léa Mercier");
  const auto member = server().evaluations().grid(actor("evaluateur1"), file);
  EXPECT_EQ(member.file_id, file);
  EXPECT_EQ(member.state, "under_evaluation");
  EXPECT_TRUE(member.referential_version);
  EXPECT_TRUE(member.referential_commit);
  ASSERT_EQ(member.commission.size(), 2u);
  EXPECT_TRUE(member.editable);
  EXPECT_FALSE(member.complete);
  ASSERT_FALSE(member.competencies.empty());
  for (const auto& competency : member.competencies) {
    EXPECT_EQ(competency.version, 0);
    EXPECT_EQ(competency.result, "not_evaluated");
    EXPECT_FALSE(competency.updated_by);
    EXPECT_TRUE(competency.updated_at.empty());
    EXPECT_EQ(competency.etag, evaluation::competencyEtag(file, competency.competency.number, 0));
  }
  EXPECT_FALSE(server().evaluations().grid(actor("centre"), file).editable);
  EXPECT_FALSE(server().evaluations().grid(actor("admin"), file).editable);
  EXPECT_EQ(outcomeOf([&] { server().evaluations().grid(actor("entreprise"), file); }), "forbidden ");
  EXPECT_EQ(outcomeOf([&] { server().evaluations().grid(actor("centre2"), file); }), "not_found ");
}

struct CommissionCase {
  const char* name;
  const char* file;
  const char* login;
  /// The evaluators member of the body: "{girard}", "{roux}" and "{centre}" stand for those accounts' ids.
  const char* evaluators;
  std::optional<ErrorCode> code;
  const char* field;
  std::vector<std::string> members;  ///< when it goes through: the display names, in order
};

TEST_P(EvaluationServiceTableTest, TheCommissionIsFormedByTheCoordinatorFromTheCentresEvaluators) {
  const std::vector<CommissionCase> cases{
      {"the coordinator forms it",
       "Lucas Martin",
       "centre",
       R"(["{girard}"])",
       std::nullopt,
       "",
       {"Patrick Girard"}},
      {"the same list again",
       "Lucas Martin",
       "centre",
       R"(["{girard}"])",
       std::nullopt,
       "",
       {"Patrick Girard"}},
      {"in the order given",
       "Lucas Martin",
       "centre",
       R"(["{roux}","{girard}"])",
       std::nullopt,
       "",
       {"Nathalie Roux", "Patrick Girard"}},
      {"an evaluator does not form it",
       "Léa Mercier",
       "evaluateur1",
       R"(["{girard}"])",
       ErrorCode::kForbidden,
       "",
       {}},
      {"another centre does not see the file",
       "Lucas Martin",
       "centre2",
       R"(["{girard}"])",
       ErrorCode::kNotFound,
       "",
       {}},
      {"the evaluation is over",
       "Nicolas Faure",
       "centre",
       R"(["{girard}"])",
       ErrorCode::kInvalidState,
       "",
       {}},
      {"not a list", "Lucas Martin", "centre", R"(null)", ErrorCode::kInvalidField, "evaluators", {}},
      {"empty", "Lucas Martin", "centre", R"([])", ErrorCode::kUnprocessable, "evaluators", {}},
      {"an entry that is no id",
       "Lucas Martin",
       "centre",
       R"([5])",
       ErrorCode::kInvalidField,
       "evaluators[0]",
       {}},
      {"an unknown account",
       "Lucas Martin",
       "centre",
       R"(["{girard}","nobody"])",
       ErrorCode::kUnprocessable,
       "evaluators[1]",
       {}},
      {"an account that is no evaluator",
       "Lucas Martin",
       "centre",
       R"(["{centre}"])",
       ErrorCode::kUnprocessable,
       "evaluators[0]",
       {}},
      {"an evaluator listed twice",
       "Lucas Martin",
       "centre",
       R"(["{roux}","{roux}"])",
       ErrorCode::kUnprocessable,
       "evaluators[1]",
       {}},
  };
  std::map<std::string, std::string> files;
  for (const char* name : {"Léa Mercier", "Lucas Martin", "Nicolas Faure"}) files[name] = demoFile(name);
  const std::map<std::string, std::string> ids{{"{girard}", actor("evaluateur1").user_id},
                                               {"{roux}", actor("evaluateur2").user_id},
                                               {"{centre}", actor("centre").user_id}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::string text = c.evaluators;
    for (const auto& [placeholder, id] : ids) Poco::replaceInPlace(text, placeholder, id);
    // Poco's parser takes no bare null: a null member is an absent list.
    const auto evaluators = text == "null"
                                ? Poco::JSON::Array::Ptr()
                                : Poco::JSON::Parser().parse(text).extract<Poco::JSON::Array::Ptr>();
    std::optional<evaluation::CommissionView> answer;
    const std::string outcome = outcomeOf(
        [&] { answer = server().commissions().assign(actor(c.login), files.at(c.file), evaluators); });
    EXPECT_EQ(outcome, expected(c.code, c.field));
    if (!answer) continue;
    std::vector<std::string> names;
    for (const auto& member : answer->evaluators) names.push_back(member.display_name);
    EXPECT_EQ(names, c.members);
    EXPECT_EQ(answer->file_id, files.at(c.file));
    EXPECT_TRUE(answer->editable);
    ASSERT_TRUE(answer->available_evaluators);
    EXPECT_EQ(answer->available_evaluators->size(), 2u);
  }
}

TEST_P(EvaluationServiceTableTest, OnlyTheCoordinatorSeesWhomToChooseFrom) {
  const std::string file = demoFile("Léa Mercier");
  const auto coordinator = server().commissions().get(actor("centre"), file);
  EXPECT_TRUE(coordinator.editable);
  ASSERT_TRUE(coordinator.available_evaluators);
  EXPECT_EQ(coordinator.available_evaluators->size(), 2u);
  EXPECT_EQ(coordinator.evaluators.size(), 2u);
  const auto member = server().commissions().get(actor("evaluateur1"), file);
  EXPECT_FALSE(member.editable);
  EXPECT_FALSE(member.available_evaluators);
  EXPECT_EQ(member.evaluators.size(), 2u);
  const auto closed = server().commissions().get(actor("centre"), demoFile("Nicolas Faure"));
  EXPECT_FALSE(closed.editable);
}

INSTANTIATE_TEST_SUITE_P(Backends, EvaluationServiceTableTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
