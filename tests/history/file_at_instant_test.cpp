// A file rebuilt as it stood at an instant from its own events (issue 16, item 3): what happened
// after the instant is undone with what each event recorded; nothing is read from a snapshot.

#include "history/file_at_instant.h"

#include <gtest/gtest.h>

namespace cqpm::history {
namespace {

domain::FileEvent eventAt(const std::string& at, const std::string& transition, const std::string& to_state,
                          const std::string& payload = "{}") {
  domain::FileEvent event;
  event.transition = transition;
  event.to_state = to_state;
  event.payload_json = payload;
  event.at = at;
  return event;
}

// Today's file, after each event of historyOfFile below.
domain::CandidateFile todaysFile() {
  domain::CandidateFile file;
  file.id = "f1";
  file.cqpm = "qualite";
  file.candidate = {"Alex", "Durand", "alex@example.org", "1995-05-18", "Lyon"};
  file.registration_json = R"({"family":"B"})";
  file.modality_plan_json = R"([{"competency":"1","modality":"second"}])";
  file.referential_version = 3;
  file.referential_commit = "c3";
  file.bloc_scope_json =
      R"({"carried_over":[{"bloc":1,"decision_id":"d1","confirmed_by":"u","confirmed_at":"2027-01-05T00:00:00.000000Z"}]})";
  file.state = "under_evaluation";
  return file;
}

std::vector<domain::FileEvent> historyOfFile() {
  return {
      eventAt("2027-01-01T09:00:00.000000Z", "create", "draft"),
      eventAt("2027-01-02T09:00:00.000000Z", "register", "registered"),
      eventAt("2027-01-03T09:00:00.000000Z", "update_modality_plan", "registered",
              R"({"competencies":[{"competency":"1","modality":"first"}]})"),
      eventAt("2027-01-04T09:00:00.000000Z", "commission_assigned", "registered",
              R"({"evaluators":["e1","e2"]})"),
      eventAt("2027-01-05T00:00:00.000000Z", "carry_over_confirmed", "registered", R"({"blocs":[]})"),
      eventAt(
          "2027-01-06T09:00:00.000000Z", "file_corrected", "registered",
          R"({"reason":"r","before":{"family_name":"Duran","birth_date":"1995-05-17","registration":"{\"family\":\"A\"}"},
                  "after":{"family_name":"Durand","birth_date":"1995-05-18","registration":"{\"family\":\"B\"}"}})"),
      eventAt("2027-01-07T09:00:00.000000Z", "move_referential", "registered",
              R"({"from_version":2,"to_version":3,"to_commit":"c3","changes":1})"),
      eventAt("2027-01-08T09:00:00.000000Z", "update_modality_plan", "registered",
              R"({"competencies":[{"competency":"1","modality":"second"}]})"),
      eventAt("2027-01-09T09:00:00.000000Z", "commission_assigned", "registered",
              R"({"evaluators":["e3","e2"]})"),
      eventAt("2027-01-10T09:00:00.000000Z", "start_evaluation", "under_evaluation"),
  };
}

std::optional<FileAtInstant> at(const std::string& instant) {
  return fileAtInstant(todaysFile(), historyOfFile(), instant, {"register"});
}

TEST(FileAtInstantTest, BeforeItsCreationTheFileDidNotExist) {
  EXPECT_FALSE(at("2027-01-01T08:59:59.999999Z").has_value());
}

TEST(FileAtInstantTest, AtItsCreationOnlyTheDraftAndItsFirstEvent) {
  const auto then = at("2027-01-01T09:00:00.000000Z");
  ASSERT_TRUE(then.has_value());
  EXPECT_EQ(then->file.state, "draft");
  EXPECT_EQ(then->events.size(), 1u);
  EXPECT_FALSE(then->file.referential_version.has_value());  // pinned by "register", a day later
  EXPECT_FALSE(then->file.modality_plan_json.has_value());
  EXPECT_TRUE(then->commission.empty());
  EXPECT_EQ(then->file.candidate.family_name, "Duran");
  EXPECT_EQ(then->file.registration_json, R"({"family":"A"})");
  EXPECT_EQ(then->file.bloc_scope_json, "{}");
  EXPECT_EQ(then->file.updated_at, "2027-01-01T09:00:00.000000Z");
}

TEST(FileAtInstantTest, BetweenEventsThePlanCommissionAndIdentityOfThatDay) {
  const auto then = at("2027-01-05T12:00:00.000000Z");
  ASSERT_TRUE(then.has_value());
  EXPECT_EQ(then->file.state, "registered");
  EXPECT_EQ(then->events.size(), 5u);
  EXPECT_EQ(then->file.modality_plan_json.value_or(""), R"([{"competency":"1","modality":"first"}])");
  EXPECT_EQ(then->commission, (std::vector<std::string>{"e1", "e2"}));
  EXPECT_EQ(then->file.candidate.family_name, "Duran");  // corrected the next day
  EXPECT_EQ(then->file.candidate.birth_date, "1995-05-17");
  EXPECT_EQ(then->file.candidate.given_name, "Alex");  // never corrected
  EXPECT_EQ(then->file.registration_json, R"({"family":"A"})");
  // The referential then: version 2 (moved to 3 on the 7th), whose commit the caller looks up.
  EXPECT_EQ(then->file.referential_version.value_or(0), 2);
  EXPECT_FALSE(then->file.referential_commit.has_value());
  EXPECT_TRUE(then->referential_moved);
  EXPECT_NE(then->file.bloc_scope_json.find("\"decision_id\":\"d1\""), std::string::npos);  // carried by then
}

TEST(FileAtInstantTest, AnInstantJustBeforeACarryOverLeavesItOut) {
  const auto then = at("2027-01-04T23:59:59.999999Z");
  ASSERT_TRUE(then.has_value());
  EXPECT_EQ(then->file.bloc_scope_json, "{}");
}

TEST(FileAtInstantTest, TodayIsTheFileAsStored) {
  const auto then = at("2027-02-01T00:00:00.000000Z");
  ASSERT_TRUE(then.has_value());
  const auto today = todaysFile();
  EXPECT_EQ(then->file.state, today.state);
  EXPECT_EQ(then->file.candidate.family_name, today.candidate.family_name);
  EXPECT_EQ(then->file.registration_json, today.registration_json);
  EXPECT_EQ(then->file.modality_plan_json, today.modality_plan_json);
  EXPECT_EQ(then->file.referential_version, today.referential_version);
  EXPECT_EQ(then->file.referential_commit, today.referential_commit);
  EXPECT_FALSE(then->referential_moved);
  EXPECT_EQ(then->file.bloc_scope_json, today.bloc_scope_json);
  EXPECT_EQ(then->commission, (std::vector<std::string>{"e3", "e2"}));
  EXPECT_EQ(then->events.size(), historyOfFile().size());
}

TEST(FileAtInstantTest, AnUnreadablePayloadUndoesNothingAndThrowsNothing) {
  auto events = historyOfFile();
  events[5].payload_json = "not json";
  const auto then = fileAtInstant(todaysFile(), events, "2027-01-05T12:00:00.000000Z", {"register"});
  ASSERT_TRUE(then.has_value());
  EXPECT_EQ(then->file.candidate.family_name, "Durand");
}

}  // namespace
}  // namespace cqpm::history
