#include "files/event_summary.h"

#include <gtest/gtest.h>

#include "opinion/opinion_fixture.h"

// The French sentences of the activity feed: one per kind of event, from its
// payload, and never a crash on a payload that lacks what it usually holds.

namespace cqpm::testing {
namespace {

domain::FileEvent eventOf(const std::string& kind, const std::string& payload) {
  domain::FileEvent event;
  event.transition = kind;
  event.payload_json = payload;
  event.actor_display_name = "Nathalie Roux";
  return event;
}

std::string summary(const std::string& kind, const std::string& payload) {
  return files::eventSummaryFr(eventOf(kind, payload), nullptr);
}

TEST(EventSummaryTest, EachKindOfEventReadsAsAFrenchSentence) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases{
      {"evaluation_signed", R"({"competency":3,"version":2,"result":"acquired"})",
       "Nathalie Roux a signé la compétence 3 (acquise)"},
      {"evaluation_updated", R"({"competency":"4"})",
       "Nathalie Roux a modifié l'évaluation de la compétence 4"},
      {"company_opinion_signed", R"({"version":2})", "Avis de l'entreprise signé (version 2)"},
      {"company_opinion_saved", R"({"version":1,"revision":3})",
       "Avis de l'entreprise enregistré (brouillon)"},
      {"company_opinion_saved", R"({"version":2})",
       "Correction de l'avis de l'entreprise enregistrée (version 2, brouillon)"},
      {"comment_added", R"({"comment_id":"c","competency":"2"})", "Commentaire sur la compétence 2"},
      {"comment_added", R"({"comment_id":"c","competency":null})", "Commentaire général"},
      {"add_document", R"({"document_id":"d","kind":"report","version":1,"filename":"rapport.pdf"})",
       "Document déposé : « rapport.pdf » (rapport)"},
      {"add_document", R"({"kind":"report","version":3,"filename":"rapport.pdf"})",
       "Nouvelle version (3) du document « rapport.pdf »"},
      {"deadline_set", R"({"kind":"report","due_date":"2027-03-15"})", "Échéance fixée au 15/03/2027"},
      {"deadline_extended", R"({"deadline":"2027-04-01T23:59:59Z"})",
       "Échéance prolongée jusqu'au 01/04/2027"},
      {"jury_decision", R"({"outcome":"blocs_awarded"})", "Décision du jury : blocs de compétences validés"},
      {"decision_revoked", R"({"reason":"Erreur de saisie"})",
       "Décision du jury révoquée — motif : Erreur de saisie"},
      {"commission_assigned", R"({"members":["a","b"]})", "Commission d'évaluation désignée"},
      {"update_modality_plan", R"({})", "Plan des modalités d'évaluation enregistré"},
      {"move_referential", R"({"from_version":1,"to_version":2})",
       "Dossier passé à la version 2 du référentiel"},
      {"create", R"({})", "Dossier ouvert par Nathalie Roux"},
  };
  for (const auto& [kind, payload, expected] : cases) {
    EXPECT_EQ(summary(kind, payload), expected) << kind << " " << payload;
  }
}

TEST(EventSummaryTest, MissingOrMalformedPayloadsSayLessButNeverThrow) {
  for (const std::string kind :
       {"evaluation_signed", "evaluation_updated", "company_opinion_signed", "company_opinion_saved",
        "comment_added", "add_document", "deadline_set", "deadline_extended", "jury_decision",
        "decision_revoked", "commission_assigned", "move_referential", "plugin_failed", "something_new"}) {
    for (const std::string payload :
         {"", "{}", "not json", "[1,2]", R"({"competency":{"x":1},"version":[]})"}) {
      std::string text;
      EXPECT_NO_THROW(text = summary(kind, payload)) << kind << " " << payload;
      EXPECT_FALSE(text.empty()) << kind << " " << payload;
    }
  }
  EXPECT_EQ(summary("evaluation_signed", "{}"), "Nathalie Roux a signé l'évaluation");
  EXPECT_EQ(summary("jury_decision", "{}"), "Décision du jury enregistrée");
  EXPECT_EQ(summary("something_new", "{}"), "Événement « something_new »");
}

using ActivityFeedApiTest = OpinionApiTest;

TEST_P(ActivityFeedApiTest, EventsCarryTheActorsRoleAndAFrenchSummary) {
  const std::string centre = client().login("centre");
  const std::string file = createFile(centre, "Fil")->getValue<std::string>("id");
  ASSERT_EQ(fire(centre, file, "withdraw", 1, R"({"reason":"Abandon du candidat"})").status, 200);
  ASSERT_EQ(postComment(client().login("entreprise"), file, R"({"body":"Dommage","competency":"2"})").status,
            201);
  const auto feed = events(centre, file);
  ASSERT_EQ(feed->size(), 3u);
  EXPECT_EQ(feed->getObject(0)->getValue<std::string>("summary_fr"), "Dossier ouvert par Claire Moreau");
  const auto withdrawn = feed->getObject(1);
  EXPECT_EQ(withdrawn->getValue<std::string>("summary_fr"),
            "Retirer le dossier — motif : Abandon du candidat");
  EXPECT_EQ(withdrawn->getObject("actor")->getValue<std::string>("role"), "centre_coordinator");
  const auto comment = feed->getObject(2);
  EXPECT_EQ(comment->getValue<std::string>("summary_fr"), "Commentaire sur la compétence 2");
  EXPECT_EQ(comment->getObject("actor")->getValue<std::string>("display_name"), "Sophie Bernard");
  EXPECT_EQ(comment->getObject("actor")->getValue<std::string>("role"), "company_tutor");
}

INSTANTIATE_TEST_SUITE_P(Backends, ActivityFeedApiTest, ::testing::ValuesIn(storageBackends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cqpm::testing
