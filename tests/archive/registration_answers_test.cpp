// Registration answers as the printed archive writes them: in the CQPM's order, in French.

#include "archive/registration_answers.h"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

namespace cqpm::archive {
namespace {

Poco::JSON::Array::Ptr fields() {
  return Poco::JSON::Parser()
      .parse(R"([
        {"id": "material_family", "label": "Famille de matière première", "type": "choice",
         "choices": [{"id": "metal_powder", "label": "Poudre métallique"}, {"id": "sand", "label": "Sable"}]},
        {"id": "habilitations", "label": "Habilitations électriques détenues", "type": "credential_list"},
        {"id": "technologies", "label": "Technologies", "type": "choices",
         "choices": [{"id": "hydraulic", "label": "Hydraulique"}, {"id": "pneumatic", "label": "Pneumatique"}]},
        {"id": "night_shift", "label": "Travail de nuit", "type": "boolean"},
        {"id": "notes", "label": "Habilitations prévues", "type": "text_list"}
      ])")
      .extract<Poco::JSON::Array::Ptr>();
}

TEST(RegistrationAnswersTest, EachFieldInOrderWithItsAnswerInFrench) {
  const auto answers = registrationAnswers(fields(), R"({
      "night_shift": false,
      "habilitations": [{"symbol": "B1V", "issuer": "Mécanique SAS", "valid_until": "2029-06-30"},
                        {"symbol": "BR", "issuer": "", "valid_until": ""}],
      "material_family": "sand",
      "technologies": ["pneumatic", "hydraulic"],
      "notes": ["ATEX", "CACES"]})");
  ASSERT_EQ(answers.size(), 5u);
  EXPECT_EQ(answers[0].label, "Famille de matière première");
  EXPECT_EQ(answers[0].text, "Sable");
  EXPECT_EQ(answers[1].text, "B1V, délivrée par Mécanique SAS, valable jusqu’au 30/06/2029 ; BR");
  EXPECT_EQ(answers[2].text, "Pneumatique, Hydraulique");
  EXPECT_EQ(answers[3].text, "Non");
  EXPECT_EQ(answers[4].text, "ATEX, CACES");
}

TEST(RegistrationAnswersTest, UnansweredFieldsSaySoAndAnswersNoLongerAskedForAreStillPrinted) {
  const auto answers = registrationAnswers(fields(), R"({"retired_field": "gardé", "habilitations": []})");
  ASSERT_EQ(answers.size(), 6u);
  EXPECT_EQ(answers[0].text, "Non renseigné");
  EXPECT_EQ(answers[1].text, "Aucune");
  EXPECT_EQ(answers[5].label, "retired_field");
  EXPECT_EQ(answers[5].text, "gardé");
}

TEST(RegistrationAnswersTest, AnUnknownChoiceOrAMalformedStoreIsPrintedNotRefused) {
  const auto unknown = registrationAnswers(fields(), R"({"material_family": "titanium"})");
  EXPECT_EQ(unknown[0].text, "titanium");
  const auto malformed = registrationAnswers(fields(), "not json");
  ASSERT_EQ(malformed.size(), 5u);
  EXPECT_EQ(malformed[0].text, "Non renseigné");
  EXPECT_TRUE(registrationAnswers(nullptr, "{}").empty());
}

}  // namespace
}  // namespace cqpm::archive
