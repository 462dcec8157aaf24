// A file's chain of events checked link by link: what each kind of rewrite looks like.

#include "audit/event_chain.h"

#include <gtest/gtest.h>

#include "store/event_store.h"

namespace cqpm::audit {
namespace {

// Three events chained as event_store::append chains them.
std::vector<domain::FileEvent> threeEvents() {
  std::vector<domain::FileEvent> events;
  std::string previous = store::event_store::genesisHash();
  const char* transitions[] = {"create", "register", "agree_modalities"};
  for (int seq = 1; seq <= 3; ++seq) {
    domain::FileEvent event;
    event.file_id = "f-1";
    event.seq = seq;
    event.transition = transitions[seq - 1];
    if (seq > 1) event.from_state = "s" + std::to_string(seq - 1);
    event.to_state = "s" + std::to_string(seq);
    event.actor_id = "u-1";
    event.organisation_id = "centre";
    event.payload_json = "{}";
    event.at = "2026-12-0" + std::to_string(seq) + "T10:00:00.000000Z";
    event.prev_hash = previous;
    event.hash = store::event_store::chainHash(event);
    previous = event.hash;
    events.push_back(event);
  }
  return events;
}

TEST(EventChainTest, AnUntouchedChainIsIntact) {
  const auto check = checkFileChain("f-1", threeEvents());
  EXPECT_TRUE(check.intact());
  EXPECT_EQ(check.events, 3);
  ASSERT_EQ(check.chain.size(), 3u);
  for (const auto& link : check.chain) EXPECT_TRUE(link.intact) << link.event.seq;
}

TEST(EventChainTest, AnEditedFieldIsTheAlteredEventAndTheRestCannotBeVouchedFor) {
  auto events = threeEvents();
  events[1].payload_json = R"({"reason":"réécrit"})";
  const auto check = checkFileChain("f-1", events);
  EXPECT_EQ(check.broken_at, 2);
  EXPECT_EQ(check.problem, "was altered");
  EXPECT_TRUE(check.chain[0].intact);
  EXPECT_FALSE(check.chain[1].intact);
  EXPECT_EQ(check.chain[2].problem, "after a broken link");
}

TEST(EventChainTest, ARehashedEditStillBreaksTheNextLink) {
  auto events = threeEvents();
  events[1].at = "2026-11-30T10:00:00.000000Z";
  events[1].hash = store::event_store::chainHash(events[1]);  // a forger who rehashes one event
  const auto check = checkFileChain("f-1", events);
  EXPECT_EQ(check.broken_at, 3);
  EXPECT_EQ(check.problem, "does not follow the previous event");
}

TEST(EventChainTest, ADeletedEventIsNamedMissing) {
  auto events = threeEvents();
  events.erase(events.begin() + 1);
  const auto check = checkFileChain("f-1", events);
  EXPECT_EQ(check.broken_at, 2);
  EXPECT_EQ(check.problem, "event 2 is missing");

  auto without_creation = threeEvents();
  without_creation.erase(without_creation.begin());
  EXPECT_EQ(checkFileChain("f-1", without_creation).problem, "event 1 is missing");
}

TEST(EventChainTest, AFileWithoutEventsIsBroken) {
  const auto check = checkFileChain("f-1", {});
  EXPECT_FALSE(check.intact());
  EXPECT_EQ(check.broken_at, 1);
}

}  // namespace
}  // namespace cqpm::audit
